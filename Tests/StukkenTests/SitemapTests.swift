import Foundation
import Testing

@testable import Stukken

/// The sitemap rules of KOOP's handleiding "Sitemapindex en Sitemaps": at most 50,000 URLs
/// and 50 MB a file, each `loc` an https address of the document itself, no URL in two
/// sitemaps, and the index named by the category's number.
@Suite struct SitemapTests {
    /// `<loc>` values of a sitemap or index, in order.
    static func locs(_ xml: String) -> [String] {
        xml.components(separatedBy: "<loc>").dropFirst().map {
            $0.components(separatedBy: "</loc>")[0].replacingOccurrences(of: "&amp;", with: "&")
        }
    }

    static func entries(_ n: Int, metadata: String) -> [(loc: String, lastmod: String, metadata: String)] {
        (1...n).map { ("https://stukken.vrt.nl/ab/2016-10-10/d\($0).html", "2016-10-05", metadata) }
    }

    @Test func sixtyThousandURLsSplitAtFiftyThousand() throws {
        let urls = Self.entries(60_000, metadata: "<diwoo:Document>\n</diwoo:Document>")
        let files = SitemapFiles.sitemaps(urls)
        #expect(files.map(\.count) == [50_000, 10_000])
        let locs = files.flatMap { Self.locs($0.text) }
        #expect(locs == urls.map(\.loc), "every URL once, in order, none lost")
        for file in files {
            #expect(file.text.hasPrefix(SitemapFiles.header + "<urlset "))
            #expect(file.text.hasSuffix("</urlset>\n"))
            #expect(file.text.utf8.count <= SitemapLimits.koop.bytes)
        }
        // The XML stays well-formed on both sides of the cut.
        let dir = try temporaryDirectory()
        let paths = try files.enumerated().map { i, f in
            let url = dir.appendingPathComponent("s\(i).xml")
            try Data(f.text.utf8).write(to: url)
            return url.path
        }
        let lint = try WooTests.xmllint(["--nonet", "--noout"] + paths)
        #expect(lint.status == 0, "\(lint.output)")
    }

    /// 30,000 URLs of 2 kB each are 60 MB: the real 50 MB limit cuts before the URL limit.
    @Test func sixtyMegabytesSplitAtFiftyMegabytes() {
        let metadata = "<diwoo:Document>\n" + String(repeating: "x", count: 2_000) + "\n</diwoo:Document>"
        let urls = Self.entries(30_000, metadata: metadata)
        let files = SitemapFiles.sitemaps(urls)
        #expect(files.count == 2)
        #expect(files.reduce(0) { $0 + $1.count } == 30_000)
        for file in files { #expect(file.text.utf8.count <= 50 * 1024 * 1024) }
        // Full: the next entry would not have fitted in the first file.
        #expect(files[0].text.utf8.count + DiWoo.urlEntry(urls[files[0].count]).utf8.count > 50 * 1024 * 1024)
    }

    @Test func smallLimitsCutAtEitherLimitAndKeepEveryEntryWhole() {
        let urls = Self.entries(25, metadata: "<diwoo:Document>\n</diwoo:Document>")
        let byCount = SitemapFiles.sitemaps(urls, limits: SitemapLimits(entries: 10, bytes: 1_000_000))
        #expect(byCount.map(\.count) == [10, 10, 5])
        let oneEntry = SitemapFiles.sitemaps(Array(urls.prefix(1))).first?.text.utf8.count ?? 0
        let bySize = SitemapFiles.sitemaps(urls, limits: SitemapLimits(entries: 50_000, bytes: oneEntry * 3))
        #expect(bySize.allSatisfy { $0.text.utf8.count <= oneEntry * 3 })
        #expect(bySize.flatMap { Self.locs($0.text) } == urls.map(\.loc))
        #expect(SitemapFiles.partName("sitemap-diwoo.xml", 1) == "sitemap-diwoo.xml")
        #expect(SitemapFiles.partName("sitemap-diwoo.xml", 3) == "sitemap-diwoo-3.xml")
    }

    @Test func theIndexNameFollowsTheLawsOrderOfCategories() {
        #expect(WooPublication.sitemapIndexName(.ab) == "sitemapindex-diwoo-infocat008.xml")
        #expect(WooPublication.sitemapIndexName(.dvo) == nil)
    }

    /// A pack whose sitemap is split: the index names every part, every `loc` is an https
    /// address of a published document (never the agenda or a metadata file), once.
    @Test func aSplitPackSitemapIsListedWholeInItsIndex() throws {
        let plan = try WooTests.plan(WooTests.meeting)
        var woo = try WooPublication(
            vergadering: plan.vergadering, config: WooTests.config(),
            entries: PublicPack.entries(plan, metContactgegevens: false))
        woo.sitemapLimits = SitemapLimits(entries: 3, bytes: 50 * 1024 * 1024)
        let made = woo.files(published: [], previous: nil, publicatiedatum: Datum(year: 2016, month: 10, day: 5)!)
        let files = Dictionary(
            uniqueKeysWithValues: made.files.map { ($0.file.path, String(decoding: $0.data, as: UTF8.self)) })
        let count = files.keys.filter { $0.hasPrefix("sitemap-diwoo") }.count
        let parts = (1...count).map { SitemapFiles.partName(WooPublication.sitemap, $0) }
        #expect(count == (woo.documents.count + 2) / 3 && count > 1, "\(files.keys.sorted())")
        #expect(!files.keys.contains("robots.txt"))

        let index = try #require(files[WooTests.abIndex])
        let base = try WooTests.config().basisURL
        #expect(Set(Self.locs(index)) == Set(parts.map { base + $0 }))

        let locs = parts.flatMap { Self.locs(files[$0] ?? "") }
        #expect(Set(locs).count == locs.count, "a URL in two sitemaps")
        #expect(locs == woo.documents.map { woo.url($0.path) })
        for loc in locs {
            #expect(loc.hasPrefix("https://") && loc.hasPrefix(base), "\(loc)")
            let path = String(loc.dropFirst(base.count))
            #expect(path != "index.html" && !path.hasPrefix("diwoo/") && !path.hasSuffix("/"), "\(loc)")
        }
    }
}
