import Foundation

/// `stukken schema`: a JSON Schema (draft 2020-12) per kind, generated from the same
/// fields the validator uses, so an editor's autocompletion and inline errors can never
/// disagree with `stukken check` about which keys exist.
///
/// What JSON Schema cannot say (a date that does not exist, a gemeente's spelling) is
/// still caught by `check`; the schema is help while typing, not the judge.
public enum JSONSchema {
    public static func document(for kind: any DocumentKind.Type) -> [String: Any] {
        var schema = object(kind.fields)
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["$id"] = "https://stukken.vrt.nl/schema/\(kind.soort).schema.json"
        schema["title"] = "stukken: \(kind.soort)"
        return schema
    }

    public static func json(for kind: any DocumentKind.Type) -> String {
        let data =
            (try? JSONSerialization.data(
                withJSONObject: document(for: kind), options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]))
            ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static let datePattern =
        "^([0-9]{4}-[0-9]{1,2}-[0-9]{1,2}|[0-9]{1,2} [A-Za-z]+\\.? [0-9]{4})$"

    static func object(_ fields: [Field]) -> [String: Any] {
        var properties: [String: Any] = [:]
        var required: [String] = []
        var conditions: [[String: Any]] = []
        for field in fields {
            var property = schema(for: field.type)
            property["title"] = field.label
            if !field.help.isEmpty { property["description"] = field.help.joined(separator: "\n") }
            if let d = field.defaultValue { property["default"] = d }
            if let e = field.example { property["examples"] = [e] }
            properties[field.key] = property
            switch field.presence {
            case .required: required.append(field.key)
            case .optional: break
            case .requiredWhen(let key, let values):
                // When the sibling's default is one of the values, an absent sibling counts
                // too (as in the validator, which fills defaults first): leave out `required`.
                let defaulted = fields.first { $0.key == key }?.defaultValue.map(values.contains) ?? false
                var condition: [String: Any] = ["properties": [key: ["enum": values]]]
                if !defaulted { condition["required"] = [key] }
                conditions.append(["if": condition, "then": ["required": [field.key]]])
            }
        }
        var object: [String: Any] = [
            "type": "object", "properties": properties, "additionalProperties": false,
        ]
        if !required.isEmpty { object["required"] = required }
        if !conditions.isEmpty { object["allOf"] = conditions }
        return object
    }

    static func schema(for type: FieldType) -> [String: Any] {
        switch type {
        case .text:
            return ["type": "string", "minLength": 1]
        case .markdown:
            return ["type": "string", "minLength": 1, "contentMediaType": "text/markdown"]
        case .date:
            return ["type": "string", "pattern": datePattern]
        case .jaNee:
            return ["type": "string", "enum": ["ja", "nee"]]
        case .choice(let options):
            return ["type": "string", "enum": options]
        case .list(let element, let minimum):
            var array: [String: Any] = ["type": "array", "items": schema(for: element)]
            if minimum > 0 { array["minItems"] = minimum }
            return element.acceptsScalar ? ["anyOf": [array, schema(for: element)]] : array
        case .record(let fields):
            return object(fields)
        case .textOrRecord(let shorthand, let fields):
            let short = fields.first { $0.key == shorthand }.map { schema(for: $0.type) } ?? ["type": "string"]
            return ["anyOf": [short, object(fields)]]
        }
    }
}
