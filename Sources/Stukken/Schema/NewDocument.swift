/// `stukken new`: a ready-to-fill YAML file for a kind, written from its fields, every
/// field present and preceded by its label and the form's hulpvragen as comments.
public enum NewDocument {
    /// - Parameter filled: put each field's example value in (used by tests to prove a
    ///   filled-in file passes `check`); otherwise values are left blank for the author.
    public static func yaml(for kind: any DocumentKind.Type, filled: Bool = false) -> String {
        var out = "# Nieuw stuk: \(kind.soort). Vul elk veld in; regels die met # beginnen zijn uitleg.\n"
        out += "# Controleer het resultaat met: stukken check BESTAND\n"
        out += "# Een leeg veld dat (optioneel) is, mag blijven staan of weg.\n"
        out += "# Tekst die met * & ! [ { > | % @ of ` begint, of ': ' bevat: zet hem tussen aanhalingstekens.\n"
        for field in kind.fields {
            out += "\n"
            out += block(for: field, indent: "", filled: filled)
        }
        return out
    }

    private static func block(for field: Field, indent: String, filled: Bool, comments: Bool = true) -> String {
        var out = ""
        if comments {
            let presence: String
            switch field.presence {
            case .required: presence = "verplicht"
            case .optional: presence = "optioneel"
            case .requiredWhen(let key, let values): presence = "verplicht bij \(key): \(values.joined(separator: "/"))"
            }
            out += "\(indent)# \(field.label) (\(presence))\n"
            for line in field.help { out += "\(indent)#   \(line)\n" }
            if let hint = typeHint(field.type) { out += "\(indent)#   \(hint)\n" }
        }
        let key = field.key == "soort" ? "soort: \(field.example ?? "")" : "\(field.key):"
        if field.key == "soort" { return out + indent + key + "\n" }
        switch field.type {
        case .text, .date, .jaNee, .choice:
            let value = filled ? " " + YAMLScalar.quoted(sample(field)) : ""
            out += "\(indent)\(key)\(value)\n"
        case .markdown:
            out += "\(indent)\(key) |\n"
            out += "\(indent)  \(filled ? sample(field) : "")\n"
        case .list(let element, _):
            out += "\(indent)\(key)\n"
            out += listItem(element, field: field, indent: indent + "  ", filled: filled)
        case .record(let fields):
            out += "\(indent)\(key)\n"
            for f in fields { out += block(for: f, indent: indent + "  ", filled: filled) }
        case .textOrRecord(let shorthand, let fields):
            let short = fields.first { $0.key == shorthand }
            if filled, let short, short.example == nil {
                // A shorthand no example can fill (a path to another file): the mapping form.
                out += "\(indent)\(key)\n"
                for f in fields where f.example != nil {
                    out += block(for: f, indent: indent + "  ", filled: filled, comments: false)
                }
                return out
            }
            let value = filled ? " " + YAMLScalar.quoted(short.map(sample) ?? "tekst") : ""
            out += "\(indent)\(key)\(value)\n"
        }
        return out
    }

    private static func listItem(_ element: FieldType, field: Field, indent: String, filled: Bool) -> String {
        switch element {
        case .record(let fields):
            var out = ""
            for (i, f) in fields.enumerated() {
                let lines = block(for: f, indent: indent + "  ", filled: filled, comments: false)
                out += i == 0 ? indent + "- " + lines.dropFirst(indent.count + 2) : lines
            }
            return out
        case .textOrRecord(let shorthand, let fields):
            let short = fields.first { $0.key == shorthand }
            return "\(indent)- \(filled ? YAMLScalar.quoted(short.map(sample) ?? "tekst") : "")\n"
        default:
            return
                "\(indent)- \(filled ? YAMLScalar.quoted(sample(Field(field.key, field.label, element, example: field.example))) : "")\n"
        }
    }

    private static func typeHint(_ type: FieldType) -> String? {
        switch type {
        case .date: "Datum: 2016-10-10 of 10 oktober 2016."
        case .jaNee: "Schrijf ja of nee."
        case .choice(let options): "Kies uit: \(options.joined(separator: ", "))."
        case .markdown: "Markdown: lege regel tussen alinea's, '- ' voor een opsomming, [^1] voor een voetnoot."
        case .list(.record, _), .list(.textOrRecord, _): "Een lijst: elk item begint met '- '."
        case .list: "Een lijst: elke regel begint met '- '."
        default: nil
        }
    }

    /// A value that passes validation, for filled-in files.
    static func sample(_ field: Field) -> String {
        if let example = field.example, !example.isEmpty { return example }
        switch field.type {
        case .date: return "2016-10-10"
        case .jaNee: return "ja"
        case .choice(let options): return field.defaultValue ?? options[0]
        case .markdown: return "Tekst van \(field.label)."
        default: return field.label
        }
    }

}
