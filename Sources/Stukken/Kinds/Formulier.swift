/// One rubriek of a form (projectopdracht, projectplan, evaluatie): the label the seed
/// form prints and the author's answer.
public struct Rubriek: Sendable {
    public var key: String
    public var label: String
    /// Markdown; `nil` when an optional rubriek was left empty (printed "-").
    public var antwoord: String?
    /// Its field, whose help the printed form shows (`--met-hulpvragen`).
    var field: Field

    /// The Markdown fields of a kind, in the order the form prints them, with their answers.
    static func all(_ fields: [Field], _ record: Record) -> [Rubriek] {
        fields.filter { $0.type.isMarkdown }.map {
            Rubriek(key: $0.key, label: $0.label, antwoord: record.markdown($0.key), field: $0)
        }
    }

    /// What a template sees. Every item carries every key, so Mustache never finds a
    /// parent's value instead.
    var context: [String: Any] {
        [
            "key": key, "label": label, "antwoord": antwoord ?? "", "ingevuld": antwoord != nil,
            "hulp": Hulp.context(field),
        ]
    }
}

/// Helpers the kinds share for their template contexts.
enum Formulier {
    /// `labels.<key>` in a template prints a field's label, so the label lives in one place.
    static func labels(_ fields: [Field]) -> [String: String] {
        var labels: [String: String] = [:]
        func add(_ fields: [Field], prefix: String) {
            for f in fields {
                labels[prefix + f.key] = f.label
                switch f.type {
                case .record(let inner), .textOrRecord(_, let inner), .list(.record(let inner), _):
                    add(inner, prefix: prefix + f.key + "_")
                default: break
                }
            }
        }
        add(fields, prefix: "")
        return labels
    }

    static func field(_ key: String, in fields: [Field]) -> Field {
        guard let field = fields.first(where: { $0.key == key }) else { preconditionFailure("no field \(key)") }
        return field
    }

    /// The printed header of a Platform IVZ form: the form's name, then the project.
    static func printHeader(soort: String, titel: String) -> PrintHeader {
        let naam = soort.prefix(1).uppercased() + soort.dropFirst()
        return PrintHeader(
            soort: soort.uppercased(), orgaan: "Platform IVZ", label: "", onderwerp: titel,
            afzender: PrintHeader.platform, subject: "\(naam) Platform IVZ", capitals: false)
    }

    /// "A", "A en B", "A, B en C".
    static func opsomming(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " en " + items.last!
    }
}
