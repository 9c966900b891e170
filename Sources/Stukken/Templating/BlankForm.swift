import Foundation

/// The printable blank form of a kind (`stukken new KIND --format markdown|html|pdf`):
/// for a Platform IVZ form the seed's format (seed 004, bijlagen 4–6), every label,
/// explanation and hulpvraag taken from the kind's fields, the answer space empty and the
/// selectiecriteria unticked; for any other kind a row per field with its help.
///
/// `bijlage`: the number of the bijlage it is, titled as the seed titles it
/// ("BIJLAGE 4 FORMAT PROJECTOPDRACHT"); `nil` for the form on its own ("FORMAT …").
/// `fragment` is the form alone, for a stuk that carries it as a bijlage.
/// A blank form is never validated: it has no values, so no required field can be missing.
public enum BlankForm {
    public static func markdown(_ kind: any DocumentKind.Type, bijlage: Int? = nil, templates: TemplateSet)
        -> Markdown
    {
        Markdown(Stukken.join([templates.render(context(kind, bijlage: bijlage), template: "formulier/leeg.md")]))
    }

    /// The form's title and table as HTML, its title a heading of `level` (2 inside a stuk).
    public static func fragment(
        _ kind: any DocumentKind.Type, bijlage: Int? = nil, level: Int = 1, templates: TemplateSet
    ) -> String {
        var values = context(kind, bijlage: bijlage)
        values["niveau"] = String(min(max(level, 1), 6))
        return templates.render(values, template: "formulier/leeg.html")
    }

    /// A standalone page, as `stukken new --format html` writes it.
    public static func html(_ kind: any DocumentKind.Type, bijlage: Int? = nil, templates: TemplateSet) -> HTMLPage {
        page(kind, bijlage: bijlage, templates: templates, print: nil)
    }

    /// The page through WeasyPrint, with the forms' running header.
    public static func pdf(
        _ kind: any DocumentKind.Type, bijlage: Int? = nil, templates: TemplateSet, timeout: Double = 120,
        pool: WeasyPrintPool? = nil
    ) throws(PDFRenderer.Failure) -> Data {
        let header = Formulier.printHeader(soort: kind.soort, titel: "")
        let page = page(kind, bijlage: bijlage, templates: templates, print: header.context(voorblad: false))
        return try PDFRenderer.render(page, timeout: timeout, pool: pool)
    }

    static func page(
        _ kind: any DocumentKind.Type, bijlage: Int?, templates: TemplateSet, print: [String: Any]?
    ) -> HTMLPage {
        let body = fragment(kind, bijlage: bijlage, templates: templates)
        let parts = PageRenderer.Parts(
            soort: kind.soort + " leeg", titel: title(kind, bijlage: bijlage), kop: "",
            body: HTMLFragment.assembled(html: body, headings: []), slot: "")
        return PageRenderer.page(parts, context: [:], templates: templates, print: print)
    }

    /// "BIJLAGE 4 FORMAT PROJECTOPDRACHT".
    static func title(_ kind: any DocumentKind.Type, bijlage: Int?) -> String {
        (bijlage.map { "BIJLAGE \($0) " } ?? "") + "FORMAT " + formaatNaam(kind)
    }

    static func formaatNaam(_ kind: any DocumentKind.Type) -> String {
        (kind as? any FormKind.Type)?.formaatNaam ?? kind.soort.uppercased()
    }

    static func context(_ kind: any DocumentKind.Type, bijlage: Int?) -> [String: Any] {
        let form = kind as? any FormKind.Type
        let fields = form?.formRows ?? kind.fields.filter { $0.key != "soort" }
        var context: [String: Any] = [
            "bijlage": bijlage.map { "BIJLAGE \($0)" } ?? "",
            "heeft_bijlage": bijlage != nil,
            "formaat": "FORMAT " + formaatNaam(kind),
            "niveau": "1",
            "anker": Slug.make(title(kind, bijlage: bijlage)),
            "rijen": fields.map { field -> [String: Any] in
                let vakjes = form?.vakjes(field.key) ?? []
                var row = Hulp.context(field)
                row["label"] = field.label
                row["vakjes"] = vakjes
                row["heeft_vakjes"] = !vakjes.isEmpty
                // The selectiecriteria's help is for the YAML author; the paper shows boxes.
                if !vakjes.isEmpty { row.merge(Hulp.context(Field("", "", .text))) { $1 } }
                return row
            },
        ]
        context["toelichting_rij"] = form.map { $0.toelichtingInTabel } ?? false
        context["toelichting_boven"] = form.map { !$0.toelichtingInTabel } ?? false
        context["toelichting_label"] = form?.toelichtingLabel ?? ""
        context["toelichting"] = form?.toelichting ?? ""
        return context
    }
}
