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
        /// Adds bytes to a file `writeFile` made: the other way a pack's bytes reach the disk.
        public var appendFile: @Sendable (Data, URL) throws -> Void
        /// Inputs besides the meeting folder and the templates (`--config`): the output may
        /// not be at, inside or above any of them.
        public var inputs: [String]

        public init(
            output: String, audience: PackAudience, progress: (@Sendable (String) -> Void)? = nil,
            woo: WooOptions? = nil,
            pdf: PackPDFOptions? = nil,
            writeFile: @escaping @Sendable (Data, URL) throws -> Void = PackWriter.writeFile,
            appendFile: @escaping @Sendable (Data, URL) throws -> Void = PackWriter.appendFile, inputs: [String] = []
        ) {
            self.inputs = inputs
            self.output = output
            self.audience = audience
            self.progress = progress
            self.woo = woo
            self.pdf = pdf
            self.writeFile = writeFile
            self.appendFile = appendFile
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
            return MessagePart.packSummary(
                items: items, publicItems: publicItems, nonPublicItems: nonPublicItems, files: files, bytes: bytes,
                rendered: rendered, reused: reused, time: time)
        }
    }

    public enum Failure: Error, CustomStringConvertible {
        case mixedAudience(String, existing: String, wanted: String)
        /// `-o` names something a pack may not replace; nothing was touched.
        case refusedOutput(String)
        case wooNeedsPublicPack
        case io(String)
        case pdf(String, PDFRenderer.Failure)

        /// A stuk or file bijlage that changed, or became unreadable, since the plan.
        init(_ failure: PlannedStuk.LoadFailure) {
            self = .io(failure.description)
        }

        public var description: String {
            switch self {
            case .mixedAudience(let dir, let existing, let wanted):
                PackMessage.mixedAudience(dir, existing: existing, wanted: wanted).description
            case .refusedOutput(let text): text
            case .wooNeedsPublicPack: WooMessage.wooNotForMembers.description
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
        let target = URL(fileURLWithPath: OutputGuard.canonical(options.output))
        // Nothing is written, not even a parent folder, before the target and the inputs are
        // cleared. The meeting folder holds every stuk and bijlage the plan resolved.
        if let problem = OutputGuard.problem(
            output: options.output, inputs: [plan.folder.path, templates.directory] + options.inputs)
        {
            throw Failure.refusedOutput(problem)
        }
        let place = PackTarget(
            path: target.path, shown: options.output, soort: options.audience.name,
            vergadering: Manifest.meeting(plan.vergadering))
        let previous = try place.inspect().manifest

        let entries: [PackEntry]
        switch options.audience {
        case .openbaar(let contact): entries = PublicPack.entries(plan, metContactgegevens: contact)
        case .besloten: entries = MembersPack.entries(plan)
        }
        // The Woo files are made from the public pack's entries and nothing else.
        var woo: WooPublication? = nil
        if let w = options.woo {
            guard case .openbaar = options.audience else { throw Failure.wooNeedsPublicPack }
            woo = try WooPublication(vergadering: plan.vergadering, config: w.config, entries: entries)
        }
        // The plan counted the files too; these options may ask for more (PDFs, Woo).
        let (own, perEntry) = PackLayout.zipEntries(entries, pdf: options.pdf != nil, woo: woo != nil)
        if perEntry.reduce(own, +) > DeterministicZip.maximumEntries {
            throw Failure.io("\(options.output): \(DeterministicZip.Failure.tooLarge)")
        }
        summary.items = entries.count
        summary.nonPublicItems = entries.filter(\.nietOpenbaar).count
        summary.publicItems = summary.items - summary.nonPublicItems

        try makeParent(of: target)
        Staging.removeLeftovers(beside: target)
        // Everything is written into a fresh folder beside the target as soon as it is
        // made (a pack of ten thousand pages does not wait in memory), then swapped in.
        var staging: Staging? = nil
        do {
            let made = try Staging.create(beside: target)
            staging = made
            let (files, bytes) = try build(
                entries, woo: woo, previous: previous, target: target, into: made.pack, summary: &summary)
            if try DirectorySwap.install(made.pack.path, at: target.path) {
                staging = nil  // it now holds what was at the target: `takeOut` decides
                try takeOut(made, place: place)
            }
            summary.files = files
            summary.bytes = bytes
        } catch {
            staging?.remove()
            if let f = error as? Failure { throw f }
            throw Failure.io("\(options.output): \(Self.describe(error))")
        }
        staging?.remove()
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    /// The folders above the target, made when missing.
    private func makeParent(of target: URL) throws {
        let parent = target.deletingLastPathComponent()
        do {
            // Foundation reports a file in the way as "exists"; name the real problem.
            var ancestor = parent
            while !FileManager.default.fileExists(atPath: ancestor.path), ancestor.path != "/" {
                ancestor.deleteLastPathComponent()
            }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: ancestor.path, isDirectory: &isDirectory), !isDirectory.boolValue
            {
                throw POSIXError(.ENOTDIR)
            }
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw Failure.io("\(options.output): \(Self.describe(error))")
        }
    }

    /// After the swap, what was at the target sits in `staging`: it is deleted with it only
    /// when it is still what may be replaced. Otherwise it changed during the build (or
    /// appeared since the target was inspected) and is put back; the new pack is dropped.
    private func takeOut(_ staging: Staging, place: PackTarget) throws {
        do {
            _ = try place.inspect(staging.pack.path)
        } catch {
            do {
                try DirectorySwap.exchange(staging.pack.path, place.path)
            } catch {
                // Both stay: what was at the target is kept in staging, and said where.
                throw Failure.io(PackMessage.outputKeptAside(place.shown, at: staging.pack.path).description)
            }
            staging.remove()
            throw Failure.refusedOutput(
                PackMessage.outputChangedDuringBuild(place.shown, reason: String(describing: error)).description)
        }
        staging.remove()
    }

    /// The pack's files in `staging`; returns how many files and bytes, the ZIP included.
    private func build(
        _ entries: [PackEntry], woo: WooPublication?, previous: Manifest?, target: URL, into staging: URL,
        summary: inout Summary
    ) throws -> (files: Int, bytes: Int) {
        let jobs = entries.flatMap { e in
            [e.page].compactMap { $0 } + e.bijlagen.compactMap { if case .page(let p) = $0.job { p } else { nil } }
        }
        let copies = entries.flatMap { e in
            e.bijlagen.compactMap {
                b -> (agendapunt: String, titel: String, from: PlannedFile, to: String, ext: String)? in
                guard case .copy(let from, let to, let ext) = b.job else { return nil }
                return (e.agendapunt, b.titel ?? "", from, to, ext)
            }
        }
        // Folders first, so the files can then be written on every core.
        for folder in Set((jobs.map(\.path) + copies.map(\.to)).map { ($0 as NSString).deletingLastPathComponent })
            .sorted() where !folder.isEmpty
        {
            try FileManager.default.createDirectory(
                at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
        }

        let zipName = PackLayout.zip(plan.vergadering, audience: options.audience)
        let bundleName = options.pdf.map { _ in PackPDF.bundlePath(plan.vergadering, audience: options.audience) }
        let agendaJSONLD = woo.map(JSONLD.agenda)
        let (vergadering, audience, templates) = (plan.vergadering, options.audience, templates)
        let agenda = { @Sendable (sizes: [String: Int]) -> Data in
            Data(
                AgendaPage.render(
                    vergadering, entries: entries, sizes: sizes, zip: zipName, audience: audience, templates: templates,
                    jsonLD: agendaJSONLD, pdf: bundleName, stylesheet: PackLayout.stylesheet
                ).utf8)
        }
        // Without PDFs the agenda needs only the sizes of the copied bijlagen, which the plan
        // knows (a copy that differs is refused): it is made on a core of its own while
        // the pages are (at a thousand items it took a tenth of the pack, one core idle).
        let early =
            options.pdf == nil
            ? AsyncValue { agenda(Dictionary(copies.map { ($0.to, $0.from.size) }, uniquingKeysWith: { a, _ in a })) }
            : nil

        // 1. Pages, in parallel.
        let steps = options.pdf == nil ? 4 : 5
        options.progress?("[1/\(steps)] \(jobs.count) pagina's maken")
        let fingerprint =
            Self.renderVersion + "|" + templates.fingerprint + "|" + options.audience.name + "|" + "\(options.audience)"
        let published = PreviousPack(manifest: previous, folder: target)
        let rendered = try renderPages(jobs, fingerprint: fingerprint, previous: published, woo: woo, into: staging)
        summary.rendered = rendered.filter { !$0.reused }.count
        summary.reused = rendered.count - summary.rendered

        // 2. Bijlagen as files, copied byte for byte.
        options.progress?("[2/\(steps)] bijlagen kopiëren")
        let (writeFile, appendFile) = (options.writeFile, options.appendFile)
        var files: [PackFile] = rendered.map(\.file)
        files += try copies.concurrentMap { copy in
            Result { () throws -> PackFile in
                let url = staging.appendingPathComponent(copy.to, isDirectory: false)
                let hash: String
                do {
                    hash = try copy.from.copy(write: { try writeFile($0, url) }, append: { try appendFile($0, url) })
                } catch let error as PlannedStuk.LoadFailure {
                    throw Failure(error)
                }
                return PackFile(
                    path: copy.to, size: copy.from.size, sha256: hash, titel: copy.titel, soort: "bijlage/\(copy.ext)",
                    agendapunt: copy.agendapunt, bron: hash)
            }
        }.map { try $0.get() }

        // 2b. PDFs of every page and of the whole pack, from the same page jobs.
        if let pdf = options.pdf, let bundleName {
            options.progress?("[3/\(steps)] \(jobs.count + 1) PDF's maken")
            let pages = Set(jobs.map(\.path))
            let agenda = AgendaPage.render(
                plan.vergadering, entries: entries, sizes: Self.sizes(files), zip: zipName, audience: options.audience,
                templates: templates,
                pdf: nil, link: { path in pages.contains(path) ? "#deel-" + Slug.make(path) : path })
            let made = try renderPDFs(
                jobs, pages: rendered.map(\.file), entries: entries, agenda: agenda, bundle: bundleName, options: pdf,
                fingerprint: fingerprint, previous: published, into: staging)
            summary.rendered += made.filter { !$0.reused }.count
            summary.reused += made.filter(\.reused).count
            files += made.map(\.file)
        }

        // 3. The agenda and the manifest.
        options.progress?("[\(steps - 1)/\(steps)] agenda en manifest")
        // Each made, written and let go (at ten thousand items they are megabytes).
        files.append(
            try put(
                early?.value ?? agenda(Self.sizes(files)), as: "index.html", in: staging, titel: "Agenda",
                soort: "agenda"))
        files.append(
            try put(
                Data(templates.stylesheet.utf8), as: PackLayout.stylesheet, in: staging, titel: "Opmaak", soort: "stijl"
            ))
        if let woo, let w = options.woo {
            let made = woo.files(published: files, previous: previous, publicatiedatum: w.publicatiedatum)
            for i in files.indices { files[i].lastmod = made.lastmod[files[i].path] }
            for (file, data) in made.files {
                try put(data, at: staging.appendingPathComponent(file.path))
                files.append(file)
            }
        }
        files.sort { $0.path < $1.path }
        let manifest = try put(
            Manifest.json(vergadering: plan.vergadering, soort: options.audience.name, zip: zipName, files: files),
            as: "manifest.json",
            in: staging, titel: "Manifest", soort: "manifest")

        // 4. The ZIP, from the files just written (deflated on every core, a few at a time).
        options.progress?("[\(steps)/\(steps)] ZIP schrijven")
        let zipURL = staging.appendingPathComponent(zipName)
        var started = false
        let zipSize = try DeterministicZip.write(
            (files + [manifest]).map { (name: $0.path, size: $0.size) }.sorted { $0.name < $1.name },
            read: { name, range in
                guard let file = FileHandle(forReadingAtPath: staging.appendingPathComponent(name).path) else {
                    throw Failure.io(PackMessage.packEntryUnreadable(name).description)
                }
                defer { try? file.close() }
                try file.seek(toOffset: UInt64(range.lowerBound))
                return try file.read(upToCount: range.count) ?? Data()
            },
            emit: { bytes in
                if started { try options.appendFile(bytes, zipURL) } else { try writeFile(bytes, zipURL) }
                started = true
            })
        return (files.count + 2, files.reduce(manifest.size + zipSize) { $0 + $1.size })
    }

    private struct RenderedPage: Sendable {
        var file: PackFile
        var reused: Bool
    }

    /// Each page rendered, or taken from the previous pack when unchanged, and written to
    /// `staging` on the core that made it; only its manifest line is kept.
    private func renderPages(
        _ jobs: [PageJob], fingerprint: String, previous: PreviousPack, woo: WooPublication?, into staging: URL
    ) throws -> [RenderedPage] {
        let templates = self.templates
        let writeFile = options.writeFile
        return try jobs.concurrentMap { job in
            Result { () throws -> RenderedPage in
                let stuk: Stuk
                do throws(PlannedStuk.LoadFailure) { stuk = try job.load() } catch { throw Failure(error) }
                let jsonLD = woo.flatMap { JSONLD.document(path: job.path, $0) }
                let bron = Self.bron(of: job, stuk, fingerprint: fingerprint, jsonLD: jsonLD)
                let url = staging.appendingPathComponent(job.path, isDirectory: false)
                if let (data, sha256) = previous.file(job.path, madeFrom: bron) {
                    try writeFile(data, url)
                    let file = PackFile(
                        path: job.path, size: data.count, sha256: sha256, titel: job.titel, soort: job.kind,
                        agendapunt: job.agendapunt, bron: bron)
                    return RenderedPage(file: file, reused: true)
                }
                let extras = PageExtras(
                    terug: job.terug, nietOpenbaar: job.nietOpenbaar, agendapunt: job.agendapunt, jsonLD: jsonLD,
                    stylesheet: PackLayout.stylesheet(from: job.path))
                let html = Data(Stukken.html(stuk, templates: templates, extras: extras).html.utf8)
                try writeFile(html, url)
                let file = PackFile(
                    path: job.path, data: html, titel: job.titel, soort: job.kind, agendapunt: job.agendapunt,
                    bron: bron)
                return RenderedPage(file: file, reused: false)
            }
        }.map { try $0.get() }
    }

    /// Every page's PDF and the combined one, in parallel (each WeasyPrint is one process).
    /// A PDF is reused from the previous pack when what it is made from is unchanged.
    private func renderPDFs(
        _ jobs: [PageJob], pages: [PackFile], entries: [PackEntry], agenda: String, bundle bundleName: String,
        options pdf: PackPDFOptions,
        fingerprint: String, previous: PreviousPack, into staging: URL
    ) throws -> [RenderedPage] {
        let templates = self.templates
        let writeFile = options.writeFile
        let pageBron = Dictionary(pages.map { ($0.path, $0.bron ?? "") }, uniquingKeysWith: { a, _ in a })
        let pdfPrint = "pdf|voorblad=\(pdf.voorblad)|"
        let bundleBron = SHA256.hex(
            Array((fingerprint + pdfPrint + agenda + jobs.map { pageBron[$0.path] ?? "" }.joined(separator: "|")).utf8))
        let vergadering = plan.vergadering
        let audience = options.audience
        return try Array(0...jobs.count).concurrentMap { i in
            Result { () throws -> RenderedPage in
                let isBundle = i == jobs.count
                let path = isBundle ? bundleName : PackPDF.path(for: jobs[i].path)
                let bron =
                    isBundle
                    ? bundleBron : SHA256.hex(Array((fingerprint + pdfPrint + (pageBron[jobs[i].path] ?? "")).utf8))
                let titel = isBundle ? "Agenda en stukken" : jobs[i].titel
                let soort = isBundle ? "pdf/pakket" : "pdf/" + jobs[i].kind
                let agendapunt = isBundle ? nil : jobs[i].agendapunt
                let url = staging.appendingPathComponent(path)
                if let (data, sha256) = previous.file(path, madeFrom: bron) {
                    try writeFile(data, url)
                    let file = PackFile(
                        path: path, size: data.count, sha256: sha256, titel: titel, soort: soort,
                        agendapunt: agendapunt, bron: bron)
                    return RenderedPage(file: file, reused: true)
                }
                let data: Data
                do {
                    let page =
                        isBundle
                        ? try PackPDF.bundle(
                            vergadering, entries: entries, agenda: agenda, audience: audience, templates: templates,
                            options: pdf)
                        : try PackPDF.page(jobs[i], templates: templates, options: pdf)
                    data = try PDFRenderer.render(page, timeout: pdf.timeout)
                } catch let error as PlannedStuk.LoadFailure {
                    throw Failure(error)
                } catch {
                    throw Failure.pdf(path, error as? PDFRenderer.Failure ?? .io(String(describing: error)))
                }
                try writeFile(data, url)
                return RenderedPage(
                    file: PackFile(
                        path: path, data: data, titel: titel, soort: soort, agendapunt: agendapunt, bron: bron),
                    reused: false)
            }
        }.map { try $0.get() }
    }

    /// Part of every page's and PDF's `bron`: what the code does to make a page from its
    /// inputs. Bump it when a change alters page bytes for the same inputs (escaping, cmark
    /// options, a kind's context), or the next build takes stale pages from the last pack.
    /// 2: HTML escaped byte by byte, memo and notitie bijlagen linked, stylesheet linked.
    /// 3: a PDF's links to bijlagen relative, no longer file:// URLs of the current folder.
    static let renderVersion = "render-3"

    static func sizes(_ files: [PackFile]) -> [String: Int] {
        Dictionary(files.map { ($0.path, $0.size) }, uniquingKeysWith: { a, _ in a })
    }

    /// Everything a page is made from, hashed: the next build takes the page from this
    /// pack when it is the same. A page is a function of the templates and audience
    /// (`fingerprint`), its place and marks, and the kind and published record (the record
    /// holds every value of the source the page can show, and what the publication changed:
    /// links, left-out fields), so the source text itself is not hashed again.
    static func bron(of job: PageJob, _ stuk: Stuk, fingerprint: String, jsonLD: String?) -> String {
        var hasher = SHA256()
        for part in [
            fingerprint, job.path, job.terug, job.agendapunt, job.nietOpenbaar ? "n" : "o", stuk.kind.soort,
            stuk.record.canonical,
        ] {
            hasher.update(part.utf8)
            hasher.update(CollectionOfOne(0))  // a separator no part contains
        }
        if let jsonLD { hasher.update(("ld|" + jsonLD).utf8) }
        return hasher.finalizeHex()
    }

    /// Writes a file of the pack's own (agenda, manifest) and describes it.
    func put(_ data: Data, as path: String, in staging: URL, titel: String, soort: String) throws -> PackFile {
        try put(data, at: staging.appendingPathComponent(path))
        return PackFile(path: path, data: data, titel: titel, soort: soort, agendapunt: nil, bron: nil)
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

    /// The real disk: more bytes at the end of a file `writeFile` made (the ZIP, written
    /// a few entries at a time).
    public static let appendFile: @Sendable (Data, URL) throws -> Void = { data, url in
        let failure = AtomicFile.append(data, to: url.path)
        if failure != 0 { throw POSIXError(POSIXErrorCode(rawValue: failure) ?? .EIO) }
    }

    static func describe(_ error: Error) -> String {
        if let e = error as? POSIXError { return MessagePart.ioReason(e.code.rawValue) }
        if let e = error as? CocoaError, let underlying = e.underlying as? POSIXError {
            return MessagePart.ioReason(underlying.code.rawValue)
        }
        if let e = error as? DirectorySwap.SwapError { return "\(e.path): \(MessagePart.ioReason(e.code))" }
        if let e = error as? CocoaError, let path = e.filePath {
            return MessagePart.cannotWrite(path, code: e.code.rawValue)
        }
        return String(describing: error)
    }
}

/// The pack being replaced, as far as a rebuild may take files from it.
struct PreviousPack: Sendable {
    private let entries: [String: Manifest.Entry]
    private let folder: URL

    init(manifest: Manifest?, folder: URL) {
        entries = Dictionary((manifest?.files ?? []).map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        self.folder = folder
    }

    /// Its file at `path`, with its SHA-256, when it was made from the same inputs (`bron`)
    /// and its bytes are still what its manifest says.
    func file(_ path: String, madeFrom bron: String) -> (data: Data, sha256: String)? {
        guard let old = entries[path], old.bron == bron,
            let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path),
            SHA256.hex(data) == old.sha256
        else { return nil }
        return (data, old.sha256)
    }
}

/// One file of a pack as the manifest describes it (its bytes are on disk by then).
struct PackFile: Sendable {
    var path: String
    var size: Int
    var sha256: String
    var titel: String
    var soort: String
    var agendapunt: String?
    /// Hash of everything the file was made from, for incremental rebuilds.
    var bron: String?
    /// `--woo`: the sitemap's `lastmod` for a published document.
    var lastmod: String? = nil

    init(path: String, size: Int, sha256: String, titel: String, soort: String, agendapunt: String?, bron: String?) {
        self.path = path
        self.size = size
        self.sha256 = sha256
        self.titel = titel
        self.soort = soort
        self.agendapunt = agendapunt
        self.bron = bron
    }

    /// The description of `data` (hashed here, on the core that made it).
    init(path: String, data: Data, titel: String, soort: String, agendapunt: String?, bron: String?) {
        self.init(
            path: path, size: data.count, sha256: SHA256.hex(data), titel: titel, soort: soort, agendapunt: agendapunt,
            bron: bron)
    }
}

/// A value made on another thread while the caller goes on; `value` waits for it.
final class AsyncValue<T: Sendable>: @unchecked Sendable {
    private var result: T?
    private let done = DispatchGroup()

    init(_ make: @escaping @Sendable () -> T) {
        done.enter()
        DispatchQueue.global().async {
            self.result = make()
            self.done.leave()
        }
    }

    /// Written once before `leave`, read only after `wait`: the group orders the two.
    var value: T {
        done.wait()
        return result!
    }
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
