import Stukken

/// The HTML of the web form, generated from a kind's `fields` (the same list the validator,
/// `stukken new` and the JSON Schema use): labels, hulpvragen, required marks, lists that
/// grow with an "add" button. Plain HTML forms; the page works without JavaScript.
struct FormRenderer {
    let kind: any DocumentKind.Type
    /// Messages per rendered field path ("" for the ones no field takes).
    var messages: [String: [String]] = [:]
    /// Every path that has a place for messages, in page order.
    private(set) var paths: [String] = [""]

    init(kind: any DocumentKind.Type) { self.kind = kind }

    /// The form's fields as HTML.
    mutating func fields(_ values: FormValue) -> String {
        kind.fields.filter { $0.key != "soort" }.map { field(field: $0, value: values[$0.key], path: $0.key) }
            .joined()
    }

    /// Assigns each diagnostic to the field it concerns: the exact path, else the nearest
    /// enclosing field or list item shown on the page, else the page's general list.
    static func assign(_ diagnostics: [Diagnostic], to paths: [String]) -> [String: [String]] {
        let known = Set(paths)
        var result: [String: [String]] = [:]
        for d in diagnostics {
            var path = d.field ?? ""
            while !path.isEmpty && !known.contains(path) { path = parent(of: path) }
            result[path, default: []].append(d.message)
        }
        return result
    }

    static func parent(of path: String) -> String {
        guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { return "" }
        return String(path[..<cut])
    }

