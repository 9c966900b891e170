import Foundation

/// The agenda page of a pack (`index.html`).
enum AgendaPage {
    static func render(
        _ v: Vergadering, entries: [PackEntry], sizes: [String: Int], zip: String, audience: PackAudience,
        templates: TemplateSet,
        jsonLD: String? = nil, pdf: String? = nil, stylesheet: String? = nil, paper: Bool = false,
        link: @escaping (String) -> String = { $0 }
    ) -> String {
        func pdfLink(_ page: String?) -> Any {
            guard let page, case let p = PackPDF.path(for: page), let size = sizes[p] else { return false }
            return ["link": p, "formaat": formaat(p, size: size)]
        }
        let items = LazyRows(base: entries.indices) { i -> [String: Any] in
            let e = entries[i]
            return [
                "volgnummer": String(i + 1),
                "agendapunt": e.agendapunt,
                "titel": orFalse(e.titel),
                "niet_openbaar": e.nietOpenbaar,
                "link": orFalse(e.page.map { link($0.path) }),
                "pdf": pdfLink(e.page?.path),
                "heeft_bijlagen": !e.bijlagen.isEmpty,
                "bijlagen": e.bijlagen.map { b -> [String: Any] in
                    [
                        "nummer": String(b.nummer),
                        "titel": orFalse(b.titel),
                        "link": orFalse(b.path.map(link)),
                        "pdf": pdfLink(b.path.flatMap { $0.hasSuffix(".html") ? $0 : nil }),
                        // On paper a bijlage line names the document, not a file format.
                        "formaat": paper ? false : orFalse(b.path.map { formaat($0, size: sizes[$0]) }),
                        "niet_openbaar": b.nietOpenbaar,
                    ]
                },
            ]
        }
        var context: [String: Any] = [
            "orgaan_naam": v.orgaan.naam,
            "datum": v.datum.lang,
            "items": items,
            "zip": zip,
            "besloten": audience == .besloten,
            "stijl": templates.stylesheet,
        ]
        if let pdf, let size = sizes[pdf] { context["bundel"] = ["link": pdf, "formaat": formaat(pdf, size: size)] }
        context["aanvang"] = v.aanvang
        context["locatie"] = v.locatie
        context["jsonld"] = jsonLD
        context["stijlblad"] = stylesheet
        return templates.render(context, template: "pakket/index.html")
    }

    /// "PDF, 230 kB": what a link leads to, for meaningful link texts.
    static func formaat(_ path: String, size: Int?) -> String {
        let ext = (path as NSString).pathExtension.uppercased()
        guard let size, ext != "HTML" else { return ext }
        let kb = max(1, (size + 512) / 1024)
        return kb >= 1024
            ? "\(ext), \(String(format: "%.1f", Double(kb) / 1024).replacingOccurrences(of: ".", with: ",")) MB"
            : "\(ext), \(kb) kB"
    }
}
