import Foundation
import Stukken

/// What the web form does with the author's values, without any HTTP: write them as YAML,
/// check that YAML with the same pipeline as `stukken check`, render the preview with the
/// same pipeline as `stukken render`, and lay out the pages.
public struct Workbench: Sendable {
    public let templates: TemplateSet

    public init(templates: TemplateSet) { self.templates = templates }

    /// The outcome of checking the form's values.
    public struct Checked: Sendable {
        public var yaml: String
        /// Every problem, in the words of `stukken check`.
        public var diagnostics: [Diagnostic]
        /// The document when it is valid.
        public var stuk: Stuk?
    }

    /// The name diagnostics and downloads carry.
    static func fileName(_ kind: any DocumentKind.Type) -> String { "\(kind.soort).yaml" }

    public func check(kind: any DocumentKind.Type, values: FormValue) -> Checked {
        let yaml = YAMLWriter.yaml(kind: kind, values: values)
        switch Stukken.load(SourceFile(path: Self.fileName(kind), text: yaml), following: false) {
        case .success(let stuk): return Checked(yaml: yaml, diagnostics: stuk.warnings, stuk: stuk)
        case .failure(let error): return Checked(yaml: yaml, diagnostics: error.diagnostics, stuk: nil)
        }
    }

    /// "Download YAML": the form as YAML. An unfinished stuk may be saved to continue later;
    /// its open problems travel along as comments, which the reader (and the form) ignore.
    /// A message quotes the author's value, so each line goes through `YAMLScalar.comment`:
    /// no character in it can end the comment and start a key.
    public func download(kind: any DocumentKind.Type, values: FormValue) -> String {
        let checked = check(kind: kind, values: values)
        let errors = checked.diagnostics.filter { $0.severity == .error }
        guard !errors.isEmpty else { return checked.yaml }
        let lines =
            [MessagePart.unfinished(errors.count)]
            + errors.map { "- " + ($0.field.map { "\($0): " } ?? "") + $0.message }
        return lines.map { "# " + YAMLScalar.comment($0) + "\n" }.joined() + checked.yaml
    }

    /// The rendered page for the preview. While required fields are still blank they show
    /// as "…", so the author sees the document take shape before it is complete; a value
    /// that is wrong (a date that does not exist) leaves no preview, only its message.
    /// `checked`: the same values' check; when no blank needed a placeholder its YAML is
    /// this one, and its loaded stuk (or failure) is reused rather than read a second time
    /// (the live preview of a long notitie spent a third of its time on that).
    public func preview(kind: any DocumentKind.Type, values: FormValue, checked: Checked? = nil) -> HTMLPage? {
        let filled = Self.placeholders(values, fields: kind.fields.filter { $0.key != "soort" })
        let yaml = YAMLWriter.yaml(kind: kind, values: filled)
        if let checked, checked.yaml == yaml { return checked.stuk.map { Stukken.html($0, templates: templates) } }
        guard
            case .success(let stuk) = Stukken.load(SourceFile(path: Self.fileName(kind), text: yaml), following: false)
        else {
            return nil
        }
        return Stukken.html(stuk, templates: templates)
    }

    static let placeholder = "…"

    static func placeholders(_ value: FormValue, fields: [Field]) -> FormValue {
        var values: [String: FormValue] = [:]
        if case .record(let v) = value { values = v }
        for field in fields {
            let current = values[field.key] ?? .empty(field.type)
            let required = field.presence != .optional
            if current.isBlank {
                if required, let p = placeholder(field.type) { values[field.key] = p }
            } else {
                values[field.key] = placeholders(current, type: field.type)
            }
        }
        return .record(values)
    }

    static func placeholders(_ value: FormValue, type: FieldType) -> FormValue {
        switch type {
        case .list(let element, _):
            return .list(value.items.filter { !$0.isBlank }.map { placeholders($0, type: element) })
        case .record(let fields), .textOrRecord(_, let fields):
            return placeholders(value, fields: fields)
        default:
            return value
        }
    }

