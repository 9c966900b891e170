import Foundation
import Testing

@testable import Stukken

/// What the accessibility check (Scripts/a11y-check.sh: W3C Nu checker and axe-core in
/// Chromium, run by CI after these tests) relies on, checked fast and without a browser:
/// cmark-gfm's own markup made accessible, headings without gaps, one h1 and one main.
@Suite struct AccessibilityTests {
    @Test func taskListItemsGetANamedGlyphInsteadOfAnUnlabelledCheckbox() {
        let html = CommonMark.html("- [x] gedaan\n- [ ] nog niet\n").html
        #expect(!html.contains("<input"), "\(html)")
        #expect(
            html.contains("<li><span class=\"taak\" role=\"img\" aria-label=\"afgevinkt\">☒</span> gedaan</li>"),
            "\(html)")
        #expect(
            html.contains("<li><span class=\"taak\" role=\"img\" aria-label=\"niet afgevinkt\">☐</span> nog niet</li>"),
            "\(html)")
    }

    @Test func footnotesSpeakDutchAndReferencesSayWhatTheyAre() {
        let html = CommonMark.html("Een[^a] en twee[^b], nog eens[^a].\n\n[^a]: Eerste.\n[^b]: Tweede.\n").html
        #expect(!html.contains("Back to content"), "\(html)")
        #expect(html.contains("<section class=\"footnotes\" data-footnotes aria-label=\"Voetnoten\">"), "\(html)")
        #expect(html.contains("data-footnote-ref aria-label=\"Voetnoot 1\">1</a>"), "\(html)")
        #expect(html.contains("data-footnote-ref aria-label=\"Voetnoot 2\">2</a>"), "\(html)")
        #expect(!html.contains("data-footnote-ref>"), "every reference is labelled: \(html)")
    }

    @Test func tableHeadersHaveAScopeAndAlignmentIsAStyle() {
        let html = CommonMark.html("| a | b |\n|:--|--:|\n| 1 | 2 |\n").html
        #expect(!html.contains("align="), "\(html)")
        #expect(html.contains("<th scope=\"col\" style=\"text-align: right\">b</th>"), "\(html)")
        #expect(html.contains("<th scope=\"col\" style=\"text-align: left\">a</th>"), "\(html)")
        let plain = CommonMark.html("| a | b |\n|---|---|\n| 1 | 2 |\n").html
        #expect(plain.contains("<th scope=\"col\">a</th>"), "\(plain)")
        #expect(!plain.contains("<td scope"), "\(plain)")
    }

    @Test(arguments: [
        ("# A\n\n### B\n\n## C\n\n#### D", 2, [2, 3, 3, 4]),
        ("### A\n\n###### B", 2, [2, 3]),
        ("## A\n\n# B\n\n### C", 3, [3, 3, 4]),
    ])
    func fieldHeadingsStartAtTheirLevelAndNeverSkipOne(_ markdown: String, _ level: Int, _ expected: [Int]) {
        let text = CommonMark.normalise(field: markdown, headingLevel: level).markdown
        let levels = text.split(separator: "\n").filter { $0.hasPrefix("#") }.map { $0.prefix { $0 == "#" }.count }
        #expect(levels == expected, "\(text)")
    }

    /// WCAG 2.4.4: a bijlage's link says what it opens, type and size, on the item page
    /// as on the agenda page; the size is the published file's, computed here from the file.
    @Test func bijlageLinksOnAnItemPageNameTypeAndSize() throws {
        let out = try temporaryDirectory().appendingPathComponent("pakket")
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        let result = try CLI.run(["pack", "examples/vergadering/vergadering.yaml", "-o", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let page = try String(contentsOf: out.appendingPathComponent("e3.html"), encoding: .utf8)
        let bijlage = Package.examples.appendingPathComponent("vergadering/bijlagen/routekaart-tss.pdf")
        let bytes = try #require(try FileManager.default.attributesOfItem(atPath: bijlage.path)[.size] as? Int)
        let kB = max(1, (bytes + 512) / 1024)
        #expect(
            page.contains(">Routekaart Twente Safety &amp; Security (PDF, \(kB) kB)</a>"),
            "\(page.components(separatedBy: "\n").filter { $0.contains("bijlagen/") })")
    }

    @Test(arguments: Package.exampleFiles)
    func everyPageHasOneH1AndOneMainAndSaysItIsDutch(_ name: String) throws {
        let html = Stukken.html(try loadExample(name), templates: Package.templateSet).html
        #expect(EscapingTests.count("<h1", in: html) == 1, "\(name)")
        #expect(EscapingTests.count("<main", in: html) == 1, "\(name)")
        #expect(html.contains("<html lang=\"nl\">"), "\(name)")
    }
}
