/// Prints diagnostics the way compilers do: the location line, then the source line
/// with a caret under the column, so the author sees the spot without opening the file.
///
/// At most `maximumPerFile` diagnostics of one file are printed, then how many more there
/// are: a file of 20,000 unknown keys needs its first screens, not 20,000 carets. What is
/// not printed still counts (the exit status does not change).
public struct DiagnosticPrinter: Sendable {
    public static let maximumPerFile = 100

    /// Source texts by file name, indexed once for the excerpt under each diagnostic.
    private let sources: [String: LineIndex]

    public init(sources: [String: String] = [:]) {
        self.sources = sources.mapValues(LineIndex.init)
    }

    public func format(_ diagnostic: Diagnostic) -> String {
        var out = diagnostic.description
        guard let line = diagnostic.line, let sourceLine = sources[diagnostic.file]?.line(line) else { return out }
        let shown = sourceLine.visible()
        out += "\n" + shown
        if let column = diagnostic.column {
            // Columns count Unicode scalars (as libyaml does); tabs were shown as one space.
            let prefix = sourceLine.unicodeScalars.prefix(max(0, column - 1))
            let pad = String(repeating: " ", count: prefix.count)
            out += "\n" + pad + "^"
        }
        return out
    }

    /// Every diagnostic up to `maximumPerFile` a file, then a line per file saying how many more.
    public func format(_ diagnostics: [Diagnostic]) -> String {
        var printed: [String: Int] = [:]
        var notPrinted: [String: (errors: Int, others: Int)] = [:]
        var filesNotPrinted: [String] = []
        var out: [String] = []
        for d in diagnostics {
            let n = printed[d.file, default: 0]
            if n < Self.maximumPerFile {
                printed[d.file] = n + 1
                out.append(format(d))
                continue
            }
            if notPrinted[d.file] == nil { filesNotPrinted.append(d.file) }
            if d.severity == .error {
                notPrinted[d.file, default: (0, 0)].errors += 1
            } else {
                notPrinted[d.file, default: (0, 0)].others += 1
            }
        }
        for file in filesNotPrinted {
            let left = notPrinted[file]!
            out.append(MessagePart.moreDiagnostics(file: file, errors: left.errors, others: left.others))
        }
        return out.joined(separator: "\n")
    }

    static func line(_ number: Int, of text: String) -> Substring? {
        LineIndex(text).line(number)
    }
}

extension Substring {
    /// Tabs as one space; control, bidi and line-break characters as `�`: echoed raw, a NUL
    /// would cut the line and a U+202E would reorder the terminal's text around the caret.
    /// One scalar stays one scalar, so the caret still lines up.
    fileprivate func visible() -> String {
        var out = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if scalar == "\t" {
                out.append(" ")
            } else if YAMLReader.isRefusedInSource(scalar) {
                out.append("\u{FFFD}")
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
