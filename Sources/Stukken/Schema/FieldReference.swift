import Foundation

/// `stukken schema KIND --format markdown`: the fields of a kind as a Dutch Markdown table,
/// generated from the same field list as the validator, `new` and the JSON Schema, so the
/// field reference in `docs/velden/` can never disagree with `stukken check`.
public enum FieldReference {
    public static func markdown(for kind: any DocumentKind.Type) -> String {
        var out = "# Velden van \(kind.soort)\n\n"
        out += "Gemaakt met `stukken schema \(kind.soort) --format markdown` uit dezelfde velddefinities als\n"
        out += "`stukken check`, `stukken new` en de formulieren van `stukken serve`; niet met de hand bewerken.\n"
        out += "Een veld binnen een groep of lijst (`ondertekening.plaats`, `bijlagen[].titel`) is alleen\n"
        out += "verplicht als die groep of dat lijstitem er is.\n\n"
        out += "| veld | verplicht | type of keuzes | uitleg |\n"
        out += "|---|---|---|---|\n"
        for field in kind.fields { out += rows(field, path: field.key) }
        return out
    }

    /// The field's own row, then a row for each field inside it.
    private static func rows(_ field: Field, path: String) -> String {
        let cells = ["`\(path)`", presence(field.presence), type(field.type), explanation(field)]
        var out = "| " + cells.map(cell).joined(separator: " | ") + " |\n"
        for (suffix, inner) in innerFields(field.type) {
            for f in inner { out += rows(f, path: path + suffix + "." + f.key) }
        }
        return out
    }

    private static func innerFields(_ type: FieldType) -> [(String, [Field])] {
        switch type {
        case .record(let fields), .textOrRecord(_, let fields): [("", fields)]
        case .list(let element, _): innerFields(element).map { ("[]" + $0.0, $0.1) }
        default: []
        }
    }

    private static func presence(_ presence: Presence) -> String {
        switch presence {
        case .required: "ja"
        case .optional: "nee"
        case .requiredWhen(let key, let values): "bij `\(key)`: " + values.map { "`\($0)`" }.joined(separator: " of ")
        }
    }

    private static func type(_ type: FieldType) -> String {
        switch type {
        case .text: "tekst"
        case .markdown: "Markdown"
        case .date: "datum (2016-10-10 of 10 oktober 2016)"
        case .jaNee: "`ja` of `nee`"
        case .choice(let options): options.map { "`\($0)`" }.joined(separator: " of ")
        case .list(let element, let minimum):
            "lijst" + (minimum > 0 ? " (minstens \(minimum))" : "") + " van: " + self.type(element)
        case .record(let fields): "groep: " + fields.map(\.key).joined(separator: ", ")
        case .textOrRecord(let shorthand, let fields):
            "tekst (= `\(shorthand)`) of groep: " + fields.map(\.key).joined(separator: ", ")
        }
    }

    /// The label the form shows, its hulpvragen, and what the author may need besides.
    private static func explanation(_ field: Field) -> String {
        var parts = [field.label.hasSuffix("?") ? field.label : field.label + "."]
        parts += field.help
        if let value = field.defaultValue { parts.append("Standaard: \(value).") }
        if let value = field.example, field.key != "soort" {
            parts.append("Voorbeeld: " + (value.contains("`") ? value : "`\(value)`") + ".")
        }
        if field.isContactDetail { parts.append("Contactgegeven: blijft weg uit een openbaar pakket.") }
        return parts.joined(separator: " ")
    }

    /// A table cell stays one cell: a `|` in a text is escaped, a line break becomes a space.
    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
