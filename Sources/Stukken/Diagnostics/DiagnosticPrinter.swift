/// Prints diagnostics the way compilers do: the location line, then the source line
/// with a caret under the column, so the author sees the spot without opening the file.
public struct DiagnosticPrinter: Sendable {
    /// Source texts by file name, for the excerpt under each diagnostic.
    private let sources: [String: String]

    public init(sources: [String: String] = [:]) {
        self.sources = sources
    }

    public func format(_ diagnostic: Diagnostic) -> String {
        var out = diagnostic.description
        guard let line = diagnostic.line, let text = sources[diagnostic.file],
            let sourceLine = Self.line(line, of: text)
        else { return out }
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

    public func format(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(format).joined(separator: "\n")
    }

    static func line(_ number: Int, of text: String) -> Substring? {
        var current = 1
        var start = text.startIndex
        while current < number {
            guard let newline = text[start...].firstIndex(where: { $0 == "\n" || $0 == "\r\n" }) else {
                return nil
            }
            start = text.index(after: newline)
            current += 1
        }
        let end = text[start...].firstIndex(where: { $0 == "\n" || $0 == "\r\n" }) ?? text.endIndex
        return text[start..<end]
    }
}

extension Substring {
    /// Tabs as one space; control and bidi characters as `�`: echoed raw, a NUL would cut
    /// the line and a U+202E would reorder the terminal's text around the caret.
    /// One scalar stays one scalar, so the caret still lines up.
    fileprivate func visible() -> String {
        var out = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if scalar == "\t" {
                out.append(" ")
            } else if YAMLReader.isForbidden(scalar) && scalar != "\r" {
                out.append("\u{FFFD}")
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
