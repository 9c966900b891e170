import Foundation

/// One public pack below a web root, as its `manifest.json` describes it: what the home
/// page shows of its meeting and which sitemaps the root's indexes list.
struct SitePack: Sendable {
    /// The pack's folder below the root, `/`-separated (`ab/2016-10-10`).
    var folder: String
    var orgaan: Voorstel.Orgaan
    var datum: Datum
    var aanvang: String?
    var locatie: String?
    /// The pack's sitemaps (`sitemap-diwoo.xml`, …), in the manifest's order.
    var sitemaps: [String]
    /// The newest `lastmod` of its documents: the `lastmod` of each of its sitemaps.
    var lastmod: String?

    /// The folder as a relative address, each name percent-encoded (`ab/2016-10-10/`).
    var address: String {
        folder.split(separator: "/").map { WooPublication.percentEncoded(String($0)) + "/" }.joined()
    }

    /// The pack folder's address below the root's (`https://host/ab/2016-10-10/`).
    func url(root: String) -> String { root + address }
}

/// Finds the packs below a web root: every folder whose `manifest.json` `stukken pack`
/// wrote. A pack's own folders are not searched (a pack holds no pack), hidden folders
/// (a pack being built) and symbolic links are not followed.
enum SiteScan {
    static func packs(in root: URL, basisURL: String) -> (packs: [SitePack], problems: [Diagnostic]) {
        var packs: [SitePack] = []
        var problems: [Diagnostic] = []
        let keys: [URLResourceKey] = [.isDirectoryKey, .isSymbolicLinkKey]
        let walk = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: keys, options: .skipsHiddenFiles)
        while let url = walk?.nextObject() as? URL {
            guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isDirectory == true,
                values.isSymbolicLink != true, let manifest = Manifest.read(from: url)
            else { continue }
            walk?.skipDescendants()
            let folder = relative(url, to: root)
            guard manifest.soort == "openbaar" else {
                problems.append(Diagnostic(.error, file: folder, message: SiteMessage.membersPack(folder)))
                continue
            }
            guard let pack = pack(folder, manifest) else { continue }
            if pack.sitemaps.isEmpty {
                problems.append(Diagnostic(.warning, file: folder, message: SiteMessage.packWithoutWoo))
            } else if let made = firstLoc(root.appendingPathComponent(folder).appendingPathComponent(pack.sitemaps[0])),
                case let here = pack.url(root: basisURL), !made.hasPrefix(here)
            {
                problems.append(
                    Diagnostic(
                        .error, file: folder,
                        message: SiteMessage.packElsewhere(folder, made: packAddress(made), here: here)))
            }
            packs.append(pack)
        }
        return (packs.sorted { $0.folder < $1.folder }, problems)
    }

    /// The site's view of a manifest; `nil` for a meeting the program does not know.
    static func pack(_ folder: String, _ m: Manifest) -> SitePack? {
        guard let orgaan = m.meeting["orgaan"].flatMap(Voorstel.Orgaan.init(rawValue:)),
            let text = m.meeting["datum"], case .success(let datum) = Datum.parse(text)
        else { return nil }
        // In part order: `sitemap-diwoo.xml`, `sitemap-diwoo-2.xml`, … `-10` (shorter names first).
        let sitemaps = m.files.filter { $0.soort == "sitemap" }.map(\.path).sorted {
            ($0.utf8.count, $0) < ($1.utf8.count, $1)
        }
        return SitePack(
            folder: folder, orgaan: orgaan, datum: datum, aanvang: m.meeting["aanvang"], locatie: m.meeting["locatie"],
            sitemaps: sitemaps, lastmod: m.files.compactMap(\.lastmod).max())
    }

    static func relative(_ url: URL, to root: URL) -> String {
        let base = root.standardizedFileURL.path
        return String(url.standardizedFileURL.path.dropFirst(base.count).drop { $0 == "/" })
    }

    /// The first document address in a sitemap `stukken pack` wrote: its own writer puts
    /// each `<loc>` on a line of its own (`DiWoo.urlEntry`), so the line is read back as
    /// written rather than parsed.
    static func firstLoc(_ sitemap: URL) -> String? {
        guard let text = try? String(contentsOf: sitemap, encoding: .utf8),
            let start = text.range(of: "<loc>"),
            let end = text.range(of: "</loc>", range: start.upperBound..<text.endIndex)
        else { return nil }
        return String(text[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The pack folder's address a document address was made under: the document's
    /// address without its path inside the pack.
    static func packAddress(_ loc: String) -> String {
        guard let slash = loc.range(of: "/", options: .backwards) else { return loc }
        return String(loc[..<slash.upperBound])
    }
}
