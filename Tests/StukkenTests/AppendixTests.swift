import Foundation
import Testing

@testable import Stukken

/// Bijlagen that are text (issue 19, item 3): printed after the document as
/// "BIJLAGE N  TITEL", anchored, in the table of contents and the bijlagen list, sealed.
@Suite struct AppendixTests {
    static let notitie = """
        soort: notitie
        openbaar: ja
        titel: Notitie met bijlagen
        datum: 2016-10-10
        inhoud: |
          ## 1 Inleiding

          Zie bijlage 2.
        bijlagen:
          - Alleen een titel
          - titel: Overzicht *van* werk
            inhoud: |
              # Kop die een h3 wordt

              - a) eerste
        """

    static func stuk(_ yaml: String = notitie) throws -> Stuk {
        try load(yaml, name: "notitie.yaml").get()
    }

    @Test func anAppendixFollowsTheDocumentNumberedInListOrder() throws {
        let stuk = try Self.stuk()
        let markdown = Stukken.markdown(stuk, templates: Package.templateSet).text
        let heading = try #require(
            markdown.range(of: "## BIJLAGE 2  OVERZICHT \\*VAN\\* WERK\n\n### Kop die een h3 wordt"))
        let list = try #require(markdown.range(of: "1. [Overzicht \\*van\\* werk](#bijlage-2)"))
        #expect(list.upperBound < heading.lowerBound)
        #expect(markdown.contains("1. Alleen een titel\n"))
        #expect(!markdown.contains("BIJLAGE 1"), "a title-only bijlage prints no appendix")
    }

    @Test func anAppendixHasAnAnchorATOCLineAndNoIdOfTheBody() throws {
        let yaml = Self.notitie.replacingOccurrences(of: "## 1 Inleiding", with: "## Kop die een h3 wordt")
        let html = Stukken.html(try Self.stuk(yaml), templates: Package.templateSet).html
        #expect(
            html.contains(
                "<section class=\"bijlage\" id=\"bijlage-2\" aria-labelledby=\"bijlage-2-overzicht-van-werk\">"))
        // The title is plain text: its asterisks stay asterisks.
        #expect(html.contains("<li><a href=\"#bijlage-2\">BIJLAGE 2  OVERZICHT *VAN* WERK</a></li>"))
        #expect(html.contains("<li><a href=\"#bijlage-2\">Overzicht *van* werk</a></li>"))
        #expect(html.contains("<h3 id=\"kop-die-een-h3-wordt-2\">"), "the appendix took an id of the body")
        // The appendix comes after everything else in main.
        let section = try #require(html.range(of: "<section class=\"bijlage\""))
        let main = try #require(html.range(of: "</main>"))
        #expect(html[section.upperBound..<main.lowerBound].contains("BIJLAGE 2"))
    }

    @Test func anAppendixIsSealedLikeEveryMarkdownField() throws {
        let yaml = Self.notitie + "\n      <script>alert(1)</script>\n\n      [x]: javascript:alert(1)\n"
        let html = Stukken.html(try Self.stuk(yaml), templates: Package.templateSet).html
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.contains("href=\"javascript"))
    }

    @Test func aBijlageIsAFileOrATextNotBoth() throws {
        let yaml = Self.notitie + "\n    bestand: bijlage.pdf\n"
        let found = diagnostics(yaml)
        let d = try #require(found.first { $0.code == .appendixFileAndText })
        #expect(d.line == 12 && d.column == 13, "\(d.line ?? 0):\(d.column ?? 0)")
        #expect(d.field == "bijlagen[2].inhoud")
        #expect(d.message == AppendixMessage.fileAndText("bijlage.pdf").text)
    }

    @Test func theExampleNotitieCarriesItsTextAppendicesFromSeed004() throws {
        let stuk = try Stukken.load(
            path: Package.examples.appendingPathComponent("notitie-doorontwikkeling-ivz.yaml").path
        )
        .get()
        let markdown = Stukken.markdown(stuk, templates: Package.templateSet).text
        #expect(stuk.document.bijlagen.count == 7)
        for kop in [
            "## BIJLAGE 1  OVERZICHT VAN WERKZAAMHEDEN PLATFORM IVZ", "## BIJLAGE 7  FUNCTIEOMSCHRIJVINGEN",
            "- u) Happy Fris (alcoholpreventie)", "### Regiocoördinator Veiligheid (planning & control):",
        ] {
            #expect(markdown.contains(kop), "\(kop)")
        }
        let seed = try String(
            contentsOfFile: Package.root.appendingPathComponent("../shared/seeds/004_20262bec382d56bd.txt").path,
            encoding: .utf8)
        // Every line of bijlage 7 is the seed's, word for word.
        let bijlage7 = try #require(seed.components(separatedBy: "## BIJLAGE 7 FUNCTIEOMSCHRIJVINGEN").last)
        for line in bijlage7.split(separator: "\n") where line.hasPrefix("- ") {
            #expect(markdown.contains(line), "\(line)")
        }
    }
}
