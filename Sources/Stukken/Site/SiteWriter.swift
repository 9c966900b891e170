import Foundation

/// `stukken site DIR`: the front door of a web root that holds many packs. It writes, at
/// the root, one sitemap index per Woo informatiecategorie by KOOP's name listing every
/// pack's sitemaps, the `robots.txt` that names those indexes, and the home page.
///
/// A short list of named steps (`SiteStep.all`), like the pack's: later steps (calendars,
/// feeds) add a `SiteStep` that reads `packs` and appends to `files`. Everything is made
/// in memory first; only the last step writes, each file atomically.
public struct SiteWriter: Sendable {
    public struct Options: Sendable {
        /// The web root: the folder below which the pack folders are.
        public var root: String
        /// The root's https address, ending in `/`.
        public var basisURL: String
        public var progress: (@Sendable (String) -> Void)?

        public init(root: String, basisURL: String, progress: (@Sendable (String) -> Void)? = nil) {
            self.root = root
            self.basisURL = basisURL.hasSuffix("/") ? basisURL : basisURL + "/"
            self.progress = progress
        }
    }

    public struct Summary: Sendable, CustomStringConvertible {
        public var meetings = 0
        public var indexes = 0
        /// Warnings and notes for the user (a pack without Woo files, DVO).
        public var notes: [Diagnostic] = []

        public var description: String { SiteMessage.summary(meetings: meetings, indexes: indexes) }
    }

    let options: Options
    let templates: TemplateSet

    public init(options: Options, templates: TemplateSet) {
        self.options = options
        self.templates = templates
    }

    /// Runs every step; on an error nothing has been written, and every problem is reported.
    public func write() throws(DiagnosticsError) -> Summary {
        var build = SiteBuild(
            root: URL(fileURLWithPath: options.root, isDirectory: true), basisURL: options.basisURL,
            templates: templates)
        for (i, step) in SiteStep.all.enumerated() {
            options.progress?("[\(i + 1)/\(SiteStep.all.count)] \(step.name)")
            try step.run(&build)
        }
        return Summary(meetings: build.packs.count, indexes: build.indexes.count, notes: build.notes)
    }

    /// `--basis-url`, or the `basis_url` of the site configuration: the root's address.
    public static func basisURL(option: String?, config: String) -> Result<String, DiagnosticsError> {
        if let option {
            guard SiteConfig.isHTTPS(option) else {
                return .failure(
                    DiagnosticsError([
                        Diagnostic(.error, file: "--basis-url", message: SiteMessage.basisURLNotHTTPS(option))
                    ]))
            }
            return .success(option)
        }
        guard FileManager.default.fileExists(atPath: config) else {
            return .failure(
                DiagnosticsError([Diagnostic(.error, file: config, message: SiteMessage.noBasisURL(config))]))
        }
        return SiteConfig.load(path: config).map(\.basisURL)
    }
}

/// What the steps of `stukken site` make, one after the other.
struct SiteBuild {
    let root: URL
    let basisURL: String
    let templates: TemplateSet
    var packs: [SitePack] = []
    /// Index file name → its text, for `robots.txt`.
    var indexes: [String] = []
    /// Root file name → bytes, written by the last step.
    var files: [(name: String, data: Data)] = []
    var notes: [Diagnostic] = []
    /// The root has a robots.txt of the host's own, which stays.
    var foreignRobots = false
}

/// One named step of `stukken site`.
struct SiteStep: Sendable {
    let name: String
    let run: @Sendable (inout SiteBuild) throws(DiagnosticsError) -> Void

    static let all: [SiteStep] = [.scan, .indexes, .robots, .home, .install]
}
