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
    /// The document kind (`voorstel`, `memo`, …); `nil` for a file bijlage (PDF, DOCX, …).
    var soort: String?
    var fileExtension: String
    var agendapunt: String
    /// The record as published (contact details out, non-public bijlagen withheld).
    var record: Record?
    /// For a bijlage: the path of the document it belongs to.
    var bijlageVan: String?
    /// The public bijlagen that have a file of their own in the pack.
    var bijlagen: [(path: String, titel: String)]
    var handelingen: [(soort: Vocabulary.Term, datum: Datum)]
}

/// The Woo view of a public pack: DiWoo metadata, sitemap, robots.txt, the ORI export and
/// the JSON-LD of each page.
///
/// Made from the `PackEntry` values of the public pack only, never from the plan's
/// items: a non-public item reaches these files as the agendapunt `PublicPack` left of
/// it (kenmerk and "niet openbaar"), and a non-public bijlage not at all.
struct WooPublication: Sendable {
    let vergadering: Vergadering
    let config: SiteConfig
    let entries: [PackEntry]
    let documents: [WooDocument]

    static let metadataFolder = "diwoo"
    static let sitemap = "sitemap-diwoo.xml"
    static let sitemapIndex = "sitemapindex-diwoo.xml"
    static let robots = "robots.txt"
    static let ori = "ori.json"

    init(vergadering: Vergadering, config: SiteConfig, entries: [PackEntry]) throws(PackWriter.Failure) {
        self.vergadering = vergadering
        self.config = config
        self.entries = entries
        // Every published record, read on every core (each is a stuk loaded again).
        let jobs = entries.filter { !$0.nietOpenbaar && $0.page != nil }.flatMap { entry in
            [entry.page!] + entry.bijlagen.compactMap { b in if !b.nietOpenbaar, case .page(let p) = b.job { p } else { nil } }
        }
        let loaded = jobs.concurrentMap { job in Result<Record, PackWriter.Failure>(catching: { () throws(PackWriter.Failure) in try Self.record(job) }) }
        var records: [String: Record] = [:]
        for (job, result) in zip(jobs, loaded) { records[job.path] = try result.get() }
        func published(_ page: PageJob) throws(PackWriter.Failure) -> Record {
            if let r = records[page.path] { return r }
            return try Self.record(page)
        }

        var documents: [WooDocument] = []
        for entry in entries {
            guard !entry.nietOpenbaar, let page = entry.page else { continue }
            let record = try published(page)
            let own = Self.handelingen(record)
            let ownDate = record.date("datum") ?? vergadering.datum
            let bijlagen = entry.bijlagen.compactMap { b -> (path: String, titel: String)? in
                guard !b.nietOpenbaar, let path = b.path, let titel = b.titel else { return nil }
                return (path, titel)
            }
            documents.append(
                WooDocument(
                    path: page.path, titel: page.titel, rol: .voorstel, soort: page.kind, fileExtension: "html",
                    agendapunt: entry.agendapunt, record: record, bijlageVan: nil, bijlagen: bijlagen,
                    handelingen: own.isEmpty ? [(Vocabulary.ontvangst, ownDate)] : own))
            for b in entry.bijlagen where !b.nietOpenbaar {
                guard let titel = b.titel, let job = b.job else { continue }
                switch job {
                case .page(let p):
                    let r = try published(p)
                    let h = Self.handelingen(r)
                    documents.append(
                        WooDocument(
                            path: p.path, titel: titel, rol: .bijlage, soort: p.kind, fileExtension: "html",
                            agendapunt: entry.agendapunt, record: r, bijlageVan: page.path, bijlagen: [],
                            handelingen: h.isEmpty ? [(Vocabulary.ontvangst, r.date("datum") ?? ownDate)] : h))
                case .copy(_, let to, let ext):
                    // A file says nothing about itself: it was received with its document.
                    documents.append(
                        WooDocument(
                            path: to, titel: titel, rol: .bijlage, soort: nil, fileExtension: ext,
                            agendapunt: entry.agendapunt, record: nil, bijlageVan: page.path, bijlagen: [],
                            handelingen: [(Vocabulary.ontvangst, ownDate)]))
                }
            }
        }
        self.documents = documents
    }

    /// The record a page publishes. (The Woo view keeps the public records it describes:
    /// with `--woo`, a pack's memory still grows with its public documents.)
    static func record(_ page: PageJob) throws(PackWriter.Failure) -> Record {
        do { return try page.load().record } catch { throw PackWriter.Failure(error) }
    }

    /// Signed (`ondertekening.datum`) and adopted (`vaststelling.datum`), when the document says so.
    static func handelingen(_ r: Record) -> [(soort: Vocabulary.Term, datum: Datum)] {
        var result: [(soort: Vocabulary.Term, datum: Datum)] = []
        if let d = r.record("ondertekening")?.date("datum") { result.append((Vocabulary.ondertekening, d)) }
        if let d = r.record("vaststelling")?.date("datum") { result.append((Vocabulary.vaststelling, d)) }
        return result
    }

    func url(_ path: String) -> String {
        config.basisURL + path.split(separator: "/").map { Self.percentEncoded(String($0)) }.joined(separator: "/")
    }

    static func percentEncoded(_ segment: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: "\u{0}"..."\u{7f}"))
        allowed.insert(charactersIn: "-._~")
        return segment.addingPercentEncoding(withAllowedCharacters: allowed) ?? segment
    }

    static func metadataPath(_ documentPath: String) -> String { "\(metadataFolder)/\(documentPath).xml" }

    /// The plain text of the document's `samenvatting`, when it has one.
    static func omschrijving(_ record: Record?) -> String? {
        guard let markdown = record?.markdown("samenvatting") else { return nil }
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
    func files(published: [PackFile], previous: Manifest?, publicatiedatum: Datum) -> (files: [(file: PackFile, data: Data)], lastmod: [String: String]) {
        let hashes = Dictionary(published.map { ($0.path, $0.sha256) }, uniquingKeysWith: { a, _ in a })
        let old = Dictionary((previous?.files ?? []).map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        var files: [(file: PackFile, data: Data)] = []
        func add(_ path: String, _ data: Data, titel: String, soort: String, agendapunt: String?) {
            files.append((PackFile(path: path, data: data, titel: titel, soort: soort, agendapunt: agendapunt, bron: nil), data))
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
        let newest = urls.map(\.lastmod).max() ?? publicatiedatum.iso
        add(Self.sitemap, Data(DiWoo.sitemap(urls).utf8), titel: "DiWoo-sitemap", soort: "sitemap", agendapunt: nil)
        add(Self.sitemapIndex, Data(DiWoo.sitemapIndex(url(Self.sitemap), lastmod: newest).utf8), titel: "DiWoo-sitemapindex", soort: "sitemapindex", agendapunt: nil)
        add(Self.robots, Data(DiWoo.robots(sitemapIndex: url(Self.sitemapIndex)).utf8), titel: "robots.txt", soort: "robots", agendapunt: nil)
        add(Self.ori, ORIExport.json(self), titel: "Open Raadsinformatie", soort: "ori", agendapunt: nil)
        return (files, lastmod)
    }
}
