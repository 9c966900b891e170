import Foundation

/// The steps of `stukken pack`, in the order they run. Each writes only into the staging
/// folder, through the writer's `writeFile` and `appendFile`, and only from `PackEntry`
/// values (never from the meeting's items, or a non-public item could leak).
extension PackStep {
    static func all(pdf: Bool, woo: Bool) -> [PackStep] {
        [.plan, .pages, .copies] + (pdf ? [.pdfs] : []) + [.agenda] + (woo ? [.woo] : []) + [.manifest, .zip, .swap]
    }

    /// What the pack holds, checked against the ZIP's limit, and a fresh staging folder.
    static let plan = PackStep(name: MessagePart.stepPlan) { build in
        build.entries = build.plan.entries()
        // The Woo files are made from the public pack's entries and nothing else.
        if let w = build.options.woo {
            guard case .openbaar = build.audience else { throw PackWriter.Failure.wooNeedsPublicPack }
            build.woo = try WooPublication(
                vergadering: build.plan.vergadering, config: w.config, entries: build.entries)
        }
        // The plan counted the files too; these options may ask for more (PDFs, Woo).
        let (own, perEntry) = PackLayout.zipEntries(
            build.entries, pdf: build.options.pdf != nil, woo: build.woo != nil)
        if perEntry.reduce(own, +) > DeterministicZip.maximumEntries {
            throw PackWriter.Failure.io("\(DeterministicZip.Failure.tooLarge)")
        }
        build.summary.items = build.entries.count
        build.summary.nonPublicItems = build.entries.filter(\.nietOpenbaar).count
        build.summary.publicItems = build.summary.items - build.summary.nonPublicItems
        try build.writer.makeParent(of: build.target)
        Staging.removeLeftovers(beside: build.target)
        // Everything is written into a fresh folder beside the target as soon as it is
        // made (a pack of ten thousand pages does not wait in memory), then swapped in.
        build.staging = try Staging.create(beside: build.target)
        try build.listWork()
    }

    /// Every page, in parallel; unchanged ones are taken from the previous pack.
    static let pages = PackStep(
        name: MessagePart.stepPages, count: { $0.jobs.count },
        run: { build in
            let made = try build.renderPages()
            build.pages = made.map(\.file)
            build.files = build.pages
            build.summary.rendered = made.filter { !$0.reused }.count
            build.summary.reused = made.count - build.summary.rendered
        })

    /// Bijlagen as files, copied byte for byte.
    static let copies = PackStep(name: MessagePart.stepCopies) { build in
        let (staging, writeFile, appendFile) = (build.folder, build.options.writeFile, build.options.appendFile)
        build.files += try build.copies.concurrentMap { copy in
            try PackItemFailure.naming(copy.to) {
                let url = staging.appendingPathComponent(copy.to, isDirectory: false)
                let hash = try copy.from.copy(write: { try writeFile($0, url) }, append: { try appendFile($0, url) })
                return PackFile(
                    path: copy.to, size: copy.from.size, sha256: hash, titel: copy.titel, soort: "bijlage/\(copy.ext)",
                    agendapunt: copy.agendapunt, bron: hash)
            }
        }
    }

    /// PDFs of every page and of the whole pack, from the same page jobs.
    static let pdfs = PackStep(
        name: MessagePart.stepPDFs, count: { $0.jobs.count + 1 },
        run: { build in
            let made = try build.renderPDFs()
            build.summary.rendered += made.filter { !$0.reused }.count
            build.summary.reused += made.filter(\.reused).count
            build.files += made.map(\.file)
        })

    /// `index.html` and the stylesheet, each made, written and let go (at ten thousand
    /// items they are megabytes).
    static let agenda = PackStep(name: MessagePart.stepAgenda) { build in
        let index = build.early?.value ?? build.agendaPage()(PackWriter.sizes(build.files))
        build.files.append(try build.put(index, as: "index.html", titel: "Agenda", soort: "agenda"))
        let stylesheet = Data(build.templates.stylesheet.utf8)
        build.files.append(try build.put(stylesheet, as: PackLayout.stylesheet, titel: "Opmaak", soort: "stijl"))
    }

