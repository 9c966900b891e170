import Stukken
import Yams

/// What the web form holds for one field: the author's text, not yet validated.
///
/// The form is generated from a kind's `fields`, and so is everything here: reading the
/// submitted form, reading a YAML file into the form, and writing the form as YAML. A
/// `textOrRecord` (a punt, a bijlage, a secretaris) is always a `.record` here; the YAML
/// writer uses the short form when only its shorthand field is filled.
public indirect enum FormValue: Sendable, Equatable {
    case scalar(String)
    case list([FormValue])
    case record([String: FormValue])

    /// Nothing filled in (blank text, empty list, only blank fields).
    public var isBlank: Bool {
        switch self {
        case .scalar(let s): s.allSatisfy(\.isWhitespace)
        case .list(let items): items.allSatisfy(\.isBlank)
        case .record(let values): values.values.allSatisfy(\.isBlank)
        }
    }

    public subscript(key: String) -> FormValue? {
        if case .record(let values) = self { return values[key] }
        return nil
    }

    var text: String {
        if case .scalar(let s) = self { return s }
        return ""
    }

    var items: [FormValue] {
        if case .list(let items) = self { return items }
        return []
    }
}

/// The path of a field as diagnostics name it: `voorstel[2].tekst`, with 1-based items.
/// Form controls carry the same path as their `name`, so a diagnostic finds its field.
enum FieldPath {
    static func child(_ parent: String, _ key: String) -> String { parent.isEmpty ? key : parent + "." + key }
    static func item(_ parent: String, _ index: Int) -> String { "\(parent)[\(index + 1)]" }
}

// MARK: - Submitted form → FormValue

extension FormValue {
    /// Reads a submitted form (`name=value` pairs, names being field paths) along the
    /// kind's fields. A list has one item per row number submitted for it.
    public static func read(form: [String: String], fields: [Field]) throws(FormRefusal) -> FormValue {
        read(form: try SubmittedForm(form), fields: fields)
    }

    static func read(form: SubmittedForm?, fields: [Field]) -> FormValue {
        var values: [String: FormValue] = [:]
        for field in fields where field.key != "soort" {
            values[field.key] = read(form: form?[field.key], type: field.type)
        }
        return .record(values)
    }

    static func read(form: SubmittedForm?, type: FieldType) -> FormValue {
        switch type {
        case .text, .date, .jaNee, .choice:
            return .scalar(form?.value ?? "")
        case .markdown:
            // Browsers send a textarea's line breaks as CRLF.
            return .scalar((form?.value ?? "").replacingOccurrences(of: "\r\n", with: "\n"))
        case .list(let element, _):
            return .list((form?.orderedRows ?? []).map { read(form: $0, type: element) })
        case .record(let fields), .textOrRecord(_, let fields):
            return read(form: form, fields: fields)
        }
    }
}

// MARK: - Form limits

extension FormValue {
    /// Why these values do not fit in one form post (`FormLimits`), if they do not: a list
    /// with more rows, or more fields in all, than the server reads back.
    func limitProblem(fields: [Field]) -> String? {
        var controls = 0
        if let problem = count(fields: fields, path: "", controls: &controls) { return problem }
        return controls > FormLimits.maximumFields
            ? ServeMessage.tooManyFields(limit: FormLimits.maximumFields).text : nil
    }

    /// Counts the form's controls as the page shows them (every field of a record, every row
    /// of a list); stops at the first list that is too long.
    private func count(fields: [Field], path: String, controls: inout Int) -> String? {
        for field in fields where field.key != "soort" {
            let value = self[field.key] ?? .empty(field.type)
            if let problem = value.count(type: field.type, path: FieldPath.child(path, field.key), controls: &controls)
            {
                return problem
            }
        }
        return nil
    }

    private func count(type: FieldType, path: String, controls: inout Int) -> String? {
        switch type {
        case .list(let element, _):
            guard items.count <= FormLimits.maximumItems else {
                return ServeMessage.tooManyRows(list: path, limit: FormLimits.maximumItems).text
            }
            for (i, item) in items.enumerated() {
                if let problem = item.count(type: element, path: FieldPath.item(path, i), controls: &controls) {
                    return problem
                }
            }
            return nil
        case .record(let fields), .textOrRecord(_, let fields):
            return count(fields: fields, path: path, controls: &controls)
        default:
            controls += 1
            return nil
        }
    }
}

