import Foundation

/// What the names and the number of a pack's files allow, checked in the plan, so a
/// meeting that `check` accepts does not fail halfway through writing its pack.
extension PackLayout {
    /// Files a pack names itself that an agendapunt's page could take: the agenda, and the
    /// combined PDF of either audience (reserved without `--pdf` too, so adding the flag
    /// later cannot break a meeting that checked). Page slug → the file it collides with.
    static func reservedPages(_ v: Vergadering) -> [String: String] {
        var reserved = ["index": "index.html"]
        for audience in [PackAudience.openbaar(metContactgegevens: false), .besloten] {
            let bundle = PackPDF.bundlePath(v, audience: audience)
            reserved[String(bundle.dropLast(".pdf".count))] = bundle
        }
        return reserved
    }

    /// A file name may have 255 bytes on every common file system; the longest name an
    /// agendapunt makes is its Woo metadata, `diwoo/SLUG.html.xml` (and `SLUG-bijlagen`,
    /// as long). A slug is ASCII, so characters are bytes.
    static let maximumSlugBytes = 255 - ".html.xml".utf8.count

    /// How many entries each agenda line adds to the pack's ZIP (its pages, copied
    /// bijlagen, their PDFs and Woo metadata), and how many the pack adds itself (agenda,
    /// stylesheet, manifest; the combined PDF; sitemap, sitemap index, ORI, and room for a
    /// second sitemap: a split needs 50 MB of metadata, which the rest of the ZIP's limit
    /// leaves room for only once).
    static func zipEntries(_ entries: [PackEntry], pdf: Bool, woo: Bool) -> (pack: Int, perEntry: [Int]) {
        let perEntry = entries.map { e -> Int in
            let pages =
                (e.page == nil ? 0 : 1) + e.bijlagen.filter { if case .page = $0.job { true } else { false } }.count
            let copies = e.bijlagen.filter { if case .copy = $0.job { true } else { false } }.count
            let published = e.bijlagen.filter { !$0.nietOpenbaar && $0.path != nil && $0.titel != nil }.count
            let metadata = !e.nietOpenbaar && e.page != nil ? 1 + published : 0
            return pages + copies + (pdf ? pages : 0) + (woo ? metadata : 0)
        }
        return (3 + (pdf ? 1 : 0) + (woo ? 4 : 0), perEntry)
    }
}

extension PackPlan {
    /// The agendapunt's page name against the names the pack takes itself, and against
    /// the file-name limit.
    static func pageNameProblem(_ agendapunt: String, _ vergadering: Vergadering, at here: SourceLocation)
        -> Diagnostic?
    {
        let slug = Slug.make(agendapunt)
        if let taken = PackLayout.reservedPages(vergadering)[slug] {
            return Diagnostic(
                .error, at: here, field: "agendapunt", message: PackMessage.pageNameReserved(agendapunt, file: taken))
        }
        if slug.utf8.count > PackLayout.maximumSlugBytes {
            return Diagnostic(
                .error, at: here, field: "agendapunt",
                message: PackMessage.pageNameTooLong(slug.utf8.count, maximum: PackLayout.maximumSlugBytes))
        }
        return nil
    }

    /// The ZIP holds at most `DeterministicZip.maximumEntries` files: located at the agenda
    /// line that goes past it, before a page is rendered.
    static func zipProblem(_ entries: [PackEntry], at locations: [SourceLocation], pdf: Bool, woo: Bool) -> Diagnostic?
    {
        let (pack, perEntry) = PackLayout.zipEntries(entries, pdf: pdf, woo: woo)
        var total = pack
        for (count, here) in zip(perEntry, locations) {
            total += count
            if total > DeterministicZip.maximumEntries {
                let all = perEntry.reduce(pack, +)
                return Diagnostic(
                    .error, at: here, message: PackMessage.tooManyFiles(all, maximum: DeterministicZip.maximumEntries))
            }
        }
        return nil
    }

    /// A bijlage or stuk that the public pack publishes at one line while another line
    /// keeps the same file non-public: a warning at the public line, naming the other.
    static func sharedFileWarnings(_ uses: [FileUse]) -> [Diagnostic] {
        let closed = Dictionary(
            uses.filter { !$0.openbaar }.map { ($0.file, $0.label) }, uniquingKeysWith: { a, _ in a })
        return uses.compactMap { use in
            guard use.openbaar, let other = closed[use.file] else { return nil }
            return Diagnostic(
                .warning, at: use.location, field: "bestand", message: PackMessage.sharedWithNonPublic(other))
        }
    }

    /// One place the plan publishes a file (or keeps it back).
    struct FileUse {
        /// The same file at every place: by device and inode for a file, by path for a stuk.
        var file: String
        var openbaar: Bool
        var location: SourceLocation
        /// "agendapunt E4, bijlage 2", for the warning.
        var label: String
    }
}
