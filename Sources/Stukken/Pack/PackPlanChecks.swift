import Foundation

/// The checks of `PackPlan.make`, one agenda line at a time, with every problem collected.
struct PlanCheck {
    typealias Loaded = Result<PackPlan.Checked, DiagnosticsError>

    let meeting: String
    let vergadering: Vergadering
    let forPublic: Bool
    let retention: Retention
    /// The meeting folder, symlinks followed: nothing outside it is read.
    let folder: URL
    private let base: URL
    var problems: [Diagnostic] = []
    var items: [PackPlan.Item] = []
    var itemLocations: [SourceLocation] = []
    private var uses: [PackPlan.FileUse] = []
    /// Page name → the agendapunt that took it.
    private var seen: [String: String] = [:]
    /// The agenda's stuks, by the name diagnostics give them.
    private var loaded: [String: Loaded] = [:]
    /// Whether each stuk named a level below the agenda's bijlagen is public, read once per
    /// file however often it is named. `nil`: it could not be read or checked.
    private var nestedOpenbaar: [String: Bool?] = [:]

    init(meeting: String, vergadering: Vergadering, audience: PackAudience, retention: Retention) {
        self.meeting = meeting
        self.vergadering = vergadering
        self.forPublic = audience != .besloten
        self.retention = retention
        base = URL(fileURLWithPath: meeting).standardizedFileURL.deletingLastPathComponent()
        folder = base.resolvingSymlinksInPath()
    }

    /// Whether the plan keeps a loaded stuk for its page: a public plan keeps none it will
    /// not publish (`published`: its line and its stuk are public), and none past the budget.
    func keep(published: Bool = true) -> @Sendable (Stuk) -> Bool {
        let (forPublic, retention) = (forPublic, retention)
        return { s in (!forPublic || (published && s.document.openbaar)) && retention.take(s.source.text.utf8.count) }
    }

    mutating func output(_ output: String?) {
        if let output, let problem = PackPlan.outputProblem(output, folder: folder, meeting: meeting) {
            problems.append(problem)
        }
    }

    /// Every stuk the agenda names, resolved and loaded on all cores first (path checks,
    /// reading and validating are most of a plan's time); the checks then run in agenda
    /// order, so the diagnostics come out in that order. `nil` for a line without a stuk.
    mutating func loadAgenda() -> [Result<URL, Diagnostic>?] {
        let (path, base, folder) = (meeting, base, folder)
        let resolved = vergadering.agenda.concurrentMap { entry -> Result<URL, Diagnostic>? in
            let here = entry.location ?? SourceLocation(file: path, line: 1, column: 1)
            return entry.stuk.map {
                PackPlan.resolve($0, from: base, root: folder, file: path, at: entry.stukLocation ?? here)
            }
        }
        loaded = PackPlan.preload(
            resolved.compactMap { if case .success(let url)? = $0 { shown(url) } else { nil } }, keep: keep())
        return resolved
    }

    /// How diagnostics name a file.
    private func shown(_ url: URL) -> String { PackPlan.display(url, root: folder, meeting: meeting) }

    /// One agenda line: its document, its names, its page, its bijlagen.
    mutating func item(_ entry: Vergadering.Agendapunt, _ resolution: Result<URL, Diagnostic>?) {
        let here = entry.location ?? SourceLocation(file: meeting, line: 1, column: 1)
        var document: PackPlan.Checked? = nil
        switch resolution {
        case .failure(let d)?: problems.append(d)
        case .success(let url)?:
            switch loaded[shown(url)] ?? PackPlan.Checked.load(path: shown(url), keep: keep()) {
            case .success(let s):
                document = s
                problems += s.warnings
            case .failure(let e): problems += e.diagnostics
            }
        case nil: break
        }
        // agendapunt and titel: from the entry, the document, or both when they agree.
        let agendapunt = entry.agendapunt ?? document?.agendapunt
        let titel = entry.titel ?? document?.titel
        checkNames(entry, document, agendapunt: agendapunt, titel: titel, at: here)
        if let agendapunt { checkPage(agendapunt, at: here) }
        if let document { checkDocument(document, at: here) }
        let stuk = document?.stuk
        if let stuk { checkReference(of: stuk, listedBy: nil) }
        let bijlagen = stuk.map { loadBijlagen(of: $0) } ?? []
        if let agendapunt, let titel = titel ?? (stuk == nil ? nil : "") {
            items.append(PackPlan.Item(agendapunt: agendapunt, titel: titel, stuk: stuk, bijlagen: bijlagen))
            itemLocations.append(here)
            if let stuk { uses += PackPlan.fileUses(stuk, bijlagen, agendapunt: agendapunt, at: here) }
        }
    }

    /// The agenda line and its document agree, and together name the item.
    private mutating func checkNames(
        _ entry: Vergadering.Agendapunt, _ document: PackPlan.Checked?, agendapunt: String?, titel: String?,
        at here: SourceLocation
    ) {
        if let a = entry.agendapunt, let b = document?.agendapunt, a != b {
            problems.append(
                Diagnostic(
                    .error, at: here, field: "agendapunt", message: PackMessage.agendapuntDiffers(entry: a, document: b)
                ))
        }
        if let a = entry.titel, let b = document?.titel, a != b {
            problems.append(
                Diagnostic(.error, at: here, field: "titel", message: PackMessage.titelDiffers(entry: a, document: b)))
        }
        if agendapunt == nil && (entry.stuk == nil || document != nil) {
            problems.append(Diagnostic(.error, at: here, field: "agendapunt", message: PackMessage.agendapuntMissing))
        }
        if titel == nil && entry.stuk == nil {
            problems.append(Diagnostic(.error, at: here, field: "titel", message: PackMessage.titelMissing))
        }
    }

