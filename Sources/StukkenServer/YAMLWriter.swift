import Stukken

/// Writes form values as a stukken YAML file: fields in the kind's order, blank fields
/// left out, one-line values double-quoted (safe for any text: `ja`, `E3`, `: `, `#`),
/// Markdown as literal block scalars so it reads like the text the author typed.
public enum YAMLWriter {
    public static func yaml(kind: any DocumentKind.Type, values: FormValue) -> String {
        var out = "soort: \(kind.soort)\n"
        out += fields(kind.fields.filter { $0.key != "soort" }, values: values, indent: "")
        return out
    }

    static func fields(_ fields: [Field], values: FormValue, indent: String) -> String {
        var out = ""
        for field in fields {
            guard let value = values[field.key], !value.isBlank else { continue }
            out += entry(key: field.key, type: field.type, value: value, indent: indent)
        }
        return out
    }

    /// `key: value` (or `key:` and a block below) at `indent`.
    static func entry(key: String, type: FieldType, value: FormValue, indent: String) -> String {
        switch type {
        case .text, .date, .jaNee, .choice:
            return "\(indent)\(key): \(YAMLScalar.quoted(value.text))\n"
        case .markdown:
            return "\(indent)\(key): \(block(value.text, indent: indent + "  "))"
        case .list(let element, _):
            var out = "\(indent)\(key):\n"
            for item in value.items where !item.isBlank {
                out += listItem(element, value: item, indent: indent + "  ")
            }
            return out
        case .record(let fields):
            return "\(indent)\(key):\n" + self.fields(fields, values: value, indent: indent + "  ")
        case .textOrRecord(let shorthand, let fields):
            if let short = shortForm(value, shorthand: shorthand) {
                return "\(indent)\(key): \(YAMLScalar.quoted(short))\n"
            }
            return "\(indent)\(key):\n" + self.fields(fields, values: value, indent: indent + "  ")
        }
    }

    static func listItem(_ element: FieldType, value: FormValue, indent: String) -> String {
        switch element {
        case .record(let fields):
            return dashed(self.fields(fields, values: value, indent: indent + "  "), indent: indent)
        case .textOrRecord(let shorthand, let fields):
            if let short = shortForm(value, shorthand: shorthand) { return "\(indent)- \(YAMLScalar.quoted(short))\n" }
            return dashed(self.fields(fields, values: value, indent: indent + "  "), indent: indent)
        case .markdown:
            return "\(indent)- \(block(value.text, indent: indent + "  "))"
        case .list:
            // Lists of lists do not occur in any kind; written as a nested sequence.
            var out = "\(indent)-\n"
            for item in value.items where !item.isBlank { out += listItem(element, value: item, indent: indent + "  ") }
            return out
        default:
            return "\(indent)- \(YAMLScalar.quoted(value.text))\n"
        }
    }

    /// Turns the first line of a mapping written at `indent + 2` into a list item's first line.
    static func dashed(_ mapping: String, indent: String) -> String {
        indent + "- " + mapping.dropFirst(indent.count + 2)
    }

    /// The text when only the shorthand field of a text-or-mapping is filled.
    static func shortForm(_ value: FormValue, shorthand: String) -> String? {
        guard case .record(let values) = value else { return value.text }
        let others = values.filter { $0.key != shorthand && !$0.value.isBlank }
        return others.isEmpty ? values[shorthand]?.text ?? "" : nil
    }

    /// A literal block scalar (`|`), with the chomping that keeps the text's trailing line
    /// breaks exactly and an indentation indicator when the text starts with a space or a
    /// tab (libyaml would take them for indentation, and refuses a tab there).
    static func block(_ text: String, indent: String) -> String {
        var body = text
        var trailing = 0
        while body.hasSuffix("\n") {
            body.removeLast()
            trailing += 1
        }
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        // Text a block scalar cannot hold exactly (a break other than LF, a control): quoted.
        if body.isEmpty || !body.unicodeScalars.allSatisfy({ $0 == "\n" || YAMLScalar.isRaw($0) }) {
            return YAMLScalar.quoted(text) + "\n"
        }
        let chomping = trailing == 0 ? "-" : trailing == 1 ? "" : "+"
        let firstContent = lines.first { !$0.allSatisfy { $0 == " " } } ?? ""
        let startsBlank = firstContent.first == " " || firstContent.first == "\t"
        let indicator = startsBlank || lines.first?.allSatisfy({ $0 == " " }) == true ? "2" : ""
        var out = "|\(indicator)\(chomping)\n"
        for line in lines {
            out += line.isEmpty ? "\n" : indent + line + "\n"
        }
        if trailing > 1 { out += String(repeating: "\n", count: trailing - 1) }
        return out
    }

}
