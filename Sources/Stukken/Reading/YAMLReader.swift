import Yams

/// Stage 1: YAML text → a node tree that remembers where every value stands.
///
/// Everything that would make Yams slow, lossy or crash is refused here first, with a
/// located diagnostic: control and bidi characters, anchors and aliases, deep nesting.
public enum YAMLReader {
    public static func read(_ source: SourceFile) -> Result<Node, DiagnosticsError> {
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

        do {
            guard let node = try Yams.compose(yaml: source.text) else {
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
    /// C0/C1 controls (except tab and line breaks) and bidirectional overrides.
    static func invisibleCharacters(in source: SourceFile) -> [Diagnostic] {
        var result: [Diagnostic] = []
        var line = 1
        var column = 1
        for scalar in source.text.unicodeScalars {
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

    static func isForbidden(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0xFEFF: return true
        default: return false
        }
    }

    /// Nesting deeper than any document needs; refused so Yams never recurses without bound.
    static func tooDeep(_ source: SourceFile) -> Diagnostic? {
        var depth = 0
        var line = 1
        var column = 0
        var inQuote: Unicode.Scalar? = nil
        for scalar in source.text.unicodeScalars {
            column += 1
            if scalar == "\n" {
                line += 1
                column = 0
                // Block nesting: count indentation steps at the start of the next line instead.
                continue
            }
            if let q = inQuote {
                if scalar == q { inQuote = nil }
                continue
            }
            switch scalar {
            case "[", "{":
                depth += 1
                if depth > Limits.maximumNesting {
                    return Diagnostic(
                        .error, file: source.path, line: line, column: column, message: Message.nestedTooDeep)
                }
            case "]", "}": depth = max(0, depth - 1)
            default: break
            }
        }
        // Block nesting is bounded by indentation: one level needs at least one space.
        line = 0
        for text in source.text.split(separator: "\n", omittingEmptySubsequences: false) {
            line += 1
            let indent = text.prefix { $0 == " " || $0 == "-" }.count
            if indent > Limits.maximumNesting * 4 {
                return Diagnostic(
                    .error, file: source.path, line: line, column: 1, message: Message.nestedTooDeep)
            }
        }
        return nil
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
