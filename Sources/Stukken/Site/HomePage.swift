import Foundation

/// The home page of a web root (`index.html`): the meetings of each orgaan, newest first,
/// with date, time, place and a link to each agenda. The public front door of the stukken.
enum HomePage {
    /// Marks the page as made by `stukken site`, so a later run may replace it and no other.
    static let generator = "<meta name=\"generator\" content=\"stukken site\">"

    static func render(_ packs: [SitePack], templates: TemplateSet) -> String {
        let organen = [Voorstel.Orgaan.ab, .dvo].compactMap { orgaan -> [String: Any]? in
            let meetings = packs.filter { $0.orgaan == orgaan }.sorted { ($1.datum, $0.folder) < ($0.datum, $1.folder) }
            guard !meetings.isEmpty else { return nil }
            return [
                "naam": orgaan.naam,
                "id": "orgaan-\(orgaan.rawValue.lowercased())",
                "vergaderingen": meetings.map { p -> [String: Any] in
                    [
                        // Relative, so the page works on any host and from disk.
                        "link": p.address + "index.html",
                        "datum": p.datum.lang,
                        "iso": p.datum.iso,
                        "aanvang": orFalse(p.aanvang),
                        "locatie": orFalse(p.locatie),
                    ]
                },
            ]
        }
        let context: [String: Any] = ["organen": organen, "stijl": templates.stylesheet]
        return templates.render(context, template: "site/index.html")
    }
}