    /// Each agendapunt gets a page of its own. Compared as their page names: "E 7" and
    /// "E-7" would both be e-7.html.
    private mutating func checkPage(_ agendapunt: String, at here: SourceLocation) {
        let page = Slug.make(agendapunt)
        if let first = seen[page] {
            problems.append(
                Diagnostic(
                    .error, at: here, field: "agendapunt",
                    message: PackMessage.duplicateAgendapunt(agendapunt, first: first)))
        }
        seen[page] = agendapunt
        if let problem = PackPlan.pageNameProblem(agendapunt, vergadering, at: here) { problems.append(problem) }
    }

    /// The document is for this meeting, and no concept is published.
    private mutating func checkDocument(_ document: PackPlan.Checked, at here: SourceLocation) {
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
            problems.append(Diagnostic(.error, at: here, field: "stuk", message: PackMessage.conceptInPublicPack))
        }
    }

    /// A file published by two items, public in one and not in the other.
    mutating func sharedFiles() {
        if forPublic { problems += PackPlan.sharedFileWarnings(uses) }
    }
}

extension PlanCheck {
    /// A document's bijlagen, each resolved and, when it is a stuk, loaded and checked.
    mutating func loadBijlagen(of stuk: PlannedStuk) -> [PackPlan.Bijlage] {
        let base = URL(fileURLWithPath: stuk.path).standardizedFileURL.deletingLastPathComponent()
        return stuk.bijlagen.enumerated().map { index, line in
            var bijlage = PackPlan.Bijlage(
                nummer: index + 1, titel: line.titel, content: .none, openbaar: stuk.openbaar && (line.openbaar ?? true)
            )
            guard let relative = line.bestand else { return bijlage }
            switch PackPlan.resolve(relative, from: base, root: folder, file: stuk.path, at: line.location) {
            case .failure(let d): problems.append(d)
            case .success(let url):
                let ext = url.pathExtension.lowercased()
                if ext == "yaml" || ext == "yml" {
                    loadStuk(url, into: &bijlage, at: line.location, listedBy: stuk)
                } else if PackPlan.fileTypes.contains(ext) {
                    if let file = PlannedFile.at(url) {
                        bijlage.content = .file(file, extension: ext)
                    } else {
                        problem(PackMessage.notARegularFile(relative), at: line.location)
                    }
                } else {
                    problem(PackMessage.unknownFileType(ext, known: PackPlan.fileTypes), at: line.location)
                }
            }
            return bijlage
        }
    }

    /// A bijlage that is a stuk of its own: public only when it is too, and no public concept.
    private mutating func loadStuk(
        _ url: URL, into bijlage: inout PackPlan.Bijlage, at location: SourceLocation, listedBy: PlannedStuk
    ) {
        // Kept only when it will be published: it, its line and its stuk public.
        switch PackPlan.Checked.load(path: shown(url), keep: keep(published: !forPublic || bijlage.openbaar)) {
        case .success(let s):
            bijlage.content = .stuk(s.stuk)
            checkReference(of: s.stuk, listedBy: listedBy)
            bijlage.openbaar = bijlage.openbaar && s.stuk.openbaar
            problems += s.warnings
            let publicAbove = bijlage.openbaar
            bijlage.bijlagen = s.stuk.bijlagen.enumerated().map { i, inner in
                nestedBijlage(inner, nummer: i + 1, of: s.stuk, publicAbove: publicAbove)
            }
            if forPublic && bijlage.openbaar && s.isConcept {
                problem(PackMessage.conceptInPublicPack, at: location)
            }
        case .failure(let e): problems += e.diagnostics
        }
    }

    /// A line of a stuk bijlage's own bijlagen list, decided like any other (fail closed):
    /// public only when the bijlage above is, the line does not say `openbaar: nee`, and a
    /// stuk it names is itself public and checks. Nothing of it is copied or rendered, so of
    /// a stuk it names only `openbaar` is used, and its problems are not the plan's.
    private mutating func nestedBijlage(
        _ line: PlannedStuk.BijlageLine, nummer: Int, of stuk: PlannedStuk, publicAbove: Bool
    ) -> PackPlan.Bijlage {
        var openbaar = publicAbove && line.openbaar != false
        if openbaar, let relative = line.bestand {
            let base = URL(fileURLWithPath: stuk.path).standardizedFileURL.deletingLastPathComponent()
            switch PackPlan.resolve(relative, from: base, root: folder, file: stuk.path, at: line.location) {
            case .failure: openbaar = false
            case .success(let url):
                let ext = url.pathExtension.lowercased()
                if ext == "yaml" || ext == "yml" {
                    let shown = shown(url)
                    if nestedOpenbaar[shown] == nil {
                        nestedOpenbaar[shown] = .some(try? Stukken.load(path: shown).get().document.openbaar)
                    }
                    openbaar = nestedOpenbaar[shown].flatMap { $0 } ?? false
                }
            }
        }
        return PackPlan.Bijlage(nummer: nummer, titel: line.titel, content: .none, openbaar: openbaar)
    }

    private mutating func problem(_ message: Message, at location: SourceLocation) {
        problems.append(Diagnostic(.error, at: location, field: "bestand", message: message))
    }
}
