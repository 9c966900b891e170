import Foundation

/// Stage 8: a checked plan → a pack folder, written beside the target and put in place
/// in one step.
///
/// Steps: render the pages (in parallel; unchanged ones are taken from the previous pack,
/// by the content hashes in its published manifest), copy the bijlagen, write the agenda
/// (`index.html`), `manifest.json` and the ZIP, then swap the folder in.
public struct PackWriter {
    public struct Options: Sendable {
        public var output: String
        public var audience: PackAudience
        public var progress: (@Sendable (String) -> Void)?
        /// DiWoo metadata, sitemap, robots.txt, ORI export and JSON-LD (public packs only).
        public var woo: WooOptions?
        /// PDFs too (`--pdf`); without it a pack is HTML only and stays fast.
        public var pdf: PackPDFOptions?
        /// Writes one file's bytes. The only place a pack's bytes reach the disk, so tests
        /// can inject a full or failing disk (they run as root, where permissions block nothing).
        public var writeFile: @Sendable (Data, URL) throws -> Void

        public init(
            output: String, audience: PackAudience, progress: (@Sendable (String) -> Void)? = nil, woo: WooOptions? = nil,
            pdf: PackPDFOptions? = nil, writeFile: @escaping @Sendable (Data, URL) throws -> Void = PackWriter.writeFile
        ) {
            self.output = output
            self.audience = audience
            self.progress = progress
            self.woo = woo
            self.pdf = pdf
            self.writeFile = writeFile
        }
    }

    public struct Summary: Sendable, CustomStringConvertible {
        public var items = 0
        public var publicItems = 0
        public var nonPublicItems = 0
        public var files = 0
        public var bytes = 0
        public var rendered = 0
        public var reused = 0
        public var seconds = 0.0

        public var description: String {
            let time = String(format: "%.2f", seconds)
            return "\(items) agendapunten (\(publicItems) openbaar, \(nonPublicItems) niet openbaar), "
                + "\(files) bestanden, \(bytes) bytes, \(rendered) opnieuw gemaakt, \(reused) ongewijzigd, \(time) s"
        }
    }

    public enum Failure: Error, CustomStringConvertible {
        case mixedAudience(String, existing: String, wanted: String)
        case wooNeedsPublicPack
        case io(String)
        case pdf(String, PDFRenderer.Failure)

        public var description: String {
            switch self {
            case .mixedAudience(let dir, let existing, let wanted):
                "\(dir) bevat een \(existing) pakket; een \(wanted) pakket krijgt een eigen map"
            case .wooNeedsPublicPack: WooMessage.wooNotForMembers
            case .io(let text): text
            case .pdf(let path, let failure): "\(path): \(failure)"
            }
        }
    }

    let plan: PackPlan
    let templates: TemplateSet
    let options: Options

    public init(plan: PackPlan, templates: TemplateSet, options: Options) {
        self.plan = plan
        self.templates = templates
        self.options = options
    }

    public func write() throws -> Summary {
        let started = Date()
        var summary = Summary()
        let target = URL(fileURLWithPath: options.output).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        do {
            // Foundation reports a file in the way as "exists"; name the real problem.
            var ancestor = parent
            while !FileManager.default.fileExists(atPath: ancestor.path), ancestor.path != "/" { ancestor.deleteLastPathComponent() }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: ancestor.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                throw POSIXError(.ENOTDIR)
            }
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw Failure.io("\(options.output): \(Self.describe(error))")
        }
        let previous = Manifest.read(from: target)
        if let previous, previous.soort != options.audience.name {
            throw Failure.mixedAudience(options.output, existing: previous.soort, wanted: options.audience.name)
        }
        Self.removeLeftovers(beside: target)

        let entries: [PackEntry]
        switch options.audience {
        case .openbaar(let contact): entries = PublicPack.entries(plan, metContactgegevens: contact)
        case .besloten: entries = MembersPack.entries(plan)
        }
        // The Woo files are made from the public pack's entries and nothing else.
        var woo: WooPublication? = nil
        if let w = options.woo {
            guard case .openbaar = options.audience else { throw Failure.wooNeedsPublicPack }
            woo = WooPublication(vergadering: plan.vergadering, config: w.config, entries: entries)
        }
        summary.items = entries.count
        summary.nonPublicItems = entries.filter(\.nietOpenbaar).count
        summary.publicItems = summary.items - summary.nonPublicItems

