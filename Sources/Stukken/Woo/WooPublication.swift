import Foundation

/// What `--woo` needs beyond the pack: the site configuration and the publication date
/// that changed documents get as `lastmod` (the caller's clock, so tests fix it).
public struct WooOptions: Sendable {
    public var config: SiteConfig
    public var publicatiedatum: Datum

    public init(config: SiteConfig, publicatiedatum: Datum) {
        self.config = config
        self.publicatiedatum = publicatiedatum
    }

    /// The calendar day `moment` falls on in the Netherlands, whatever the machine's zone:
    /// the default publication date when the caller passes its clock's now.
    public static func day(of moment: Date) -> Datum {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? TimeZone(secondsFromGMT: 3600)!
        let c = calendar.dateComponents([.year, .month, .day], from: moment)
        guard let year = c.year, let month = c.month, let day = c.day,
            let datum = Datum(year: year, month: month, day: day)
        else { preconditionFailure("the Gregorian calendar gave no valid day for \(moment)") }
        return datum
    }
}

/// One published document or bijlage as the Woo files describe it.
struct WooDocument: Sendable {
    enum Rol: String, Sendable {
        case voorstel
        case bijlage
    }

    var path: String
    var titel: String
    var rol: Rol
    /// The document kind (`Voorstel`, `Memo`, …); `nil` for a file bijlage (PDF, DOCX, …).
    var kind: (any DocumentKind.Type)?
    var fileExtension: String
    var agendapunt: String
    /// What the document as published says about itself; `nil` for a file bijlage.
    var facts: WooFacts?
    /// For a bijlage: the path of the document it belongs to.
    var bijlageVan: String?
    /// The public bijlagen that have a file of their own in the pack.
    var bijlagen: [(path: String, titel: String)]
    var handelingen: [(soort: Vocabulary.Term, datum: Datum)]
}

/// The Woo view of a public pack: DiWoo metadata, sitemaps, the sitemap index by KOOP's
/// name, the ORI export and the JSON-LD of each page. robots.txt belongs at the root of
/// the host: `stukken site` writes it there, naming the indexes of every pack.
///
/// Made from the `PackEntry` values of the public pack only, never from the plan's
/// items: a non-public item reaches these files as the agendapunt `PublicPack` left of
/// it (kenmerk and "niet openbaar"), and a non-public bijlage not at all.
struct WooPublication: Sendable {
    let vergadering: Vergadering
    let config: SiteConfig
    let entries: [PackEntry]
    let documents: [WooDocument]
    /// KOOP's limits; a test makes them small to split a pack's sitemap.
    var sitemapLimits = SitemapLimits.koop

    static let metadataFolder = "diwoo"
    /// The first sitemap; more are `sitemap-diwoo-2.xml` and so on (`SitemapFiles.partName`).
    static let sitemap = "sitemap-diwoo.xml"
    static let ori = "ori.json"

    init(vergadering: Vergadering, config: SiteConfig, entries: [PackEntry]) throws(PackWriter.Failure) {
        self.vergadering = vergadering
        self.config = config
        self.entries = entries
        // The facts of every published document, read on every core (each is a stuk loaded again).
        let jobs = entries.filter { !$0.nietOpenbaar && $0.page != nil }.flatMap { entry in
            [entry.page!]
                + entry.bijlagen.compactMap { b in if !b.nietOpenbaar, case .page(let p) = b.job { p } else { nil } }
        }
        let loaded = try jobs.concurrentMap { job throws(PackWriter.Failure) in try Self.facts(job) }
        var facts: [String: WooFacts] = [:]
        for (job, fact) in zip(jobs, loaded) { facts[job.path] = fact }
        func published(_ page: PageJob) throws(PackWriter.Failure) -> WooFacts {
            if let f = facts[page.path] { return f }
            return try Self.facts(page)
        }

        var documents: [WooDocument] = []
        for entry in entries {
            guard !entry.nietOpenbaar, let page = entry.page else { continue }
            let own = try published(page)
            let ownDate = own.datum
            let bijlagen = entry.bijlagen.compactMap { b -> (path: String, titel: String)? in
                guard !b.nietOpenbaar, let path = b.path, let titel = b.titel else { return nil }
                return (path, titel)
            }
            documents.append(
                WooDocument(
                    path: page.path, titel: page.titel, rol: .voorstel, kind: page.source.kind, fileExtension: "html",
                    agendapunt: entry.agendapunt, facts: own, bijlageVan: nil, bijlagen: bijlagen,
                    handelingen: Self.handelingen(own)))
            for b in entry.bijlagen where !b.nietOpenbaar {
                guard let titel = b.titel, let job = b.job else { continue }
                switch job {
                case .page(let p):
                    let f = try published(p)
                    documents.append(
                        WooDocument(
                            path: p.path, titel: titel, rol: .bijlage, kind: p.source.kind, fileExtension: "html",
                            agendapunt: entry.agendapunt, facts: f, bijlageVan: page.path, bijlagen: [],
                            handelingen: Self.handelingen(f)))
                case .copy(_, let to, let ext):
                    // A file says nothing about itself: it was received with its document.
                    documents.append(
                        WooDocument(
                            path: to, titel: titel, rol: .bijlage, kind: nil, fileExtension: ext,
                            agendapunt: entry.agendapunt, facts: nil, bijlageVan: page.path, bijlagen: [],
                            handelingen: [(Vocabulary.ontvangst, ownDate)]))
                }
            }
        }
        self.documents = documents
    }