// MARK: - YAML node tree → FormValue

extension FormValue {
    /// Reads a YAML document (as the reader stage composed it) into form values, keeping the
    /// author's text (a date stays "10 oktober 2016"). What the form has no place for
    /// (unknown keys) is left out; `stukken check` on the same file names it.
    public static func read(node: Node, fields: [Field]) -> FormValue {
        guard case .mapping(let mapping) = node else { return .record([:]) }
        var values: [String: FormValue] = [:]
        for field in fields where field.key != "soort" {
            guard let value = mapping.first(where: { $0.key.scalar?.string == field.key })?.value else { continue }
            values[field.key] = read(node: value, type: field.type)
        }
        return .record(values)
    }

    /// A scalar's text; YAML's null (`~`, `null`, nothing) is an empty field, not the text "~".
    static func text(_ node: Node) -> String {
        guard let scalar = node.scalar else { return "" }
        if scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string) { return "" }
        return scalar.string
    }

    static func read(node: Node, type: FieldType) -> FormValue {
        switch type {
        case .text, .date, .jaNee, .choice, .markdown:
            return .scalar(text(node))
        case .list(let element, _):
            switch node {
            case .sequence(let sequence): return .list(sequence.map { read(node: $0, type: element) })
            case .scalar(let s) where !s.string.isEmpty: return .list([read(node: node, type: element)])
            default: return .list([])
            }
        case .record(let fields):
            return read(node: node, fields: fields)
        case .textOrRecord(let shorthand, let fields):
            if case .scalar = node { return .record([shorthand: .scalar(text(node))]) }
            return read(node: node, fields: fields)
        }
    }
}

// MARK: - Form actions

extension FormValue {
    /// The form with one more empty item in the list at `path` ("Punt toevoegen").
    func adding(itemAt path: String, fields: [Field]) -> FormValue {
        transform(path: path, fields: fields, base: "") { list, element in
            .list(list.items + [FormValue.empty(element)])
        }
    }

    /// The form without the item at `path` (`voorstel[2]`).
    func removing(itemAt path: String, fields: [Field]) -> FormValue {
        guard let open = path.lastIndex(of: "["), path.hasSuffix("]"),
            let n = Int(path[path.index(after: open)..<path.index(before: path.endIndex)]), n >= 1
        else { return self }
        let listPath = String(path[..<open])
        return transform(path: listPath, fields: fields, base: "") { list, _ in
            var items = list.items
            if items.indices.contains(n - 1) { items.remove(at: n - 1) }
            return .list(items)
        }
    }

    /// Applies `change` to the list field at `path`, walking the fields to find it.
    private func transform(
        path: String, fields: [Field], base: String, _ change: (FormValue, FieldType) -> FormValue
    ) -> FormValue {
        guard case .record(var values) = self else { return self }
        for field in fields {
            let fieldPath = FieldPath.child(base, field.key)
            guard path == fieldPath || path.hasPrefix(fieldPath + ".") || path.hasPrefix(fieldPath + "[") else {
                continue
            }
            let current = values[field.key] ?? .empty(field.type)
            values[field.key] = current.transform(path: path, type: field.type, base: fieldPath, change)
        }
        return .record(values)
    }

    private func transform(
        path: String, type: FieldType, base: String, _ change: (FormValue, FieldType) -> FormValue
    ) -> FormValue {
        switch type {
        case .list(let element, _):
            if path == base { return change(self, element) }
            var items = self.items
            for i in items.indices {
                let itemPath = FieldPath.item(base, i)
                if path.hasPrefix(itemPath + ".") || path.hasPrefix(itemPath + "[") {
                    items[i] = items[i].transform(path: path, type: element, base: itemPath, change)
                }
            }
            return .list(items)
        case .record(let fields), .textOrRecord(_, let fields):
            return transform(path: path, fields: fields, base: base, change)
        default:
            return self
        }
    }

    static func empty(_ type: FieldType) -> FormValue {
        switch type {
        case .list: .list([])
        case .record, .textOrRecord: .record([:])
        default: .scalar("")
        }
    }
}
