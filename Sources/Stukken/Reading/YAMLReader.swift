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
    /// C0/C1 controls (except tab and line breaks), bidirectional overrides and marks, a
    /// byte-order mark inside the text, and the line breaks libyaml knows that editors and
    /// terminals do not show as one (U+0085, U+2028, U+2029, and a lone CR in a file that
    /// also has LF): in a comment they would start a live line, `# openbaar: nee<U+2028>openbaar: ja`.
    /// A byte scan finds them (`mayContainInvisible`); lines and columns are counted only
    /// when one may be there (`invisibleCharactersLocated`, which must agree with it).
    static func invisibleCharacters(in source: SourceFile) -> [Diagnostic] {
        guard mayContainInvisible(source.text) else { return [] }
        return invisibleCharactersLocated(in: source)
    }

    /// The fast test: true when the text may hold a character `invisibleCharactersLocated` refuses.
    static func mayContainInvisible(_ text: String) -> Bool {
        // The table is fetched once: a static read per byte went through `swift_once` (perf: 2 % of a plan).
        Self.mayStartInvisible.withUnsafeBufferPointer { table in
            text.withUTF8Bytes { bytes in
                if bytes.contains(where: { table[Int($0)] }) { return true }
                // A CR line ending is fine in a file of CR or CRLF line endings; a lone one
                // among LF line endings is the trick (rare, so a second pass only then).
                guard let cr = bytes.firstIndex(of: LineBreak.cr), bytes.contains(LineBreak.lf) else { return false }
                return bytes[cr...].indices.contains { i in
                    bytes[i] == LineBreak.cr && (i + 1 == bytes.count || bytes[i + 1] != LineBreak.lf)
                }
            }
        }
    }

    /// Every forbidden character with its line and column (lines end as libyaml ends them).
    static func invisibleCharactersLocated(in source: SourceFile) -> [Diagnostic] {
        var result: [Diagnostic] = []
        var line = 1
        var column = 1
        let hasLF = source.text.utf8.contains(LineBreak.lf)
        var scalars = source.text.unicodeScalars.makeIterator()
        var next = scalars.next()
        while let scalar = next, result.count < 20 {
            next = scalars.next()
            if scalar == "\r" && next == "\n" { continue }  // CRLF: the LF ends the line
            if scalar == "\n" || scalar == "\r" {
                if scalar == "\r" && hasLF {
                    result.append(
                        Diagnostic(
                            .error, file: source.path, line: line, column: column, message: Message.loneCarriageReturn))
                }
                line += 1
                column = 1
                continue
            }
            if Self.isRefusedInSource(scalar) {
                let message =
                    isLineBreak(scalar) ? Message.unicodeLineBreak(scalar) : Message.invisibleCharacter(scalar)
                result.append(Diagnostic(.error, file: source.path, line: line, column: column, message: message))
            }
            column += 1
        }
        return result
    }

    private enum LineBreak {
        static let lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
    }

    /// Bytes that can begin a forbidden character: C0 controls but tab and line breaks,
    /// DEL, and the lead bytes of C1 controls and U+0085 (C2), bidi marks, U+2028 and
    /// U+2029 (E2) and the BOM (EF). A table: one load a byte instead of seven comparisons.
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

    /// The breaks libyaml ends a line at besides LF and CR. Refused written raw; as a
    /// `\L` or `\u2028` escape in a double-quoted scalar, U+2028 and U+2029 are text
    /// (an escape cannot make a line of YAML; the page folds them to a space).
    static func isLineBreak(_ s: Unicode.Scalar) -> Bool {
        s.value == 0x85 || s.value == 0x2028 || s.value == 0x2029
    }

    /// What the text of a source may not hold (raw, not as an escape).
    static func isRefusedInSource(_ s: Unicode.Scalar) -> Bool {
        isForbidden(s) || isLineBreak(s)
    }

    /// Nesting deeper than any document needs; refused so Yams never recurses without
    /// bound. Block nesting needs at least a column a level: a line indented (spaces and
    /// `- ` markers) more than `Limits.maximumIndentation` columns is refused. Flow
    /// brackets are counted outside quoted scalars and comments: more than
    /// `Limits.maximumNesting` open `[`/`{` are refused (see `FlowDepth`).
    static func tooDeep(_ source: SourceFile) -> Diagnostic? {
        source.text.withUTF8Bytes { bytes -> Diagnostic? in
            FlowDepth.firstTooDeep(bytes).map { found in
                Diagnostic(
                    .error, file: source.path, line: found.line, column: found.column,
                    message: found.indentation ? Message.indentedTooDeep : Message.nestedTooDeep)
            }
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
        LineIndex(text).line(number).map(String.init) ?? ""
    }

    /// Yams points a duplicate key at its mapping's start; find the repeated key itself.
    func secondOccurrence(ofKey key: String, after startLine: Int) -> (line: Int, column: Int)? {
        var seen = false
        var number = 0
        // Lines as libyaml counts them (a split at "\n" missed every line of a CRLF file).
        for line in LineIndex(text).lines {
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