    /// A stand-in for a blank required value; `nil` where none would be honest (a date).
    static func placeholder(_ type: FieldType) -> FormValue? {
        switch type {
        case .text, .markdown: return .scalar(placeholder)
        case .date: return nil
        case .jaNee: return .scalar("nee")
        case .choice(let options): return options.first.map { .scalar($0) }
        case .list(let element, _): return placeholder(element).map { .list([$0]) }
        case .record(let fields), .textOrRecord(_, let fields):
            return placeholders(.record([:]), fields: fields)
        }
    }

    // MARK: - Pages

    /// The row of buttons above the form: check, the downloads of the stuk, and the blank form.
    static func buttons(_ kind: any DocumentKind.Type) -> String {
        func button(_ actie: String, _ text: String) -> String {
            "<button type=\"submit\" name=\"actie\" value=\"\(actie)\">\(text)</button>"
        }
        var row = "<div class=\"knoppen\">"
        row += button("bijwerken", "Controleren en voorbeeld bijwerken") + button("yaml", "Download YAML")
        row += button("html", "Download HTML") + "\n" + button("pdf", "Download PDF")
        if DocumentKinds.isForm(kind) {
            // The printed form's questions beside the answers (as `render --met-hulpvragen`).
            row += "\n" + button("html-hulpvragen", "Download HTML met hulpvragen")
            row += button("pdf-hulpvragen", "Download PDF met hulpvragen")
        }
        // The blank form to print (what `stukken new KIND --format html|pdf` gives).
        row += "\n" + button("leeg-html", "Leeg formulier (HTML)") + button("leeg-pdf", "Leeg formulier (PDF)")
        return row + "</div>\n"
    }

    /// The form page of one kind, filled with `values`, its messages beside the fields.
    public func formPage(
        kind: any DocumentKind.Type, values: FormValue, notice: String? = nil, extraDiagnostics: [Diagnostic] = [],
        showMessages: Bool = true
    ) -> String {
        let checked = check(kind: kind, values: values)
        // A new, empty form is not yet wrong: its messages wait until the author checks.
        let shown = showMessages ? extraDiagnostics + checked.diagnostics : []
        let (fieldsHTML, messages) = Self.fields(kind: kind, values: values, diagnostics: shown)
        let previewPage = preview(kind: kind, values: values, checked: checked)
        let errorCount = checked.diagnostics.filter { $0.severity == .error }.count + extraDiagnostics.count
        var body = "<header><p class=\"merk\"><a href=\"/\">stukken</a></p>\n<nav aria-label=\"Soorten stukken\"><ul>"
        for k in DocumentKinds.all {
            let current = k.soort == kind.soort ? " aria-current=\"page\"" : ""
            body += "<li><a href=\"/\(k.soort)\"\(current)>\(HTML.escape(Self.title(k)))</a></li>"
        }
        body += "</ul></nav></header>\n<main>\n<h1>\(HTML.escape(Self.title(kind)))</h1>\n"
        if let notice { body += "<p class=\"melding\" role=\"status\">\(HTML.escape(notice))</p>\n" }
        body += "<div class=\"werkblad\">\n"
        body +=
            "<form method=\"post\" action=\"/\(kind.soort)\" id=\"formulier\" class=\"formulier\" data-soort=\"\(kind.soort)\">\n"
        body += Self.buttons(kind)
        let status =
            showMessages ? Self.status(errorCount) : MessagePart.formHint
        body += "<p id=\"stand\" class=\"stand\" role=\"status\" aria-live=\"polite\">\(HTML.escape(status))</p>\n"
        let general = (messages[""] ?? []).map { "<li>\(HTML.escape($0))</li>" }.joined()
        body += "<ul class=\"fout\" id=\"v--fout\" data-pad=\"\">\(general)</ul>\n"
        body += fieldsHTML
        body +=
            "<div class=\"knoppen\"><button type=\"submit\" name=\"actie\" value=\"bijwerken\">Controleren en voorbeeld bijwerken</button>"
        body += "<button type=\"submit\" name=\"actie\" value=\"yaml\">Download YAML</button></div>\n"
        body += "</form>\n"
        body +=
            "<section class=\"voorbeeld\" aria-labelledby=\"voorbeeld-kop\"><h2 id=\"voorbeeld-kop\">Voorbeeld</h2>\n"
        body +=
            "<iframe id=\"voorbeeld\" title=\"Voorbeeld van het stuk\" sandbox=\"\" srcdoc=\"\(HTML.escape(previewPage?.html ?? Self.noPreview))\"></iframe>\n"
        body += "</section>\n</div>\n</main>\n"
        return Self.page(title: "\(Self.title(kind)) — stukken", body: body, script: true)
    }

