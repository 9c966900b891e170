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
    }

    public let meetingPath: String
    public let folder: URL
    public let vergadering: Vergadering
    public let items: [Item]
    public let warnings: [Diagnostic]

    static let fileTypes = ["pdf", "docx", "doc", "odt", "xlsx", "ods", "pptx", "txt", "csv"]

    /// `retention`: how many loaded stuks the plan may keep for the pages (see `PlannedStuk`).
    /// `pdf`, `woo`: the pack's extra files, counted against the ZIP's limit.
    public static func make(
        meeting path: String, output: String?, forPublic: Bool, retention: Retention = Retention(), pdf: Bool = false,
        woo: Bool = false
    ) -> Result<PackPlan, DiagnosticsError> {
        let vergadering: Vergadering
        switch Vergadering.load(path: path) {
        case .success(let v): vergadering = v
        case .failure(let e): return .failure(e)
        }
        let meetingURL = URL(fileURLWithPath: path).standardizedFileURL
        let folder = meetingURL.deletingLastPathComponent().resolvingSymlinksInPath()
        var problems: [Diagnostic] = []
        var items: [Item] = []
        var itemLocations: [SourceLocation] = []
        var uses: [FileUse] = []
        var seen: [String: String] = [:]

        if let output, let problem = outputProblem(output, folder: folder, meeting: path) { problems.append(problem) }

        // Resolve and load every stuk the agenda names on all cores first (path checks,
        // reading and validating are most of a plan's time); the checks below then run in
        // agenda order, so the diagnostics come out in the same order as before.
        let agenda = vergadering.agenda
        let base = meetingURL.deletingLastPathComponent()
        let resolved = agenda.concurrentMap { entry -> Result<URL, Diagnostic>? in
            let here = entry.location ?? SourceLocation(file: path, line: 1, column: 1)
            return entry.stuk.map { resolve($0, from: base, root: folder, file: path, at: entry.stukLocation ?? here) }
        }
        // A public plan keeps no loaded stuk it will not publish.
        let keep: @Sendable (Stuk) -> Bool = { s in
            (!forPublic || s.document.openbaar) && retention.take(s.source.text.utf8.count)
        }
        let loaded = preload(
            resolved.compactMap { result -> String? in
                guard case .success(let url)? = result else { return nil }
                return display(url, root: folder, meeting: path)
            }, keep: keep)

        for (index, entry) in agenda.enumerated() {
            let here = entry.location ?? SourceLocation(file: path, line: 1, column: 1)
            var stuk: PlannedStuk? = nil
            var document: Checked? = nil
            if let resolution = resolved[index] {
                switch resolution {
                case .failure(let d): problems.append(d)
                case .success(let url):
                    let shown = display(url, root: folder, meeting: path)
                    switch loaded[shown] ?? Checked.load(path: shown, keep: keep) {
                    case .success(let s):
                        stuk = s.stuk
                        document = s
                        problems += s.warnings
                    case .failure(let e): problems += e.diagnostics
                    }
                }
            }
            // agendapunt and titel: from the entry, the document, or both when they agree.
            let agendapunt = entry.agendapunt ?? document?.agendapunt
            let titel = entry.titel ?? document?.titel
            if let a = entry.agendapunt, let b = document?.agendapunt, a != b {
                problems.append(
                    Diagnostic(
                        .error, at: here, field: "agendapunt",
                        message: PackMessage.agendapuntDiffers(entry: a, document: b)))
            }
            if let a = entry.titel, let b = document?.titel, a != b {
                problems.append(
                    Diagnostic(
                        .error, at: here, field: "titel", message: PackMessage.titelDiffers(entry: a, document: b)))
            }
            if agendapunt == nil && (entry.stuk == nil || stuk != nil) {
                problems.append(
                    Diagnostic(.error, at: here, field: "agendapunt", message: PackMessage.agendapuntMissing))
            }
            if titel == nil && entry.stuk == nil {
                problems.append(Diagnostic(.error, at: here, field: "titel", message: PackMessage.titelMissing))
            }
            if let a = agendapunt {
                // Compared as their page names: "E 7" and "E-7" would both be e-7.html.
                let page = Slug.make(a)
                if let first = seen[page] {
                    problems.append(
                        Diagnostic(
                            .error, at: here, field: "agendapunt",
                            message: PackMessage.duplicateAgendapunt(a, first: first)))
                }
                seen[page] = a
                if let problem = pageNameProblem(a, vergadering, at: here) { problems.append(problem) }
            }
            if let document {
                if let orgaan = document.orgaan, orgaan != vergadering.orgaan.rawValue {
                    problems.append(
                        Diagnostic(
                            .error, at: here, field: "stuk",
                            message: PackMessage.orgaanDiffers(document: orgaan, meeting: vergadering.orgaan.rawValue)))
                }
                if let datum = document.vergaderdatum, datum != vergadering.datum {
                    problems.append(
                        Diagnostic(
                            .warning, at: here, field: "stuk",
                            message: PackMessage.datumDiffers(document: datum, meeting: vergadering.datum)))
                }
                if forPublic && document.isConcept && document.stuk.openbaar {
                    problems.append(
                        Diagnostic(.error, at: here, field: "stuk", message: PackMessage.conceptInPublicPack))
                }
            }
            var bijlagen: [Bijlage] = []
            if let stuk {
                bijlagen = loadBijlagen(
                    of: stuk, root: folder, meeting: path, forPublic: forPublic, retention: retention,
                    problems: &problems)
            }
            if let agendapunt, let titel = titel ?? (stuk == nil ? nil : "") {
                items.append(Item(agendapunt: agendapunt, titel: titel, stuk: stuk, bijlagen: bijlagen))
                itemLocations.append(here)
                if let stuk { uses += fileUses(stuk, bijlagen, agendapunt: agendapunt, at: here) }
            }
        }
        if forPublic { problems += sharedFileWarnings(uses) }
        if problems.hasErrors { return .failure(DiagnosticsError(problems)) }
        let plan = PackPlan(
            meetingPath: path, folder: folder, vergadering: vergadering, items: items, warnings: problems)
        let entries = forPublic ? PublicPack.entries(plan, metContactgegevens: false) : MembersPack.entries(plan)
        if let problem = zipProblem(entries, at: itemLocations, pdf: pdf, woo: woo) {
            return .failure(DiagnosticsError(problems + [problem]))
        }
        return .success(plan)
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

    private static func loadBijlagen(
        of stuk: PlannedStuk, root: URL, meeting: String, forPublic: Bool, retention: Retention,
        problems: inout [Diagnostic]
    ) -> [Bijlage] {
        let base = URL(fileURLWithPath: stuk.path).standardizedFileURL.deletingLastPathComponent()
        return stuk.bijlagen.enumerated().map { index, line in
            let titel = line.titel
            var openbaar = stuk.openbaar && (line.openbaar ?? true)
            var content = Bijlage.Content.none
            if let relative = line.bestand {
                let at = line.location
                switch resolve(relative, from: base, root: root, file: stuk.path, at: at) {
                case .failure(let d): problems.append(d)
                case .success(let url):
                    let ext = url.pathExtension.lowercased()
                    if ext == "yaml" || ext == "yml" {
                        // Kept only when it will be published: it, its line and its stuk public.
                        let published = !forPublic || openbaar
                        let keep = { (s: Stuk) in
                            (!forPublic || (published && s.document.openbaar))
                                && retention.take(s.source.text.utf8.count)
                        }
                        switch Checked.load(path: display(url, root: root, meeting: meeting), keep: keep) {
                        case .success(let s):
                            content = .stuk(s.stuk)
                            openbaar = openbaar && s.stuk.openbaar
                            problems += s.warnings
                            if forPublic && openbaar && s.isConcept {
                                problems.append(
                                    Diagnostic(
                                        .error, at: at, field: "bestand", message: PackMessage.conceptInPublicPack))
                            }
                        case .failure(let e): problems += e.diagnostics
                        }
                    } else if fileTypes.contains(ext) {
                        if let file = PlannedFile.at(url) {
                            content = .file(file, extension: ext)
                        } else {
                            problems.append(
                                Diagnostic(
                                    .error, at: at, field: "bestand", message: PackMessage.notARegularFile(relative)))
                        }
                    } else {
                        problems.append(
                            Diagnostic(
                                .error, at: at, field: "bestand",
                                message: PackMessage.unknownFileType(ext, known: fileTypes)))
                    }
                }
            }
            return Bijlage(nummer: index + 1, titel: titel, content: content, openbaar: openbaar)
        }
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
