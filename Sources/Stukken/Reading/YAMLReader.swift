import Yams

/// Stage 1: YAML text → a node tree that remembers where every value stands.
///
/// Everything that would make Yams slow, lossy or crash is refused here first, with a
/// located diagnostic: control and bidi characters, anchors and aliases, deep nesting.
public enum YAMLReader {
    public static func read(_ source: SourceFile) -> Result<Node, DiagnosticsError> {
        read(source, scan: true)
    }

    /// `scan: false` only for a text this process has scanned before (same bytes).
    static func read(_ source: SourceFile, scan: Bool) -> Result<Node, DiagnosticsError> {
        guard scan else { return compose(source) }
        var diagnostics: [Diagnostic] = []
        diagnostics += invisibleCharacters(in: source)
        diagnostics += AliasScanner.scan(source.text).map { finding in
            Diagnostic(
                .error, file: source.path, line: finding.line, column: finding.column,
                message: finding.kind == .alias
                    ? Message.aliasRefused(name: finding.name) : Message.anchorRefused(name: finding.name))
        }
        if let deep = tooDeep(source) { diagnostics.append(deep) }
        if diagnostics.hasErrors { return .failure(DiagnosticsError(diagnostics)) }
        return compose(source)
    }

    private static func compose(_ source: SourceFile) -> Result<Node, DiagnosticsError> {
        do {
            // The encoding named: Yams' default reads the whole environment on every call.
            guard let node = try Yams.compose(yaml: source.text, Resolver.basic, .default, .utf8) else {
                return .failure(DiagnosticsError([Diagnostic(.error, file: source.path, message: Message.emptyFile)]))
            }
            return .success(node)
        } catch let error as YamlError {
            return .failure(DiagnosticsError([diagnostic(for: error, in: source)]))
        } catch {
            return .failure(
                DiagnosticsError([
                    Diagnostic(.error, file: source.path, message: Message.yamlUnreadable(String(describing: error)))
                ]))
        }
    }

    /// Characters an author cannot see but that change meaning or break Yams:
    /// C0/C1 controls (except tab and line breaks), bidirectional overrides and marks,
    /// and a byte-order mark inside the text. A byte scan finds them; lines and columns
    /// are counted only when one is there.
    static func invisibleCharacters(in source: SourceFile) -> [Diagnostic] {
        var result: [Diagnostic] = []
        var line = 1
        var column = 1
        var scalars = source.text.unicodeScalars.makeIterator()
        // The table is fetched once: a static read per byte went through `swift_once` (perf: 2 % of a plan).
        let suspicious = Self.mayStartInvisible.withUnsafeBufferPointer { table in
            source.text.withUTF8Bytes { bytes in bytes.contains { table[Int($0)] } }
        }
        guard suspicious else {
            return []
        }
        while let scalar = scalars.next() {
            if scalar == "\n" {
                line += 1
                column = 1
                continue
            }
            if Self.isForbidden(scalar) {
                result.append(
                    Diagnostic(
                        .error, file: source.path, line: line, column: column,
                        message: Message.invisibleCharacter(scalar)))
                if result.count >= 20 { break }
            }
            column += 1
        }
        return result
    }

    /// Bytes that can begin a forbidden character: C0 controls but tab and line breaks,
    /// DEL, and the lead bytes of C1 controls (C2), bidi marks (E2) and the BOM (EF).
    /// A table: one load a byte instead of seven comparisons.
    private static let mayStartInvisible: [Bool] = (0..<256).map { b in
        (b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D) || b == 0x7F || b == 0xC2 || b == 0xE2 || b == 0xEF
    }

    static func isForbidden(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0xFEFF: return true
        default: return false
        }
    }

    /// Nesting deeper than any document needs; refused so Yams never recurses without
    /// bound. Flow brackets are counted outside quotes; block nesting is bounded by
    /// indentation (one level needs at least one space).
    static func tooDeep(_ source: SourceFile) -> Diagnostic? {
        let space = UInt8(ascii: " ")
        let dash = UInt8(ascii: "-")
        let newline = UInt8(ascii: "\n")
        let quote = UInt8(ascii: "\"")
        return source.text.withUTF8Bytes { bytes -> Diagnostic? in
            var depth = 0
            var line = 1
            var lineStart = 0
            var inQuote = false
            var i = 0
            // The column is counted only for the report (characters, not bytes).
            func column(_ at: Int) -> Int { bytes[lineStart...at].reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) } }
            while i < bytes.count {
                var indent = 0
                while i < bytes.count, bytes[i] == space || bytes[i] == dash {
                    indent += 1
                    if indent > Limits.maximumNesting * 4 {
                        return Diagnostic(
                            .error, file: source.path, line: line, column: 1, message: Message.nestedTooDeep)
                    }
                    i += 1
                }
                while i < bytes.count {
                    let byte = bytes[i]
                    if byte == newline {
                        line += 1
                        i += 1
                        lineStart = i
                        break
                    }
                    if inQuote {
                        if byte == quote { inQuote = false }
                    } else {
                        switch byte {
                        case quote: inQuote = true
                        case UInt8(ascii: "["), UInt8(ascii: "{"):
                            depth += 1
                            if depth > Limits.maximumNesting {
                                return Diagnostic(
                                    .error, file: source.path, line: line, column: column(i),
                                    message: Message.nestedTooDeep)
                            }
                        case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
                        default: break
                        }
                    }
                    i += 1
                }
            }
            return nil
        }
    }

    static func diagnostic(for error: YamlError, in source: SourceFile) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            // An unclosed quote or bracket is found at the end of the file; the author
            // needs the place where it was opened, which libyaml keeps as the context.
            let at = (problem.contains("end of stream") ? context?.mark : nil) ?? mark
            return Diagnostic(
                .error, file: source.path, line: at.line, column: at.column,
                message: Message.yamlSyntax(problem: problem, context: context?.text, line: source.lineText(at.line)))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            let location = source.secondOccurrence(ofKey: key, after: context.mark.line)
            return Diagnostic(
                .error, file: source.path, line: location?.line ?? context.mark.line,
                column: location?.column ?? context.mark.column, field: key,
                message: Message.duplicateKey(key))
        case .reader(let problem, _, _, _):
            return Diagnostic(.error, file: source.path, message: Message.yamlUnreadable(problem))
        default:
            return Diagnostic(.error, file: source.path, message: Message.yamlUnreadable(String(describing: error)))
        }
    }
}

extension SourceFile {
    func lineText(_ number: Int) -> String {
        DiagnosticPrinter.line(number, of: text).map(String.init) ?? ""
    }

    /// Yams points a duplicate key at its mapping's start; find the repeated key itself.
    func secondOccurrence(ofKey key: String, after startLine: Int) -> (line: Int, column: Int)? {
        var seen = false
        var number = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            guard number >= startLine else { continue }
            let trimmed = line.drop { $0 == " " || $0 == "-" }
            if trimmed.hasPrefix(key + ":") || trimmed.hasPrefix("\"\(key)\":") || trimmed.hasPrefix("'\(key)':") {
                if seen { return (number, line.count - trimmed.count + 1) }
                seen = true
            }
        }
        return nil
    }
}
