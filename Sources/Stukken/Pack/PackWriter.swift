import Foundation

/// Stage 8: a checked plan → a pack folder, written beside the target and put in place
/// in one step.
///
/// The work is a list of named steps (`PackStep.all`, in `PackSteps.swift`): plan, pages,
/// copies, PDFs, agenda, Woo, manifest, ZIP, swap. Unchanged pages and PDFs are taken
/// from the previous pack, by the content hashes in its published manifest.
public struct PackWriter {
    public struct Options: Sendable {
        public var output: String
        public var progress: (@Sendable (String) -> Void)?
        /// DiWoo metadata, sitemaps and their index, ORI export and JSON-LD (public packs only).
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
            output: String, progress: (@Sendable (String) -> Void)? = nil, woo: WooOptions? = nil,
            pdf: PackPDFOptions? = nil,
            writeFile: @escaping @Sendable (Data, URL) throws -> Void = PackWriter.writeFile,
            appendFile: @escaping @Sendable (Data, URL) throws -> Void = PackWriter.appendFile, inputs: [String] = []
        ) {
            self.inputs = inputs
            self.output = output
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
        /// A step of the build failed (`item`: the file it was making); `output` is left as it was.
        case step(String, item: String?, reason: String, output: String)

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
            case .step(let step, let item, let reason, let output):
                MessagePart.stepFailed(step, item: item, reason: reason, output: output)
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
        // Nothing is written, not even a parent folder, before the target and the inputs are
        // cleared. The meeting folder holds every stuk and bijlage the plan resolved.
        if let problem = OutputGuard.problem(
            output: options.output, inputs: [plan.folder.path, templates.directory] + options.inputs)
        {
            throw Failure.refusedOutput(problem)
        }
        var build = try PackBuild(self)
        try PackStep.run(PackStep.all(pdf: options.pdf != nil, woo: options.woo != nil), on: &build)
        build.summary.seconds = Date().timeIntervalSince(started)
        return build.summary
    }

    /// The folders above the target, made when missing.
    func makeParent(of target: URL) throws {
        let parent = target.deletingLastPathComponent()
        // Foundation reports a file in the way as "exists"; name the real problem.
        var ancestor = parent
        while !FileManager.default.fileExists(atPath: ancestor.path), ancestor.path != "/" {
            ancestor.deleteLastPathComponent()
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: ancestor.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw POSIXError(.ENOTDIR)
        }
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
    }

    /// After the swap, what was at the target sits in `staging`: it is deleted with it only
    /// when it is still what may be replaced. Otherwise it changed during the build (or
    /// appeared since the target was inspected) and is put back; the new pack is dropped.
    func takeOut(_ staging: Staging, place: PackTarget) throws {
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
