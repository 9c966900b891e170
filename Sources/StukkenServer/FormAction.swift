import Foundation
import Stukken

/// The button a form post came from (its `actie`), read in one place.
enum FormAction: Equatable {
    /// "Controleren en voorbeeld bijwerken", and any value the form does not send.
    case update
    /// `toevoegen:PATH`: one more empty item in the list at PATH.
    case addItem(at: String)
    /// `verwijderen:PATH`: the item at PATH (a list path with its index) taken out.
    case removeItem(at: String)
    case downloadYAML
    case downloadHTML
    case downloadPDF
    /// A form's HTML or PDF with its hulpvragen printed too (`render --met-hulpvragen`).
    case downloadHTMLMetHulpvragen
    case downloadPDFMetHulpvragen
    /// The kind's printable blank form (`stukken new KIND --format html|pdf`).
    case downloadBlankHTML
    case downloadBlankPDF

    init(_ actie: String?) {
        let actie = actie ?? "bijwerken"
        self =
            if actie.hasPrefix("toevoegen:") {
                .addItem(at: String(actie.dropFirst("toevoegen:".count)))
            } else if actie.hasPrefix("verwijderen:") {
                .removeItem(at: String(actie.dropFirst("verwijderen:".count)))
            } else {
                switch actie {
                case "yaml": .downloadYAML
                case "html": .downloadHTML
                case "pdf": .downloadPDF
                case "html-hulpvragen": .downloadHTMLMetHulpvragen
                case "pdf-hulpvragen": .downloadPDFMetHulpvragen
                case "leeg-html": .downloadBlankHTML
                case "leeg-pdf": .downloadBlankPDF
                default: .update
                }
            }
    }
}

/// What a form post leads to, before any HTTP.
enum FormResult {
    /// The form again, with these values and a notice above it if there is one.
    case form(FormValue, notice: String? = nil)
    /// The form again: only a valid stuk can be downloaded as a document.
    case notValid(FormValue)
    case download(Data, name: String, type: String)
    /// A PDF of the stuk, which the server makes off the request thread.
    case pdf(Stuk, metHulpvragen: Bool)
    /// The blank form as PDF, made off the request thread as well.
    case blankPDF
}

extension Workbench {
    func submit(_ action: FormAction, kind: any DocumentKind.Type, values: FormValue) -> FormResult {
        switch action {
        case .update:
            return .form(values)
        case .addItem(let path):
            let added = values.adding(itemAt: path, fields: kind.fields)
            if let problem = added.limitProblem(fields: kind.fields) { return .form(values, notice: problem) }
            return .form(added)
        case .removeItem(let path):
            return .form(values.removing(itemAt: path, fields: kind.fields))
        case .downloadYAML:
            let yaml = download(kind: kind, values: values)
            return .download(Data(yaml.utf8), name: Self.fileName(kind), type: "application/yaml; charset=utf-8")
        case .downloadBlankHTML:
            let page = BlankForm.html(kind, templates: templates)
            return .download(Data(page.html.utf8), name: "\(kind.soort)-leeg.html", type: "text/html; charset=utf-8")
        case .downloadBlankPDF:
            return .blankPDF
        case .downloadHTML, .downloadPDF, .downloadHTMLMetHulpvragen, .downloadPDFMetHulpvragen:
            guard let stuk = check(kind: kind, values: values).stuk else { return .notValid(values) }
            let metHulpvragen = action == .downloadHTMLMetHulpvragen || action == .downloadPDFMetHulpvragen
            if action == .downloadPDF || action == .downloadPDFMetHulpvragen {
                return .pdf(stuk, metHulpvragen: metHulpvragen)
            }
            let page = Stukken.html(stuk, templates: templates, metHulpvragen: metHulpvragen)
            return .download(Data(page.html.utf8), name: "\(kind.soort).html", type: "text/html; charset=utf-8")
        }
    }
}
