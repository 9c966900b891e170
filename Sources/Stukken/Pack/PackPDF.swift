import Foundation

/// PDFs in a pack (`stukken pack --pdf`): beside every page a PDF of it, and one combined
/// PDF of the whole meeting (agenda first, then each item and its bijlagen, bookmarked by
/// agendapunt). Made from the same `PackEntry` values as the pages, so a document the
/// public pack refused has no page job and therefore no PDF either.
public struct PackPDFOptions: Sendable {
    public var voorblad: Bool
    public var timeout: Double

    public init(voorblad: Bool = false, timeout: Double = 120) {
        self.voorblad = voorblad
        self.timeout = timeout
    }
}

enum PackPDF {
    /// `e3.html` → `e3.pdf`.
    static func path(for page: String) -> String {
        (page.hasSuffix(".html") ? String(page.dropLast(5)) : page) + ".pdf"
    }

    /// `ab-2016-10-10-openbaar.pdf`, beside the ZIP.
    static func bundlePath(_ v: Vergadering, audience: PackAudience) -> String {
        "\(v.orgaan.rawValue.lowercased())-\(v.datum.iso)-\(audience.name).pdf"
    }

    static func page(_ job: PageJob, templates: TemplateSet, options: PackPDFOptions) throws(PlannedStuk.LoadFailure)
        -> HTMLPage
    {
        let extras = PageExtras(terug: job.terug, nietOpenbaar: job.nietOpenbaar, agendapunt: job.agendapunt)
        return PDFRenderer.printPage(
            try job.load(paper: true), templates: templates, voorblad: options.voorblad, extras: extras)
    }

    /// One HTML document of the whole pack, rendered once, so page numbers run on and the
    /// bookmarks point into one file.
    static func bundle(
        _ v: Vergadering, entries: [PackEntry], agenda: String, audience: PackAudience, templates: TemplateSet,
        options: PackPDFOptions
    ) throws(PlannedStuk.LoadFailure) -> HTMLPage {
        var delen: [[String: Any]] = []
        for entry in entries {
            guard let job = entry.page else { continue }
            delen.append(
                try part(
                    job, bookmark: "\(entry.agendapunt) \(entry.titel ?? job.titel)", bijlage: false,
                    templates: templates, options: options))
            for b in entry.bijlagen {
                guard case .page(let p) = b.job else { continue }
                delen.append(
                    try part(
                        p, bookmark: "Bijlage \(b.nummer): \(b.titel ?? p.titel)", bijlage: true, templates: templates,
                        options: options))
            }
        }
        let context: [String: Any] = [
            "titel": "Agenda en stukken \(v.orgaan.naam) \(v.datum.lang)",
            "author": PrintHeader.author,
            "subject": "Vergadering van het \(v.orgaan.naam) van \(v.datum.lang)"
                + (audience == .besloten ? " (besloten)" : ""),
            "orgaan_naam": v.orgaan == .dvo ? v.orgaan.naam.uppercased() : v.orgaan.naam,
            "datum": v.datum.lang,
            "stijl": templates.stylesheet,
            "drukstijl": templates.printStylesheet,
            "agenda": body(of: agenda).html,
            "delen": delen,
        ]
        return HTMLPage(html: templates.render(context, template: "pakket/bundel.html"))
    }

    private static func part(
        _ job: PageJob, bookmark: String, bijlage: Bool, templates: TemplateSet, options: PackPDFOptions
    ) throws(PlannedStuk.LoadFailure) -> [String: Any] {
        let page = try page(job, templates: templates, options: options)
        let (classes, html) = body(of: page.html)
        return [
            "id": "deel-" + Slug.make(job.path), "klasse": classes, "bookmark": bookmark, "bijlage": bijlage,
            "html": html,
        ]
    }

    /// The inside of `<body>` and its classes. The pages are ours (`pagina.html.mustache`,
    /// `pakket/index.html.mustache`), with exactly one `<body class="…">` and `</body>`;
    /// the classes move to the part's section, where the stylesheet's `.dvo …` rules still match.
    static func body(of html: String) -> (classes: String, html: String) {
        guard let open = html.range(of: "<body"), let close = html.range(of: "</body>", options: .backwards),
            let end = html.range(of: ">", range: open.upperBound..<close.lowerBound)
        else { return ("", html) }
        let tag = html[open.upperBound..<end.lowerBound]
        var classes = ""
        if let c = tag.range(of: "class=\""), let q = tag.range(of: "\"", range: c.upperBound..<tag.endIndex) {
            classes = String(tag[c.upperBound..<q.lowerBound])
        }
        return (classes, String(html[end.upperBound..<close.lowerBound]))
    }
}
