import Foundation

/// `manifest.json`: every published file with its title, kind, agendapunt, SHA-256 and
/// size, and `bron`, a hash of what it was made from. A rebuild reads the previous
/// pack's manifest to reuse unchanged pages, so no cache outside what is published.
struct Manifest {
    struct Entry: Sendable {
        var path: String
        var sha256: String
        var bron: String?
        /// `--woo`: the `lastmod` the DiWoo sitemap gives this document.
        var lastmod: String? = nil
    }

    var soort: String
    var files: [Entry]
    private var json_: [String: Any] = [:]

    init(vergadering v: Vergadering, soort: String, zip: String, files: [PackFile]) {
        self.soort = soort
        // Hashed on every core: a thousand pages are megabytes of HTML (pages come hashed).
        let hashes = files.concurrentMap { $0.sha256 ?? SHA256.hex($0.data) }
        self.files = Swift.zip(files, hashes).map { Entry(path: $0.path, sha256: $1, bron: $0.bron, lastmod: $0.lastmod) }
        var meeting: [String: Any] = ["orgaan": v.orgaan.rawValue, "datum": v.datum.iso]
        meeting["aanvang"] = v.aanvang
        meeting["locatie"] = v.locatie
        json_ = [
            "soort": soort,
            "vergadering": meeting,
            "zip": zip,
            "bestanden": Swift.zip(files, hashes).map { f, hash -> [String: Any] in
                var e: [String: Any] = [
                    "pad": f.path, "titel": f.titel, "soort": f.soort, "sha256": hash, "grootte": f.data.count,
                ]
                e["agendapunt"] = f.agendapunt
                e["bron"] = f.bron
                e["lastmod"] = f.lastmod
                return e
            },
        ]
    }

    private init(soort: String, files: [Entry]) {
        self.soort = soort
        self.files = files
    }

    func json() -> Data {
        let data = (try? JSONSerialization.data(withJSONObject: json_, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return data + Data("\n".utf8)
    }

    /// The manifest of an existing pack folder, if there is a readable one.
    static func read(from folder: URL) -> Manifest? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent("manifest.json").path),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let soort = object["soort"] as? String
        else { return nil }
        let files = (object["bestanden"] as? [[String: Any]] ?? []).compactMap { e -> Entry? in
            guard let path = e["pad"] as? String, let sha = e["sha256"] as? String else { return nil }
            return Entry(path: path, sha256: sha, bron: e["bron"] as? String, lastmod: e["lastmod"] as? String)
        }
        return Manifest(soort: soort, files: files)
    }
}

/// The agenda page of a pack (`index.html`).
enum AgendaPage {
    static func render(
        _ v: Vergadering, entries: [PackEntry], files: [PackFile], zip: String, audience: PackAudience, templates: TemplateSet,
        jsonLD: String? = nil, pdf: String? = nil, link: (String) -> String = { $0 }
    ) -> String {
        let sizes = Dictionary(files.map { ($0.path, $0.data.count) }, uniquingKeysWith: { a, _ in a })
        func pdfLink(_ page: String?) -> Any {
            guard let page, case let p = PackPDF.path(for: page), let size = sizes[p] else { return false }
            return ["link": p, "formaat": formaat(p, size: size)]
        }
        let items: [[String: Any]] = entries.enumerated().map { i, e in
            [
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
                        "formaat": orFalse(b.path.map { formaat($0, size: sizes[$0]) }),
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
        return templates.render(context, template: "pakket/index.html")
    }

    /// "PDF, 230 kB": what a link leads to, for meaningful link texts.
    static func formaat(_ path: String, size: Int?) -> String {
        let ext = (path as NSString).pathExtension.uppercased()
        guard let size, ext != "HTML" else { return ext }
        let kb = max(1, (size + 512) / 1024)
        return kb >= 1024 ? "\(ext), \(String(format: "%.1f", Double(kb) / 1024).replacingOccurrences(of: ".", with: ",")) MB" : "\(ext), \(kb) kB"
    }
}

/// Mustache context value for an optional text: `false` when absent. An empty string
/// counts as true in a section, and a missing key is looked up in the parent context.
func orFalse(_ text: String?) -> Any {
    if let text { return text }
    return false
}