    static func id(_ path: String) -> String {
        "v-" + String(path.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "-" })
    }

    // MARK: - Fields

    private mutating func field(field: Field, value: FormValue?, path: String, label: String? = nil) -> String {
        let label = label ?? field.label
        switch field.type {
        case .text, .date, .jaNee, .choice, .markdown:
            return scalar(field: field, type: field.type, value: value?.text ?? "", path: path, label: label)
        case .list(let element, let minimum):
            return list(field: field, element: element, minimum: minimum, value: value, path: path)
        case .record(let fields), .textOrRecord(_, let fields):
            paths.append(path)
            let id = Self.id(path)
            var out =
                "<fieldset class=\"groep\" id=\"\(id)\"><legend>\(HTML.escape(label))\(mark(field.presence))</legend>\n"
            out += help(field.help, id: id)
            out += errors(path: path, id: id)
            for sub in fields {
                out += self.field(field: sub, value: value?[sub.key], path: FieldPath.child(path, sub.key))
            }
            return out + "</fieldset>\n"
        }
    }

    private mutating func list(field: Field, element: FieldType, minimum: Int, value: FormValue?, path: String)
        -> String
    {
        paths.append(path)
        let id = Self.id(path)
        var items = value?.items ?? []
        // A required list starts with one empty row to fill.
        if items.isEmpty && field.presence != .optional { items = [FormValue.empty(element)] }
        var out =
            "<fieldset class=\"lijst\" id=\"\(id)\"><legend>\(HTML.escape(field.label))\(mark(field.presence))</legend>\n"
        out += help(field.help, id: id)
        out += errors(path: path, id: id)
        for (i, item) in items.enumerated() {
            let itemPath = FieldPath.item(path, i)
            let itemLabel = "\(field.label) nr. \(i + 1)"
            out += "<div class=\"item\">\n"
            switch element {
            case .record, .textOrRecord, .list:
                // The item's own fields carry the required marks; the item box does not.
                let itemField = Field(field.key, itemLabel, element, .optional)
                out += self.field(field: itemField, value: item, path: itemPath, label: itemLabel)
            default:
                let itemField = Field(field.key, itemLabel, element, .required)
                out += scalar(field: itemField, type: element, value: item.text, path: itemPath, label: itemLabel)
            }
            out +=
                "<button type=\"submit\" class=\"klein\" name=\"actie\" value=\"verwijderen:\(HTML.escape(itemPath))\">"
            out += "\(HTML.escape(itemLabel)) verwijderen</button>\n</div>\n"
        }
        out += "<button type=\"submit\" class=\"klein\" name=\"actie\" value=\"toevoegen:\(HTML.escape(path))\">"
        out += "Regel toevoegen aan \(HTML.escape(field.label))</button>\n"
        return out + "</fieldset>\n"
    }

    private mutating func scalar(field: Field, type: FieldType, value: String, path: String, label: String) -> String {
        paths.append(path)
        let id = Self.id(path)
        let name = HTML.escape(path)
        let hasErrors = !(messages[path] ?? []).isEmpty
        var described = ["\(id)-fout"]
        if !field.help.isEmpty { described.insert("\(id)-hulp", at: 0) }
        var attributes = "id=\"\(id)\" name=\"\(name)\" aria-describedby=\"\(described.joined(separator: " "))\""
        if field.presence == .required { attributes += " aria-required=\"true\"" }
        if hasErrors { attributes += " aria-invalid=\"true\"" }
        var out = "<div class=\"veld\">\n<label for=\"\(id)\">\(HTML.escape(label))\(mark(field.presence))</label>\n"
        out += help(field.help, id: id)
        switch type {
        case .markdown:
            // Room for the text as it wraps (about 70 characters a line), within reason.
            let lines = value.split(separator: "\n", omittingEmptySubsequences: false).reduce(0) {
                $0 + 1 + $1.count / 70
            }
            let rows = max(4, min(20, lines + 1))
            // The line break after <textarea> is eaten by the HTML parser, so a text that starts
            // with a line break keeps it.
            out += "<textarea \(attributes) rows=\"\(rows)\">\n\(HTML.escape(value))</textarea>\n"
            out += "<p class=\"soort\">Markdown: lege regel tussen alinea's, '- ' voor een opsomming.</p>\n"
        case .jaNee:
            out += select(attributes, options: ["ja", "nee"], value: value, empty: "— kies ja of nee —")
        case .choice(let options):
            let empty = field.defaultValue.map { "— standaard: \($0) —" } ?? "— kies —"
            out += select(attributes, options: options, value: value, empty: empty)
        case .date:
            out +=
                "<input type=\"text\" \(attributes) value=\"\(HTML.escape(value))\" placeholder=\"2016-10-10 of 10 oktober 2016\">\n"
        default:
            out += "<input type=\"text\" \(attributes) value=\"\(HTML.escape(value))\">\n"
        }
        out += errors(path: path, id: id)
        return out + "</div>\n"
    }

    private func select(_ attributes: String, options: [String], value: String, empty: String) -> String {
        var all = options
        // A value from an opened file that is not an option stays, so nothing is lost and
        // the validator's message about it shows.
        if !value.isEmpty && !options.contains(value) { all.append(value) }
        var out =
            "<select \(attributes)>\n<option value=\"\"\(value.isEmpty ? " selected" : "")>\(HTML.escape(empty))</option>\n"
        for option in all {
            out += "<option\(option == value ? " selected" : "")>\(HTML.escape(option))</option>\n"
        }
        return out + "</select>\n"
    }

    private func mark(_ presence: Presence) -> String {
        switch presence {
        case .required: " <span class=\"verplicht\">(verplicht)</span>"
        case .optional: ""
        case .requiredWhen(let key, let values):
            " <span class=\"verplicht\">(verplicht bij \(HTML.escape(key)) \(HTML.escape(values.joined(separator: "/"))))</span>"
        }
    }

    private func help(_ lines: [String], id: String) -> String {
        guard !lines.isEmpty else { return "" }
        return "<div class=\"hulp\" id=\"\(id)-hulp\">" + lines.map { "<p>\(HTML.escape($0))</p>" }.joined()
            + "</div>\n"
    }

    /// The place for this field's messages; always present, so the live preview can fill it.
    private func errors(path: String, id: String) -> String {
        let items = (messages[path] ?? []).map { "<li>\(HTML.escape($0))</li>" }.joined()
        return "<ul class=\"fout\" id=\"\(id)-fout\" data-pad=\"\(HTML.escape(path))\">\(items)</ul>\n"
    }
}

enum HTML {
    /// Byte by byte, as the templates escape (a `Character` loop let `"` + a combining mark
    /// through, out of a `value="…"`).
    static func escape(_ text: String) -> String { HTMLEscaping.escape(text) }
}
