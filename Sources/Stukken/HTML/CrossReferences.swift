/// "See there" without a typed page number, which reflow makes wrong: a link without text
/// to a heading of the same document, `[](#4-de-resultaten-twente)`, says its own words.
/// On paper it reads "pagina 8" (CSS `target-counter`, filled in by WeasyPrint from where
/// the heading ends up); on screen it is a link named by the heading's text. A link with
/// text of its own stays as written. `check` refuses an anchor no heading has
/// (`ReferenceCheck`), so both always point somewhere.
enum CrossReferences {
    static func apply(_ root: MarkdownNode, headings: [Heading], print: Bool) {
        var titles: [String: String] = [:]
        for heading in headings { titles[heading.id] = heading.text }
        for link in root.descendants where link.children.isEmpty {
            guard let anchor = link.anchor, let title = titles[anchor] else { continue }
            if print {
                // A heading id is made of a–z, 0–9 and "-" (`Slug`): nothing to escape.
                link.replace(
                    with: .customInline(
                        enter: "<a class=\"verwijzing\" href=\"#\(anchor)\">pagina ", exit: "</a>"))
            } else {
                link.appendText(title)
            }
        }
    }
}