        // 1. Pages, in parallel.
        let jobs = entries.flatMap { e in
            [e.page].compactMap { $0 } + e.bijlagen.compactMap { if case .page(let p) = $0.job { p } else { nil } }
        }
        let steps = options.pdf == nil ? 4 : 5
        options.progress?("[1/\(steps)] \(jobs.count) pagina's maken")
        let fingerprint = templates.fingerprint + "|" + options.audience.name + "|" + "\(options.audience)"
        let rendered = renderPages(jobs, fingerprint: fingerprint, previous: previous, from: target, woo: woo)
        summary.rendered = rendered.filter { !$0.reused }.count
        summary.reused = rendered.count - summary.rendered

        // 2. Bijlagen as files.
        options.progress?("[2/\(steps)] bijlagen kopiëren")
        var files: [PackFile] = rendered.map(\.file)
        for entry in entries {
            for b in entry.bijlagen {
                guard case .copy(let from, let to, let ext) = b.job else { continue }
                guard let data = FileManager.default.contents(atPath: from.path) else {
                    throw Failure.io("\(from.path): kan niet gelezen worden")
                }
                files.append(
                    PackFile(
                        path: to, data: data, titel: b.titel ?? "", soort: "bijlage/\(ext)", agendapunt: entry.agendapunt,
                        bron: SHA256.hex(data)))
            }
        }

        let zipName = PackLayout.zip(plan.vergadering, audience: options.audience)
        // 2b. PDFs of every page and of the whole pack, from the same page jobs.
        let bundleName = options.pdf.map { _ in PackPDF.bundlePath(plan.vergadering, audience: options.audience) }
        if let pdf = options.pdf, let bundleName {
            options.progress?("[3/\(steps)] \(jobs.count + 1) PDF's maken")
            let agenda = AgendaPage.render(
                plan.vergadering, entries: entries, files: files, zip: zipName, audience: options.audience, templates: templates,
                pdf: nil, link: { path in jobs.contains { $0.path == path } ? "#deel-" + Slug.make(path) : path })
            let made = try renderPDFs(
                jobs, pages: rendered.map(\.file), entries: entries, agenda: agenda, bundle: bundleName, options: pdf,
                fingerprint: fingerprint, previous: previous, from: target)
            summary.rendered += made.filter { !$0.reused }.count
            summary.reused += made.filter(\.reused).count
            files += made.map(\.file)
        }

        // 3. The agenda and the manifest.
        options.progress?("[\(steps - 1)/\(steps)] agenda en manifest")
        let index = AgendaPage.render(
            plan.vergadering, entries: entries, files: files, zip: zipName, audience: options.audience, templates: templates,
            jsonLD: woo.map(JSONLD.agenda), pdf: bundleName)
        files.append(PackFile(path: "index.html", data: Data(index.utf8), titel: "Agenda", soort: "agenda", agendapunt: nil, bron: nil))
        if let woo, let w = options.woo {
            let made = woo.files(published: files, previous: previous, publicatiedatum: w.publicatiedatum)
            for i in files.indices { files[i].lastmod = made.lastmod[files[i].path] }
            files += made.files
        }
        files.sort { $0.path < $1.path }
        let manifest = Manifest(vergadering: plan.vergadering, soort: options.audience.name, zip: zipName, files: files)
        let manifestData = manifest.json()

