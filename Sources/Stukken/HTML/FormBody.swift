/// The HTML body of a filled form (projectopdracht, projectplan, evaluatie): the seed's
/// two-column table, label left, answer right. An answer is Markdown with blocks (lists,
/// paragraphs) and a GFM table cell holds none, so each answer goes through cmark on its
/// own, with one set of anchors for the page, and the kind's `inhoud.html` template puts
/// the fragments in their `<td>`s. Used when a kind has that template.
enum FormBody {
    /// `print` and `block`: as in `CommonMark.html` (footnotes at their call on paper; the
    /// data tables an answer may place).
    static func html(
        _ context: [String: Any], kind soort: String, templates: TemplateSet, print: Bool = false,
        block: ((String) -> String?)? = nil
    ) -> HTMLFragment {
        var slugs = Slug.Registry()
        var headings: [Heading] = []
        var context = context
        if let rubrieken = context["rubrieken"] as? [[String: Any]] {
            context["rubrieken"] = rubrieken.map { item -> [String: Any] in
                var item = item
                // Every row carries the key, so Mustache never finds a parent's value.
                item["antwoord_html"] = ""
                if let antwoord = item["antwoord"] as? String, !antwoord.isEmpty {
                    let fragment = CommonMark.html(antwoord, slugs: &slugs, print: print, block: block)
                    headings += fragment.headings
                    item["antwoord_html"] = fragment.html
                }
                return item
            }
        }
        let html = templates.render(context, kind: soort, part: "inhoud.html")
        return HTMLFragment.assembled(html: html, headings: headings)
    }
}
