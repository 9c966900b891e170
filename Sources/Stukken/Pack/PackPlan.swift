import Foundation

/// A meeting and everything it names, loaded and checked before a byte is written.
///
/// Every problem of every file is collected (paths, documents, agendapunten, orgaan,
/// concept status); the pack is built only from a plan without errors.
public struct PackPlan: Sendable {
    public struct Item: Sendable {
        public var agendapunt: String
        public var titel: String
        public var stuk: PlannedStuk?
        public var bijlagen: [Bijlage]
        /// An item without a document (opening, rondvraag) is public.
        public var openbaar: Bool { stuk?.openbaar ?? true }
    }

    public struct Bijlage: Sendable {
        public enum Content: Sendable {
            /// Only a title: nothing to publish but the line in the list.
            case none
            case stuk(PlannedStuk)
            case file(PlannedFile, extension: String)
        }
        /// Position in the document's `bijlagen` list, from 1.
        public var nummer: Int
        public var titel: String
        public var content: Content
        /// Its own `openbaar` and its document's together: public only when both are.
        public var openbaar: Bool
        /// A stuk bijlage's own bijlagen, as its page lists them: public only when this
        /// bijlage, their line and their own document all are. Their own bijlagen are
        /// listed nowhere (the pack publishes one level of pages), so the plan stops here.
        public var bijlagen: [Bijlage] = []
    }

    public let meetingPath: String
    public let folder: URL
    public let vergadering: Vergadering
    /// Who the pack is for: a public plan keeps no non-public stuk loaded and refuses public concepts.
    public let audience: PackAudience
    public let items: [Item]
    public let warnings: [Diagnostic]

    static let fileTypes = ["pdf", "docx", "doc", "odt", "xlsx", "ods", "pptx", "txt", "csv"]

    /// `retention`: how many loaded stuks the plan may keep for the pages (see `PlannedStuk`).
    /// `pdf`, `woo`: the pack's extra files, counted against the ZIP's limit.
    public static func make(
        meeting path: String, output: String?, audience: PackAudience, retention: Retention = Retention(),
        pdf: Bool = false, woo: Bool = false
    ) -> Result<PackPlan, DiagnosticsError> {
        let vergadering: Vergadering
        switch Vergadering.load(path: path) {
        case .success(let v): vergadering = v
        case .failure(let e): return .failure(e)
        }
        var check = PlanCheck(meeting: path, vergadering: vergadering, audience: audience, retention: retention)
        check.output(output)
        let documents = check.loadAgenda()
        for (entry, document) in zip(vergadering.agenda, documents) { check.item(entry, document) }
        check.sharedFiles()
        if check.problems.hasErrors { return .failure(DiagnosticsError(check.problems)) }
        let plan = PackPlan(
            meetingPath: path, folder: check.folder, vergadering: vergadering, audience: audience, items: check.items,
            warnings: check.problems)
        if let problem = zipProblem(plan.entries(), at: check.itemLocations, pdf: pdf, woo: woo) {
            return .failure(DiagnosticsError(check.problems + [problem]))
        }
        return .success(plan)
    }

    /// What the pack publishes, line by line of the agenda, for its audience.
    func entries() -> [PackEntry] {
        switch audience {
        case .openbaar(let contact): PublicPack.entries(self, metContactgegevens: contact)
        case .besloten: MembersPack.entries(self)
        }
    }

    /// Where an item publishes files: its stuk at its agenda line, each bijlage with content
    /// at its own line.
    static func fileUses(_ stuk: PlannedStuk, _ bijlagen: [Bijlage], agendapunt: String, at here: SourceLocation)
        -> [FileUse]
    {
        var uses = [
            FileUse(
                file: "stuk:" + stuk.path, openbaar: stuk.openbaar, location: here,
                label: MessagePart.itemLabel(agendapunt))
        ]
        for (bijlage, line) in zip(bijlagen, stuk.bijlagen) {
            let file: String
            switch bijlage.content {
            case .none: continue
            case .stuk(let s): file = "stuk:" + s.path
            case .file(let f, _): file = "file:\(f.device):\(f.inode)"
            }
            let label = MessagePart.bijlageLabel(agendapunt, nummer: bijlage.nummer)
            uses.append(FileUse(file: file, openbaar: bijlage.openbaar, location: line.location, label: label))
        }
        return uses
    }

    /// What the checks below read of a loaded stuk: the plan keeps no `Stuk` (see `PlannedStuk`).
    struct Checked: Sendable {
        var stuk: PlannedStuk
        var agendapunt: String?
        var titel: String
        var orgaan: String?
        var vergaderdatum: Datum?
        var isConcept: Bool
        var warnings: [Diagnostic]

        /// `keep`: whether the plan keeps this loaded stuk for its page.
        static func load(path: String, keep: (Stuk) -> Bool) -> Result<Checked, DiagnosticsError> {
            Stukken.load(path: path).map { s in
                Checked(
                    stuk: PlannedStuk(s, retain: keep(s)), agendapunt: s.document.agendapunt, titel: s.document.titel,
                    orgaan: s.document.orgaan,
                    vergaderdatum: s.document.vergaderdatum, isConcept: s.document.isConcept, warnings: s.warnings)
            }
        }
    }

    /// `Checked.load` for many paths at once, on every core.
    static func preload(_ paths: [String], keep: @escaping @Sendable (Stuk) -> Bool) -> [String: Result<
        Checked, DiagnosticsError
    >] {
        let unique = Array(Set(paths))
        return Dictionary(
            uniqueKeysWithValues: zip(unique, unique.concurrentMap { Checked.load(path: $0, keep: keep) }))
    }

    /// A path a meeting or document names, made safe: relative, no `..`, an existing
    /// regular file, and inside the meeting folder after following symlinks.
    static func resolve(_ relative: String, from base: URL, root: URL, file: String, at location: SourceLocation)
        -> Result<URL, Diagnostic>
    {
        func fail(_ message: Message) -> Result<URL, Diagnostic> {
            .failure(Diagnostic(.error, at: location, field: nil, message: message))
        }
        if relative.hasPrefix("/") || relative.hasPrefix("~") { return fail(PackMessage.absolutePath(relative)) }
        let url = base.appendingPathComponent(relative).standardizedFileURL
        // `..` may move between subfolders, never above the meeting folder.
        if relative.split(separator: "/").contains(".."), !url.resolvingSymlinksInPath().path.hasPrefix(root.path + "/")
        {
            return fail(PackMessage.parentPath(relative))
        }
        var info = stat()
        guard lstat(url.path, &info) == 0 else { return fail(PackMessage.fileMissing(relative)) }
        let real = url.resolvingSymlinksInPath()
        guard real.path.hasPrefix(root.path + "/") else { return fail(PackMessage.outsideFolder(relative)) }
        guard stat(real.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            return fail(PackMessage.notARegularFile(relative))
        }
        return .success(real)
    }

    /// Diagnostics name files as the user would: relative to where the meeting file is named.
    static func display(_ url: URL, root: URL, meeting: String) -> String {
        let meetingDir = (meeting as NSString).deletingLastPathComponent
        let relative = String(url.path.dropFirst(root.path.count + 1))
        return meetingDir.isEmpty ? relative : meetingDir + "/" + relative
    }

    static func outputProblem(_ output: String, folder: URL, meeting: String) -> Diagnostic? {
        guard OutputGuard.overlap(output: OutputGuard.canonical(output), inputs: [folder.path]) != nil else {
            return nil
        }
        return Diagnostic(.error, file: meeting, message: PackMessage.outputOverlapsInput(output))
    }
}