    /// DiWoo metadata, sitemaps, their index and the ORI export, from the published files.
    static let woo = PackStep(name: MessagePart.stepWoo) { build in
        guard let woo = build.woo, let w = build.options.woo else { return }
        let made = woo.files(published: build.files, previous: build.previous, publicatiedatum: w.publicatiedatum)
        for i in build.files.indices { build.files[i].lastmod = made.lastmod[build.files[i].path] }
        for (file, data) in made.files {
            try build.writer.put(data, at: build.folder.appendingPathComponent(file.path))
            build.files.append(file)
        }
    }

    static let manifest = PackStep(name: MessagePart.stepManifest) { build in
        build.files.sort { $0.path < $1.path }
        let json = Manifest.json(
            vergadering: build.plan.vergadering, soort: build.audience.name, zip: build.zipName, files: build.files)
        build.manifest = try build.put(json, as: "manifest.json", titel: "Manifest", soort: "manifest")
    }

    /// The ZIP, from the files just written (deflated on every core, a few at a time).
    static let zip = PackStep(name: MessagePart.stepZIP) { build in
        guard let manifest = build.manifest else { return }
        let size = try build.writeZip(with: manifest)
        build.summary.files = build.files.count + 2
        build.summary.bytes = build.files.reduce(manifest.size + size) { $0 + $1.size }
    }

    /// The staging folder swapped in at the target in one step; what was there is deleted
    /// only when it is still what may be replaced.
    static let swap = PackStep(name: MessagePart.stepSwap) { build in
        guard let staging = build.staging else { return }
        if try DirectorySwap.install(staging.pack.path, at: build.target.path) {
            build.staging = nil  // it now holds what was at the target: `takeOut` decides
            try build.writer.takeOut(staging, place: build.place)
        }
    }
}

extension PackBuild {
    /// The pages and copies the entries ask for, their folders made (so the files can then
    /// be written on every core), and the agenda started early when it can be.
    mutating func listWork() throws {
        jobs = entries.flatMap { e in
            [e.page].compactMap { $0 } + e.bijlagen.compactMap { if case .page(let p) = $0.job { p } else { nil } }
        }
        copies = entries.flatMap { e in
            e.bijlagen.compactMap { b -> PackCopy? in
                guard case .copy(let from, let to, let ext) = b.job else { return nil }
                return PackCopy(agendapunt: e.agendapunt, titel: b.titel ?? "", from: from, to: to, ext: ext)
            }
        }
        let folders = Set((jobs.map(\.path) + copies.map(\.to)).map { ($0 as NSString).deletingLastPathComponent })
        for path in folders.sorted() where !path.isEmpty {
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent(path), withIntermediateDirectories: true)
        }
        // Without PDFs the agenda needs only the sizes of the copied bijlagen, which the plan
        // knows (a copy that differs is refused): it is made on a core of its own while
        // the pages are (at a thousand items it took a tenth of the pack, one core idle).
        if options.pdf == nil {
            let (agenda, copies) = (agendaPage(), copies)
            early = AsyncValue {
                agenda(Dictionary(copies.map { ($0.to, $0.from.size) }, uniquingKeysWith: { a, _ in a }))
            }
        }
    }

    func writeZip(with manifest: PackFile) throws -> Int {
        let (staging, writeFile, appendFile) = (folder, options.writeFile, options.appendFile)
        let zipURL = staging.appendingPathComponent(zipName)
        var started = false
        return try DeterministicZip.write(
            (files + [manifest]).map { (name: $0.path, size: $0.size) }.sorted { $0.name < $1.name },
            read: { name, range in
                guard let file = FileHandle(forReadingAtPath: staging.appendingPathComponent(name).path) else {
                    throw PackWriter.Failure.io(PackMessage.packEntryUnreadable(name).description)
                }
                defer { try? file.close() }
                try file.seek(toOffset: UInt64(range.lowerBound))
                return try file.read(upToCount: range.count) ?? Data()
            },
            emit: { bytes in
                if started { try appendFile(bytes, zipURL) } else { try writeFile(bytes, zipURL) }
                started = true
            })
    }
}