        // 4. Write everything into a fresh folder beside the target, then swap it in.
        options.progress?("[\(steps)/\(steps)] schrijven")
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).stukken-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
            // Folders first, then the files on every core; then the ZIP, whose entries are
            // deflated on every core too (writing a thousand pages one by one, and deflating
            // on one thread, left a core idle).
            for folder in Set(files.map { ($0.path as NSString).deletingLastPathComponent }).sorted() where !folder.isEmpty {
                try FileManager.default.createDirectory(at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
            let writeFile = options.writeFile
            let written = files.concurrentMap { file in Result { try writeFile(file.data, staging.appendingPathComponent(file.path)) } }
            for result in written { try result.get() }
            try put(manifestData, at: staging.appendingPathComponent("manifest.json"))
            let zipEntries = files.map { (name: $0.path, data: $0.data) } + [(name: "manifest.json", data: manifestData)]
            try put(DeterministicZip.data(zipEntries), at: staging.appendingPathComponent(zipName))
            if try DirectorySwap.install(staging.path, at: target.path) {
                try? FileManager.default.removeItem(at: staging)
            }
        } catch {
            try? FileManager.default.removeItem(at: staging)
            if let f = error as? Failure { throw f }
            throw Failure.io("\(options.output): \(Self.describe(error))")
        }
        summary.files = files.count + 2
        summary.bytes = files.reduce(manifestData.count) { $0 + $1.data.count }
            + ((try? FileManager.default.attributesOfItem(atPath: target.appendingPathComponent(zipName).path)[.size] as? Int) ?? 0)
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    private struct RenderedPage: Sendable {
        var file: PackFile
        var reused: Bool
    }

    private func renderPages(_ jobs: [PageJob], fingerprint: String, previous: Manifest?, from target: URL, woo: WooPublication?) -> [RenderedPage] {
        let results = ResultBox<RenderedPage>(count: jobs.count)
        let templates = self.templates
        let previous = Dictionary((previous?.files ?? []).map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        DispatchQueue.concurrentPerform(iterations: jobs.count) { i in
            let job = jobs[i]
            let jsonLD = woo.flatMap { JSONLD.document(path: job.path, $0) }
            let bron = SHA256.hex(
                Array((fingerprint + "|" + job.path + "|" + (job.nietOpenbaar ? "n" : "o") + "|").utf8) + Array(job.stuk.source.text.utf8)
                    + Array(Self.recordFingerprint(job.stuk.record).utf8) + Array((jsonLD.map { "|ld|" + $0 } ?? "").utf8))
            if let old = previous[job.path], old.bron == bron,
                let data = FileManager.default.contents(atPath: target.appendingPathComponent(job.path).path),
                SHA256.hex(data) == old.sha256
            {
                var file = PackFile(path: job.path, data: data, titel: job.titel, soort: job.kind, agendapunt: job.agendapunt, bron: bron)
                file.sha256 = old.sha256
                results[i] = RenderedPage(file: file, reused: true)
                return
            }
            let extras = PageExtras(terug: job.terug, nietOpenbaar: job.nietOpenbaar, agendapunt: job.agendapunt, jsonLD: jsonLD)
            let html = Data(Stukken.html(job.stuk, templates: templates, extras: extras).html.utf8)
            var file = PackFile(path: job.path, data: html, titel: job.titel, soort: job.kind, agendapunt: job.agendapunt, bron: bron)
            // Hashed here, on every core, while the page is fresh (the manifest needs it).
            file.sha256 = SHA256.hex(html)
            results[i] = RenderedPage(file: file, reused: false)
        }
        return results.values
    }

    /// Every page's PDF and the combined one, in parallel (each WeasyPrint is one process).
    /// A PDF is reused from the previous pack when what it is made from is unchanged.
    private func renderPDFs(
        _ jobs: [PageJob], pages: [PackFile], entries: [PackEntry], agenda: String, bundle bundleName: String, options pdf: PackPDFOptions,
        fingerprint: String, previous: Manifest?, from target: URL
    ) throws -> [RenderedPage] {
        let templates = self.templates
        let previous = Dictionary((previous?.files ?? []).map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        let pageBron = Dictionary(pages.map { ($0.path, $0.bron ?? "") }, uniquingKeysWith: { a, _ in a })
        let pdfPrint = "pdf|voorblad=\(pdf.voorblad)|"
        let bundleBron = SHA256.hex(Array((fingerprint + pdfPrint + agenda + jobs.map { pageBron[$0.path] ?? "" }.joined(separator: "|")).utf8))
        let count = jobs.count + 1
        let results = ResultBox<RenderedPage>(count: count)
        let failures = ResultBox<PackWriter.Failure>(count: count)
        let vergadering = plan.vergadering
        let audience = options.audience
        DispatchQueue.concurrentPerform(iterations: count) { i in
            let isBundle = i == jobs.count
            let path = isBundle ? bundleName : PackPDF.path(for: jobs[i].path)
            let bron = isBundle ? bundleBron : SHA256.hex(Array((fingerprint + pdfPrint + (pageBron[jobs[i].path] ?? "")).utf8))
            let titel = isBundle ? "Agenda en stukken" : jobs[i].titel
            let soort = isBundle ? "pdf/pakket" : "pdf/" + jobs[i].kind
            let agendapunt = isBundle ? nil : jobs[i].agendapunt
            if let old = previous[path], old.bron == bron,
                let data = FileManager.default.contents(atPath: target.appendingPathComponent(path).path), SHA256.hex(data) == old.sha256
            {
                results[i] = RenderedPage(file: PackFile(path: path, data: data, titel: titel, soort: soort, agendapunt: agendapunt, bron: bron), reused: true)
                return
            }
            let page =
                isBundle
                ? PackPDF.bundle(vergadering, entries: entries, agenda: agenda, audience: audience, templates: templates, options: pdf)
                : PackPDF.page(jobs[i], templates: templates, options: pdf)
            do {
                let data = try PDFRenderer.render(page, timeout: pdf.timeout)
                results[i] = RenderedPage(file: PackFile(path: path, data: data, titel: titel, soort: soort, agendapunt: agendapunt, bron: bron), reused: false)
            } catch {
                failures[i] = .pdf(path, error as? PDFRenderer.Failure ?? .io(String(describing: error)))
            }
        }
        if let first = failures.values.first { throw first }
        return results.values
    }

    /// What the publication changed in a record (links, left-out fields) also decides the page.
    static func recordFingerprint(_ r: Record) -> String {
        r.canonical
    }

    func put(_ data: Data, at url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try options.writeFile(data, url)
    }

    /// The real disk: a new file, written whole; a short write (disk full) is an error.
    public static let writeFile: @Sendable (Data, URL) throws -> Void = { data, url in
        let failure = AtomicFile.plainWrite(data, to: url.path, exclusive: true)
        if failure != 0 { throw POSIXError(POSIXErrorCode(rawValue: failure) ?? .EIO) }
    }

    /// Folders of builds that were killed halfway (`.NAME.stukken-*` beside the target).
    static func removeLeftovers(beside target: URL) {
        let parent = target.deletingLastPathComponent()
        let prefix = ".\(target.lastPathComponent).stukken-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [] where name.hasPrefix(prefix) {
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
    }

    static func describe(_ error: Error) -> String {
        if let e = error as? POSIXError { return PackMessage.ioReason(e.code.rawValue) }
        if let e = error as? CocoaError, let underlying = e.underlying as? POSIXError { return PackMessage.ioReason(underlying.code.rawValue) }
        if let e = error as? DirectorySwap.SwapError { return "\(e.path): \(PackMessage.ioReason(e.code))" }
        if let e = error as? CocoaError, let path = e.filePath { return "\(path): kan niet schrijven (\(e.code.rawValue))" }
        return String(describing: error)
    }
}

/// One file of a pack and what the manifest says of it.
struct PackFile: Sendable {
    var path: String
    var data: Data
    var titel: String
    var soort: String
    var agendapunt: String?
    /// Hash of everything the file was made from, for incremental rebuilds.
    var bron: String?
    /// `--woo`: the sitemap's `lastmod` for a published document.
    var lastmod: String? = nil
    /// SHA-256 of `data` when already known (pages hash it as they are rendered).
    var sha256: String? = nil
}

/// Collects results from `concurrentPerform` (each index written by one thread).
final class ResultBox<T: Sendable>: @unchecked Sendable {
    private var storage: [T?]
    private let lock = NSLock()
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    subscript(i: Int) -> T? {
        get { lock.withLock { storage[i] } }
        set { lock.withLock { storage[i] = newValue } }
    }
    var values: [T] { lock.withLock { storage.compactMap { $0 } } }
}

extension Array where Element: Sendable {
    /// `transform` of every element, on every core, in the array's order.
    func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let results = ResultBox<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { results[$0] = transform(self[$0]) }
        return results.values
    }
}
