/// A complete, standalone HTML5 document. Only `PageRenderer` makes these.
public struct HTMLPage: Sendable, Equatable {
    public var html: String
}

/// What a page in a pack shows beyond the document: the way back to the agenda, and a
/// "niet openbaar" mark in the members' pack.
public struct PageExtras: Sendable {
    public var terug: String
    public var nietOpenbaar: Bool
    public var agendapunt: String
    /// schema.org JSON-LD for the page's head (`--woo`), already safe inside `<script>`.
    public var jsonLD: String? = nil
    /// The pack's one stylesheet, relative to this page, linked instead of embedded: it
    /// was 7 KB of every page and half of the pack's ZIP.
    public var stylesheet: String? = nil
}

/// Stage 5: body HTML into the page template, with the kind's heading block and signatures.
enum PageRenderer {
    static func page(
        kind: any DocumentKind.Type, document: any DocumentKind, context: [String: Any], body: HTMLFragment,
        appendices: [(anker: String, html: HTMLFragment)] = [], templates: TemplateSet, extras: PageExtras? = nil,
        print: [String: Any]? = nil
    ) -> HTMLPage {
        let soort = kind.soort
        let parts = Parts(
            soort: soort, titel: pageTitle(kind: kind, document: document),
            kop: templates.render(context, kind: soort, part: "kop.html"), body: body,
            slot: templates.render(context, kind: soort, part: "slot.html"), appendices: appendices)
        return page(parts, context: context, templates: templates, extras: extras, print: print)
    }

    /// What goes into `pagina.html.mustache` besides the document's context.
    struct Parts {
        var soort: String
        var titel: String
        var kop: String
        var body: HTMLFragment
        var slot: String
        /// The text appendices after the body, each with its stable anchor.
        var appendices: [(anker: String, html: HTMLFragment)] = []
    }

    /// Any page: a stuk's, or a blank form's (`BlankForm`), which has no document.
    static func page(
        _ parts: Parts, context: [String: Any], templates: TemplateSet, extras: PageExtras? = nil,
        print: [String: Any]? = nil
    ) -> HTMLPage {
        var page: [String: Any] = [
            "lang": "nl",
            "soort": parts.soort,
            "titel": parts.titel,
            "stijl": templates.stylesheet,
            "kop": parts.kop,
            "inhoud": parts.body.html,
            "slot": parts.slot,
            // The chapters, then each text appendix by its stable anchor.
            "inhoudsopgave": parts.body.headings.filter { $0.level == 2 }.map { ["id": $0.id, "tekst": $0.text] }
                + parts.appendices.map { ["id": $0.anker, "tekst": $0.html.headings.first?.text ?? ""] },
            "bijlagen_tekst": parts.appendices.map { a -> [String: Any] in
                ["anker": a.anker, "kop_id": a.html.headings.first?.id ?? a.anker, "inhoud": a.html.html]
            },
        ]
        page["document"] = context
        if let print {
            page["pdf"] = print
            page["drukstijl"] = templates.printStylesheet
        }
        if let extras {
            var pakket: [String: Any] = [
                "terug": extras.terug, "niet_openbaar": extras.nietOpenbaar, "agendapunt": extras.agendapunt,
            ]
            pakket["jsonld"] = extras.jsonLD
            page["pakket"] = pakket
            page["stijlblad"] = extras.stylesheet
        }
        return HTMLPage(html: templates.render(page, template: "pagina.html"))
    }

    static func pageTitle(kind: any DocumentKind.Type, document: any DocumentKind) -> String {
        let soort = kind.soort.prefix(1).uppercased() + kind.soort.dropFirst()
        return "\(soort): \(document.titel)"
    }
}
