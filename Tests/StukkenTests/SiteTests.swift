import Foundation
import Testing

@testable import Stukken

/// `stukken site` over a web root of three published packs (two AB, one DVO), run as a
/// process: KOOP's index names, robots.txt, every `loc`, the home page, no leak, and the
/// refusals.
@Suite(.serialized) struct SiteTests {
    static let host = "https://stukken.vrt.nl/"

    /// A public Woo pack of `meeting` at `root/folder`, made for the address it will have.
    static func pack(_ meeting: String, at folder: String, in root: URL, audience: PackAudience? = nil) throws {
        let out = root.appendingPathComponent(folder)
        let plan = try WooTests.plan(
            meeting, output: out.path, audience: audience ?? .openbaar(metContactgegevens: false))
        let config = SiteConfig(
            organisatie: "Veiligheidsregio Twente", tooi: "https://identifier.overheid.nl/tooi/id/so/so0679",
            basisURL: host + folder + "/")
        let woo =
            audience == nil ? WooOptions(config: config, publicatiedatum: Datum(year: 2016, month: 12, day: 1)!) : nil
        _ = try PackWriter(plan: plan, templates: Package.templateSet, options: .init(output: out.path, woo: woo))
            .write()
    }

    /// The example meeting moved to another date.
    static func meeting(on datum: String) throws -> String {
        let copy = try WooTests.copyOfExample()
        let file = copy.appendingPathComponent("vergadering.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "datum: 2016-10-10", with: "datum: \(datum)")
            .write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    /// The DVO meeting of `WooTests`: one DVO voorstel with its notitie.
    static func dvoMeeting() throws -> String {
        let dir = try temporaryDirectory()
        for name in ["dvo-doorontwikkeling-ivz.yaml", "notitie-doorontwikkeling-ivz.yaml"] {
            try FileManager.default.copyItem(
                at: Package.examples.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        let file = dir.appendingPathComponent("vergadering.yaml")
        try
            "soort: vergadering\norgaan: DVO\ndatum: 2016-10-10\nlocatie: Enschede\nagenda:\n  - stuk: dvo-doorontwikkeling-ivz.yaml\n"
            .write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    /// A web root with two AB packs and one DVO pack.
    static func webRoot() throws -> URL {
        let root = try temporaryDirectory().appendingPathComponent("www")
        try pack(WooTests.meeting, at: "ab/2016-10-10", in: root)
        try pack(try meeting(on: "2016-12-12"), at: "ab/2016-12-12", in: root)
        try pack(try dvoMeeting(), at: "dvo/2016-10-10", in: root)
        return root
    }

    static func text(_ url: URL) -> String {
        String(decoding: FileManager.default.contents(atPath: url.path) ?? Data(), as: UTF8.self)
    }

    static func rootFiles(_ root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: root.path) where !name.hasPrefix(".") {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: root.appendingPathComponent(name).path, isDirectory: &isFolder),
                !isFolder.boolValue
            {
                files[name] = FileManager.default.contents(atPath: root.appendingPathComponent(name).path)
            }
        }
        return files
    }

    @Test func aWebRootOfThreePacksGetsIndexesRobotsAndAHomePage() throws {
        let root = try Self.webRoot()
        let run = try CLI.run(["site", root.path, "--basis-url", Self.host])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("dvo/2016-10-10: note: STK200: DVO-stukken"), "\(run.stderr)")
        let files = try Self.rootFiles(root)
        #expect(files.keys.sorted() == ["index.html", "robots.txt", WooTests.abIndex])

        // robots.txt names exactly the indexes, by their https address.
        let robots = Self.text(root.appendingPathComponent("robots.txt"))
        let named = robots.split(separator: "\n").filter { $0.hasPrefix("Sitemap: ") }.map { $0.dropFirst(9) }
        #expect(named == [Substring(Self.host + WooTests.abIndex)])

        // The AB index lists both AB packs' sitemaps, each on disk; the DVO sitemap is in no index.
        let index = Self.text(root.appendingPathComponent(WooTests.abIndex))
        let sitemaps = SitemapTests.locs(index)
        #expect(
            sitemaps == [
                Self.host + "ab/2016-10-10/sitemap-diwoo.xml", Self.host + "ab/2016-12-12/sitemap-diwoo.xml",
            ])
        #expect(index.contains("<lastmod>2016-12-01</lastmod>"))
        let lint = try WooTests.xmllint(["--nonet", "--noout", root.appendingPathComponent(WooTests.abIndex).path])
        #expect(lint.status == 0, "\(lint.output)")

        // Every loc: https, the document itself (a file that exists, not an agenda), never twice.
        var seen: Set<String> = []
        for sitemap in sitemaps {
            let file = root.appendingPathComponent(String(sitemap.dropFirst(Self.host.count)))
            for loc in SitemapTests.locs(Self.text(file)) {
                #expect(loc.hasPrefix("https://") && seen.insert(loc).inserted, "\(loc)")
                let path = String(loc.dropFirst(Self.host.count)).removingPercentEncoding ?? ""
                #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path), "\(loc)")
                #expect(!path.hasSuffix("index.html"), "\(loc)")
            }
        }
        #expect(seen.count > 10)
        try homePageListsTheMeetingsNewestFirst(root)
    }

    func homePageListsTheMeetingsNewestFirst(_ root: URL) throws {
        let home = Self.text(root.appendingPathComponent("index.html"))
        let order = ["Algemeen Bestuur", "12 december 2016", "10 oktober 2016", "Districtelijk", "Enschede"]
        let positions = order.map { home.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil }, "\(home)")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted(), "not newest first per orgaan")
        #expect(home.contains("<html lang=\"nl\">") && home.contains("<main"))
        #expect(home.contains("aanvang 19:30, Hengelo, VRT"))
        for link in ["ab/2016-10-10/index.html", "ab/2016-12-12/index.html", "dvo/2016-10-10/index.html"] {
            #expect(home.contains("href=\"\(link)\""))
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(link).path))
        }
    }

    @Test func aSecondRunIsByteIdenticalAndNoNonPublicByteLeaks() throws {
        let root = try Self.webRoot()
        #expect(try CLI.run(["site", root.path, "--basis-url", Self.host]).status == 0)
        let first = try Self.rootFiles(root)
        #expect(try CLI.run(["site", root.path, "--basis-url", Self.host]).status == 0)
        #expect(try Self.rootFiles(root) == first)

        let secrets = try WooTests.secrets(of: WooTests.plan(WooTests.meeting))
        #expect(secrets.count > 10)
        #expect(WooTests.leaks(in: first, of: secrets) == [])
        // And the packs below stay clean too, with the site files beside them.
        #expect(WooTests.leaks(in: try WooTests.contents(of: root), of: secrets) == [])
    }

    @Test func aMembersPackBelowTheRootIsRefusedAndNothingIsWritten() throws {
        let root = try Self.webRoot()
        try Self.pack(WooTests.meeting, at: "leden/2016-10-10", in: root, audience: .besloten)
        let run = try CLI.run(["site", root.path, "--basis-url", Self.host])
        #expect(run.status == 1)
        #expect(run.stderr.contains("leden/2016-10-10: error: STK201:"), "\(run.stderr)")
        #expect(try Self.rootFiles(root).isEmpty)
    }

    @Test func aFileNotMadeBySiteIsNeverOverwritten() throws {
        let root = try Self.webRoot()
        let page = Data("<!DOCTYPE html><title>Eigen</title>\n".utf8)
        try page.write(to: root.appendingPathComponent("index.html"))
        let refused = try CLI.run(["site", root.path, "--basis-url", Self.host])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("index.html: error: STK211:"), "\(refused.stderr)")
        #expect(try Self.rootFiles(root) == ["index.html": page])

        // A host's own robots.txt stays; the warning gives the line to add to it.
        try FileManager.default.removeItem(at: root.appendingPathComponent("index.html"))
        let own = Data("User-agent: *\nDisallow: /intern/\n".utf8)
        try own.write(to: root.appendingPathComponent("robots.txt"))
        let kept = try CLI.run(["site", root.path, "--basis-url", Self.host])
        #expect(kept.status == 0, "\(kept.stderr)")
        #expect(
            kept.stderr.contains(
                "robots.txt: warning: STK206: robots.txt is niet door stukken site gemaakt en blijft zoals het is; zet er zelf in: 'Sitemap: \(Self.host)\(WooTests.abIndex)'"
            ), "\(kept.stderr)")
        let files = try Self.rootFiles(root)
        #expect(files["robots.txt"] == own && files["index.html"] != nil && files[WooTests.abIndex] != nil)
    }

    @Test func aPackMadeForAnotherAddressAndBadOptionsAreRefused() throws {
        let root = try Self.webRoot()
        let moved = try CLI.run(["site", root.path, "--basis-url", "https://elders.example/"])
        #expect(moved.status == 1)
        #expect(moved.stderr.contains("STK205:"), "\(moved.stderr)")
        let http = try CLI.run(["site", root.path, "--basis-url", "http://stukken.vrt.nl/"])
        #expect(http.status == 1 && http.stderr.contains("STK204:"), "\(http.stderr)")
        let none = try CLI.run(["site", root.path])
        #expect(none.status == 1 && none.stderr.contains("STK203:"), "\(none.stderr)")
        let missing = try CLI.run(["site", root.appendingPathComponent("nergens").path, "--basis-url", Self.host])
        #expect(missing.status == 1 && missing.stderr.contains("STK208:"), "\(missing.stderr)")
        let empty = try temporaryDirectory()
        let nothing = try CLI.run(["site", empty.path, "--basis-url", Self.host])
        #expect(nothing.status == 1 && nothing.stderr.contains("STK202:"), "\(nothing.stderr)")
        #expect(try Self.rootFiles(root).isEmpty && Self.rootFiles(empty).isEmpty)
    }

    @Test func aPublicPackWithoutWooIsOnTheHomePageButInNoIndex() throws {
        let root = try temporaryDirectory().appendingPathComponent("www")
        try Self.pack(WooTests.meeting, at: "ab/2016-10-10", in: root)
        let plain = root.appendingPathComponent("ab/2016-12-12")
        let plan = try WooTests.plan(try Self.meeting(on: "2016-12-12"), output: plain.path)
        _ = try PackWriter(plan: plan, templates: Package.templateSet, options: .init(output: plain.path)).write()
        let run = try CLI.run(["site", root.path, "--basis-url", Self.host])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("ab/2016-12-12: warning: STK209:"), "\(run.stderr)")
        let index = Self.text(root.appendingPathComponent(WooTests.abIndex))
        #expect(SitemapTests.locs(index) == [Self.host + "ab/2016-10-10/sitemap-diwoo.xml"])
        #expect(Self.text(root.appendingPathComponent("index.html")).contains("href=\"ab/2016-12-12/index.html\""))
    }

    /// One index names at most 50,000 sitemaps; KOOP's convention has no name for a second.
    @Test func moreSitemapsThanOneIndexMayNameAreRefused() throws {
        var build = SiteBuild(root: try temporaryDirectory(), basisURL: Self.host, templates: Package.templateSet)
        let many = (1...50_001).map { SitemapFiles.partName(WooPublication.sitemap, $0) }
        build.packs = [
            SitePack(
                folder: "ab/2016-10-10", orgaan: .ab, datum: Datum(year: 2016, month: 10, day: 10)!, sitemaps: many,
                lastmod: "2016-10-05")
        ]
        #expect(throws: DiagnosticsError.self) { try SiteStep.indexes.run(&build) }
        do { try SiteStep.indexes.run(&build) } catch {
            #expect(error.diagnostics.map(\.code) == [.siteTooManySitemaps])
        }
        build.packs[0].sitemaps = Array(many.prefix(50_000))
        try SiteStep.indexes.run(&build)
        #expect(build.indexes == [WooTests.abIndex])
    }
}