    /// What the document a page publishes says about itself (the Woo view keeps these
    /// few facts of each public document, not its record).
    static func facts(_ page: PageJob) throws(PackWriter.Failure) -> WooFacts {
        do { return try page.load().document.wooFacts } catch { throw PackWriter.Failure(error) }
    }

    /// Signed and adopted, when the document says so; else received on its own date.
    static func handelingen(_ f: WooFacts) -> [(soort: Vocabulary.Term, datum: Datum)] {
        var result: [(soort: Vocabulary.Term, datum: Datum)] = []
        if let d = f.ondertekend { result.append((Vocabulary.ondertekening, d)) }
        if let d = f.vastgesteld { result.append((Vocabulary.vaststelling, d)) }
        return result.isEmpty ? [(Vocabulary.ontvangst, f.datum)] : result
    }

    func url(_ path: String) -> String {
        config.basisURL + path.split(separator: "/").map { Self.percentEncoded(String($0)) }.joined(separator: "/")
    }

    static func percentEncoded(_ segment: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: "\u{0}"..."\u{7f}"))
        allowed.insert(charactersIn: "-._~")
        return segment.addingPercentEncoding(withAllowedCharacters: allowed) ?? segment
    }

    /// KOOP's name for the sitemap index of a category (`sitemapindex-diwoo-infocat008.xml`);
    /// `nil` when the category has no number (DVO: art. 3.1 Woo, none of the 17).
    static func sitemapIndexName(_ orgaan: Voorstel.Orgaan) -> String? {
        Vocabulary.infocatNummer(Vocabulary.informatiecategorie(orgaan)).map { "sitemapindex-diwoo-infocat\($0).xml" }
    }

    static func metadataPath(_ documentPath: String) -> String { "\(metadataFolder)/\(documentPath).xml" }

    /// The plain text of the document's `samenvatting`, when it has one.
    static func omschrijving(_ facts: WooFacts?) -> String? {
        guard let markdown = facts?.samenvatting else { return nil }
        let text = CommonMark.plainText(markdown).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    // MARK: Files

    /// The Woo files of the pack, and the `lastmod` of every document path.
    ///
    /// A document keeps the `lastmod` of the previous pack's manifest when neither its
    /// bytes nor its metadata changed (both hashes are in that manifest); otherwise it
    /// gets the publication date. So a rebuild that changes nothing changes no byte, on
    /// any day.
    func files(published: [PackFile], previous: Manifest?, publicatiedatum: Datum) -> (
        files: [(file: PackFile, data: Data)], lastmod: [String: String]
    ) {
        let hashes = Dictionary(published.map { ($0.path, $0.sha256) }, uniquingKeysWith: { a, _ in a })
        let old = Dictionary((previous?.files ?? []).map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        var files: [(file: PackFile, data: Data)] = []
        func add(_ path: String, _ data: Data, titel: String, soort: String, agendapunt: String?) {
            files.append(
                (PackFile(path: path, data: data, titel: titel, soort: soort, agendapunt: agendapunt, bron: nil), data))
        }
        var lastmod: [String: String] = [:]
        var urls: [(loc: String, lastmod: String, metadata: String)] = []
        for document in documents {
            let metadata = DiWoo.metadata(document, publication: self)
            let metadataFile = Data(DiWoo.standalone(metadata).utf8)
            let metadataPath = Self.metadataPath(document.path)
            var date = publicatiedatum.iso
            if let before = old[document.path], let kept = before.lastmod, before.sha256 == hashes[document.path],
                old[metadataPath]?.sha256 == SHA256.hex(metadataFile)
            {
                date = kept
            }
            lastmod[document.path] = date
            urls.append((url(document.path), date, metadata))
            add(metadataPath, metadataFile, titel: document.titel, soort: "diwoo", agendapunt: document.agendapunt)
        }
        let sitemaps = SitemapFiles.sitemaps(urls, limits: sitemapLimits)
        var parts: [(loc: String, lastmod: String?)] = []
        var start = 0
        for (i, (text, count)) in sitemaps.enumerated() {
            let name = SitemapFiles.partName(Self.sitemap, i + 1)
            parts.append((url(name), urls[start..<start + count].map(\.lastmod).max() ?? publicatiedatum.iso))
            start += count
            add(name, Data(text.utf8), titel: "DiWoo-sitemap", soort: "sitemap", agendapunt: nil)
        }
        // A pack of one category lists its own sitemaps in an index by KOOP's name; DVO
        // stukken fall under none of the categories, so theirs get no index (docs/woo.md).
        if let index = Self.sitemapIndexName(vergadering.orgaan) {
            add(
                index, Data(SitemapFiles.index(parts).utf8), titel: "DiWoo-sitemapindex", soort: "sitemapindex",
                agendapunt: nil)
        }
        add(Self.ori, ORIExport.json(self), titel: "Open Raadsinformatie", soort: "ori", agendapunt: nil)
        return (files, lastmod)
    }
}
