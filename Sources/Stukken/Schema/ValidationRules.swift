import Yams

/// What counts as blank, how field paths are written, and what a field stands for when it
/// is left out: the small rules `Validator` applies while it walks a file.
extension Validator {
    /// Empty: a blank scalar, or a mapping or list holding nothing but blanks (an
    /// untouched block from `stukken new` counts as absent, not as half-filled).
    static func isEmpty(_ node: Node) -> Bool {
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain {
                return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
            }
            return scalar.string.allSatisfy(\.isWhitespace)
        case .mapping(let mapping):
            return !mapping.isEmpty && mapping.allSatisfy { isEmpty($0.value) }
        case .sequence(let sequence):
            return !sequence.isEmpty && sequence.allSatisfy(isEmpty)
        case .alias:
            return false
        }
    }

    static func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }
}

extension Field {
    /// `defaultValue` as the value the field would have had if written out.
    var typedDefault: Value? {
        guard let text = defaultValue else { return nil }
        return switch type {
        case .markdown: .markdown(text)
        case .jaNee: .jaNee(text == "ja")
        case .date: (try? Datum.parse(text).get()).map(Value.date) ?? .text(text)
        default: .text(text)
        }
    }
}

extension FieldType {
    var isMarkdown: Bool {
        if case .markdown = self { return true }
        return false
    }

    /// Whether a lone scalar can stand for a one-item list of this type.
    var acceptsScalar: Bool {
        switch self {
        case .text, .markdown, .textOrRecord, .choice, .date: true
        default: false
        }
    }
}