    /// The form's fields with every diagnostic placed beside the field it concerns.
    static func fields(kind: any DocumentKind.Type, values: FormValue, diagnostics: [Diagnostic]) -> (
        String, [String: [String]]
    ) {
        var renderer = FormRenderer(kind: kind)
        renderer.messages = messages(kind: kind, values: values, diagnostics: diagnostics)
        return (renderer.fields(values), renderer.messages)
    }

    /// Every diagnostic under the path of the field it concerns: all the live preview needs
    /// of the fields, so it does not render them a second time with the messages in place.
    static func messages(kind: any DocumentKind.Type, values: FormValue, diagnostics: [Diagnostic]) -> [String:
        [String]]
    {
        var dry = FormRenderer(kind: kind)
        _ = dry.fields(values)
        return FormRenderer.assign(diagnostics, to: dry.paths)
    }

    static func status(_ errors: Int) -> String { MessagePart.formStatus(errors) }

    static let noPreview = """
        <!doctype html><html lang="nl"><meta charset="utf-8"><title>Geen voorbeeld</title>\
        <body style="font-family: sans-serif; color: #444; padding: 1em">\
        <p>Het voorbeeld verschijnt zodra elke verplichte datum is ingevuld en de fouten bij de velden zijn opgelost. Nog lege verplichte tekstvelden staan in het voorbeeld als …</p></body></html>
        """

    /// The start page: one link per kind and the upload form for an existing file.
    public func indexPage(opened: String?) -> String {
        var body =
            "<header><p class=\"merk\"><a href=\"/\">stukken</a></p></header>\n<main>\n<h1>Stukken invullen</h1>\n"
        body +=
            "<p>Kies het formulier dat u wilt invullen. U ziet het stuk ontstaan terwijl u typt, en neemt het mee als YAML-bestand (en als HTML).</p>\n<ul class=\"soorten\">"
        for k in DocumentKinds.all {
            body += "<li><a href=\"/\(k.soort)\">\(HTML.escape(Self.title(k)))</a></li>"
        }
        body += "</ul>\n"
        if let opened {
            body += "<p><a href=\"/bestand\">Verder met \(HTML.escape(opened))</a></p>\n"
        }
        body += "<h2>Verder met een bestaand bestand</h2>\n"
        body += "<form method=\"post\" action=\"/openen\" enctype=\"multipart/form-data\">\n"
        body +=
            "<label for=\"bestand\">YAML-bestand</label>\n<input type=\"file\" id=\"bestand\" name=\"bestand\" accept=\".yaml,.yml,text/yaml\">\n"
        body += "<button type=\"submit\">Open YAML</button>\n</form>\n</main>\n"
        return Self.page(title: "stukken", body: body, script: false)
    }

    /// The human name of a kind ("Projectopdracht").
    static func title(_ kind: any DocumentKind.Type) -> String {
        kind.soort.prefix(1).uppercased() + kind.soort.dropFirst()
    }

    static func page(title: String, body: String, script: Bool) -> String {
        var out = "<!doctype html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>\(HTML.escape(title))</title>\n<link rel=\"stylesheet\" href=\"/formulier.css\">\n"
        if script { out += "<script src=\"/voorbeeld.js\" defer></script>\n" }
        out += "</head>\n<body>\n" + body + "</body>\n</html>\n"
        return out
    }

    /// What the live preview fetches: the preview page and each field's messages.
    public func previewJSON(kind: any DocumentKind.Type, values: FormValue) -> String {
        let checked = check(kind: kind, values: values)
        let messages = Self.messages(kind: kind, values: values, diagnostics: checked.diagnostics)
        let errors = checked.diagnostics.filter { $0.severity == .error }.count
        struct Answer: Encodable {
            var html: String
            var stand: String
            var fouten: Int
            var meldingen: [String: [String]]
        }
        let answer = Answer(
            html: preview(kind: kind, values: values, checked: checked)?.html ?? Self.noPreview,
            stand: Self.status(errors),
            fouten: errors, meldingen: messages)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(answer)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
