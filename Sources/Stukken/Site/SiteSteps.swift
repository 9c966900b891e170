import Foundation

/// The steps of `stukken site`, in the order they run (`SiteStep.all`).
extension SiteStep {
    static let homePage = "index.html"
    static let robotsFile = "robots.txt"

    /// The public packs below the root; a members' pack there is refused, with every other
    /// problem, before anything is made.
    static let scan = SiteStep(name: SiteMessage.stepScan) { build throws(DiagnosticsError) in
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: build.root.path, isDirectory: &isFolder), isFolder.boolValue
        else {
            throw DiagnosticsError([
                Diagnostic(.error, file: build.root.path, message: SiteMessage.rootMissing(build.root.path))
            ])
        }
        let (packs, problems) = SiteScan.packs(in: build.root, basisURL: build.basisURL)
        var errors = problems.filter { $0.severity == .error }
        if packs.isEmpty && errors.isEmpty {
            errors.append(Diagnostic(.error, file: build.root.path, message: SiteMessage.noPacks(build.root.path)))
        }
        // The root's files that are not ours are never overwritten: a host's own robots.txt
        // stays (the robots step says what to add to it), a home page of its own is an error.
        if !SiteFiles.mayReplace(build.root.appendingPathComponent(homePage)) {
            errors.append(Diagnostic(.error, file: homePage, message: SiteMessage.homePageNotOurs))
        }
        build.foreignRobots = !SiteFiles.mayReplace(build.root.appendingPathComponent(robotsFile))
        guard errors.isEmpty else { throw DiagnosticsError(problems.filter { $0.severity != .error } + errors) }
        build.packs = packs
        build.notes = problems
    }

    /// One sitemap index per informatiecategorie, by KOOP's name, listing the sitemaps of
    /// every pack of that category; DVO packs get a note instead (art. 3.1 Woo has no index).
    static let indexes = SiteStep(name: SiteMessage.stepIndexes) { build throws(DiagnosticsError) in
        var byIndex: [String: [(loc: String, lastmod: String?)]] = [:]
        for pack in build.packs where !pack.sitemaps.isEmpty {
            guard let name = WooPublication.sitemapIndexName(pack.orgaan) else {
                build.notes.append(Diagnostic(.note, file: pack.folder, message: SiteMessage.dvoNoCategoryIndex))
                continue
            }
            let base = pack.url(root: build.basisURL)
            byIndex[name, default: []] += pack.sitemaps.map { (base + WooPublication.percentEncoded($0), pack.lastmod) }
        }
        var problems: [Diagnostic] = []
        for (name, sitemaps) in byIndex.sorted(by: { $0.key < $1.key }) {
            guard sitemaps.count <= SitemapLimits.koop.entries else {
                problems.append(
                    Diagnostic(
                        .error, file: name,
                        message: SiteMessage.tooManySitemaps(
                            sitemaps.count, index: name, maximum: SitemapLimits.koop.entries)))
                continue
            }
            build.indexes.append(name)
            build.files.append((name, Data(SitemapFiles.index(sitemaps).utf8)))
        }
        guard problems.isEmpty else { throw DiagnosticsError(problems) }
    }

    /// robots.txt at the root, naming the indexes (never the sitemaps), as KOOP's harvester
    /// reads it; beside a host's own robots.txt, a warning with the lines to add instead.
    static let robots = SiteStep(name: SiteMessage.stepRobots) { build in
        let indexes = build.indexes.map { build.basisURL + $0 }
        guard !build.foreignRobots else {
            let lines = indexes.map { "'Sitemap: \($0)'" }
            build.notes.append(Diagnostic(.warning, file: robotsFile, message: SiteMessage.robotsNotOurs(lines)))
            return
        }
        build.files.append((robotsFile, Data(SiteFiles.robots(sitemapIndexes: indexes).utf8)))
    }

    /// The home page: the meetings per orgaan, newest first.
    static let home = SiteStep(name: SiteMessage.stepHome) { build in
        build.files.append((homePage, Data(HomePage.render(build.packs, templates: build.templates).utf8)))
    }

    /// Every file into the root, each atomically (a reader sees the old file or the new one).
    static let install = SiteStep(name: SiteMessage.stepInstall) { build throws(DiagnosticsError) in
        for (name, data) in build.files.sorted(by: { $0.name < $1.name }) {
            let path = build.root.appendingPathComponent(name).path
            do { try AtomicFile.write(data, to: path) } catch {
                throw DiagnosticsError([
                    Diagnostic(.error, file: path, message: SiteMessage.writeFailed(path, reason: "\(error)"))
                ])
            }
        }
    }
}

/// The root files' own text, and which existing files may be replaced.
enum SiteFiles {
    static func robots(sitemapIndexes: [String]) -> String {
        var text = SiteMessage.robotsMarker + "\nUser-agent: *\nAllow: /\n"
        if !sitemapIndexes.isEmpty { text += "\n" }
        for index in sitemapIndexes { text += "Sitemap: \(index)\n" }
        return text
    }

    /// A root file may be replaced when there is none, or when `stukken site` wrote it.
    static func mayReplace(_ url: URL) -> Bool {
        guard FileManager.default.fileExists(atPath: url.path) else { return true }
        guard let data = FileManager.default.contents(atPath: url.path) else { return false }
        let text = String(decoding: data.prefix(4096), as: UTF8.self)
        return url.lastPathComponent == SiteStep.robotsFile
            ? text.hasPrefix(SiteMessage.robotsMarker) : text.contains(HomePage.generator)
    }
}
