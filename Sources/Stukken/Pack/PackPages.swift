import Foundation

/// A page or PDF as written into staging, and whether it came from the previous pack.
struct MadeFile: Sendable {
    var file: PackFile
    var reused: Bool
}

/// How the manifest describes a page or PDF, and the hash of what it is made from.
struct MadeFileLabel: Sendable {
    var path: String
    var titel: String
    var soort: String
    var agendapunt: String?
    var bron: String
}

extension PackBuild {
    /// Each page rendered, or taken from the previous pack when unchanged, and written to
    /// staging on the core that made it; only its manifest line is kept.
    func renderPages() throws -> [MadeFile] {
        let (templates, woo, fingerprint, write) = (templates, woo, fingerprint, reuseOrMake())
        return try jobs.concurrentMap { job in
            try PackItemFailure.naming(job.path) {
                let stuk = try job.load()
                let jsonLD = woo.flatMap { JSONLD.document(path: job.path, $0) }
                let label = MadeFileLabel(
                    path: job.path, titel: job.titel, soort: job.kind, agendapunt: job.agendapunt,
                    bron: PackWriter.bron(of: job, stuk, fingerprint: fingerprint, jsonLD: jsonLD))
                return try write(label) {
                    let extras = PageExtras(
                        terug: job.terug, nietOpenbaar: job.nietOpenbaar, agendapunt: job.agendapunt, jsonLD: jsonLD,
                        stylesheet: PackLayout.stylesheet(from: job.path))
                    return Data(Stukken.html(stuk, templates: templates, extras: extras).html.utf8)
                }
            }
        }
    }

    /// Every page's PDF and the combined one, on the WeasyPrint pool's workers. The combined
    /// PDF, the longest job and one serial layout, starts first; the pages fill the other
    /// workers meanwhile. A PDF is reused from the previous pack when what it is made from
    /// is unchanged.
    func renderPDFs() throws -> [MadeFile] {
        guard let pdf = options.pdf, let bundleName else { return [] }
        let (jobs, entries, vergadering, audience, templates) = (jobs, entries, plan.vergadering, audience, templates)
        let agenda = bundleAgenda()
        let labels = pdfLabels(agenda: agenda, bundle: bundleName, voorblad: pdf.voorblad)
        let write = reuseOrMake()
        let longestFirst = [jobs.count] + Array(0..<jobs.count)
        let made = try longestFirst.concurrentMap { i in
            try PackItemFailure.naming(labels[i].path) {
                try write(labels[i]) {
                    let page =
                        i == jobs.count
                        ? try PackPDF.bundle(
                            vergadering, entries: entries, agenda: agenda, audience: audience, templates: templates,
                            options: pdf)
                        : try PackPDF.page(jobs[i], templates: templates, options: pdf)
                    return try PDFRenderer.render(page, timeout: pdf.timeout, pool: .shared)
                }
            }
        }
        return Array(made.dropFirst()) + [made[0]]  // the pages' order, then the combined PDF
    }

    /// The agenda at the front of the combined PDF: its pages link to their part of it.
    private func bundleAgenda() -> String {
        let pages = Set(jobs.map(\.path))
        return AgendaPage.render(
            plan.vergadering, entries: entries, sizes: PackWriter.sizes(files), zip: zipName, audience: audience,
            templates: templates, pdf: nil, paper: true,
            link: { path in pages.contains(path) ? "#deel-" + Slug.make(path) : path })
    }

    /// One label per page PDF, then the combined PDF's. A PDF's `bron` is its page's.
    private func pdfLabels(agenda: String, bundle: String, voorblad: Bool) -> [MadeFileLabel] {
        let pageBron = Dictionary(pages.map { ($0.path, $0.bron ?? "") }, uniquingKeysWith: { a, _ in a })
        let pdfPrint = "pdf|voorblad=\(voorblad)|"
        let bundleBron = SHA256.hex(
            Array((fingerprint + pdfPrint + agenda + jobs.map { pageBron[$0.path] ?? "" }.joined(separator: "|")).utf8))
        return jobs.map { job in
            MadeFileLabel(
                path: PackPDF.path(for: job.path), titel: job.titel, soort: "pdf/" + job.kind,
                agendapunt: job.agendapunt,
                bron: SHA256.hex(Array((fingerprint + pdfPrint + (pageBron[job.path] ?? "")).utf8)))
        } + [
            MadeFileLabel(
                path: bundle, titel: "Agenda en stukken", soort: "pdf/pakket", agendapunt: nil, bron: bundleBron)
        ]
    }

    /// The one way a page or PDF reaches staging: taken from the previous pack when it was
    /// made from the same inputs (`bron`) and is intact, otherwise made; then written.
    func reuseOrMake() -> @Sendable (MadeFileLabel, () throws -> Data) throws -> MadeFile {
        let (previous, staging, writeFile) = (published, folder, options.writeFile)
        return { label, make in
            let url = staging.appendingPathComponent(label.path, isDirectory: false)
            if let (data, sha256) = previous.file(label.path, madeFrom: label.bron) {
                try writeFile(data, url)
                let file = PackFile(
                    path: label.path, size: data.count, sha256: sha256, titel: label.titel, soort: label.soort,
                    agendapunt: label.agendapunt, bron: label.bron)
                return MadeFile(file: file, reused: true)
            }
            let data = try make()
            try writeFile(data, url)
            let file = PackFile(
                path: label.path, data: data, titel: label.titel, soort: label.soort, agendapunt: label.agendapunt,
                bron: label.bron)
            return MadeFile(file: file, reused: false)
        }
    }
}

extension PackWriter {
    /// Part of every page's and PDF's `bron`: what the code does to make a page from its
    /// inputs. Bump it when a change alters page bytes for the same inputs (escaping, cmark
    /// options, a kind's context), or the next build takes stale pages from the last pack.
    /// 2: HTML escaped byte by byte, memo and notitie bijlagen linked, stylesheet linked.
    /// 3: a PDF's links to bijlagen relative, no longer file:// URLs of the current folder.
    /// 4: the forms as two-column tables; bijlagen as typed values (text appendices after the
    ///    body; no file format on paper), the published link and format hashed from those
    ///    values, not from record keys (issue 19).
    ///    A paragraph `[tabel: id]` becomes the data table `id` of `tabellen:` (issue 22).
    ///    Hand-lettered lists as `ol.haakje`, footnotes at their call in print,
    ///    cross-references (issue 21).
    static let renderVersion = "render-4"

    static func sizes(_ files: [PackFile]) -> [String: Int] {
        Dictionary(files.map { ($0.path, $0.size) }, uniquingKeysWith: { a, _ in a })
    }

    /// Everything a page is made from, hashed: the next build takes the page from this
    /// pack when it is the same. A page is a function of the templates and audience
    /// (`fingerprint`), its place and marks, the kind and published record (the record holds
    /// every value of the source the page can show, less the left-out fields) and how each
    /// bijlage is published (links, formats, marks), so the source text is not hashed again.
    static func bron(of job: PageJob, _ stuk: Stuk, fingerprint: String, jsonLD: String?) -> String {
        var hasher = SHA256()
        for part in [
            fingerprint, job.path, job.terug, job.agendapunt, job.nietOpenbaar ? "n" : "o", stuk.kind.soort,
            stuk.record.canonical,
            stuk.document.bijlagen.map { $0.publicatie?.canonical ?? "-" }.joined(separator: ","),
        ] {
            hasher.update(part.utf8)
            hasher.update(CollectionOfOne(0))  // a separator no part contains
        }
        if let jsonLD { hasher.update(("ld|" + jsonLD).utf8) }
        return hasher.finalizeHex()
    }
}
