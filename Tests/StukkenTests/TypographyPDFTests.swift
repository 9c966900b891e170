import Foundation
import Testing

@testable import Stukken

/// Issue 21 on paper: the notitie (seed 004) rendered once, every claim read back per page
/// with `pdftotext -f N -l N`: each footnote on the page of its call, no "↩" anywhere, each
/// "pagina N" and each table-of-contents number the page its heading is on, and page 1
/// without the running header above the title.
@Suite(
    .enabled(
        if: PDFTools.weasyprintAvailable,
        "weasyprint is not installed (sudo apt-get install weasyprint, or bash Scripts/setup.sh): PDF tests skipped"))
struct TypographyPDFTests {
    static let example = "notitie-doorontwikkeling-ivz.yaml"

    @Test func notitieReadsLikeSeed004() throws {
        let stuk = try loadExample(Self.example)
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pages = try PDFTools.pages(try renderPDF(stuk, in: folder))
        #expect(pages.count > 10)
        #expect(pages.allSatisfy { !$0.contains("↩") }, "no back-arrow on paper")
        let source = try String(contentsOf: Package.examples.appendingPathComponent(Self.example), encoding: .utf8)
        try footnotesStandOnTheirCallsPage(source, pages)
        let headings = headingPages(stuk, pages)
        referencesAreTrue(source, pages, headings)
        // The chapters and the text appendices, each a level-2 heading of the whole document.
        let chapters = CommonMark.html(Stukken.markdown(stuk, templates: Package.templateSet).text).headings
            .filter { $0.level == 2 }.count
        tableOfContentsIsTrue(pages, headings, entries: chapters)
        #expect(!PDFTools.lines(pages[0])[0].hasPrefix("VOORSTEL"), "page 1 begins with the title, not the header")
        #expect(PDFTools.lines(pages[1])[0].hasPrefix("VOORSTEL"), "page 2 has the running header")
    }

    /// `woord[^n]` in the source: "woordn" (the call) and the note's first words on one page.
    private func footnotesStandOnTheirCallsPage(_ source: String, _ pages: [String]) throws {
        let lines = source.split(separator: "\n").map(String.init)
        var checked = 0
        for n in 1...9 {
            guard let definition = lines.first(where: { $0.hasPrefix("  [^\(n)]: ") }),
                let callLine = lines.first(where: { $0.contains("[^\(n)]") && !$0.hasPrefix("  [^\(n)]:") }),
                let range = callLine.range(of: "[^\(n)]")
            else { continue }
            let word = String(callLine[..<range.lowerBound].split(separator: " ").last ?? "")
            let note = definition.dropFirst("  [^\(n)]: ".count).split(separator: " ").prefix(4).joined(separator: " ")
            let callPage = pages.firstIndex { $0.contains("\(word)\(n)") }
            let notePage = pages.firstIndex { PDFTools.words($0).joined(separator: " ").contains(note) }
            #expect(
                callPage != nil && callPage == notePage,
                "note \(n): call on \(String(describing: callPage)), text on \(String(describing: notePage))")
            checked += 1
        }
        #expect(checked == 5, "the notitie has five notes")
    }

    /// Page number (1-based) of every heading id, from the page whose line starts with it
    /// (table-of-contents lines, with their dot leaders, do not count).
    private func headingPages(_ stuk: Stuk, _ pages: [String]) -> [String: Int] {
        let headings = CommonMark.html(Stukken.markdown(stuk, templates: Package.templateSet).text).headings
        var result: [String: Int] = [:]
        for heading in headings where heading.level <= 3 {
            // Case and runs of spaces aside: an appendix's "BIJLAGE 1  Titel" prints in capitals.
            let start = Self.folded(String(heading.text.prefix(30)))
            for (i, page) in pages.enumerated() {
                // Not a table-of-contents line: one with a leader, or the first line of a
                // wrapped entry (the next line has the leader).
                let lines = PDFTools.lines(page)
                let hit = lines.indices.contains { n in
                    Self.folded(lines[n]).hasPrefix(start) && !lines[n].contains(". . .")
                        && !(n + 1 < lines.count && lines[n + 1].contains(". . ."))
                }
                if hit, result[heading.id] == nil { result[heading.id] = i + 1 }
            }
        }
        return result
    }

    private func referencesAreTrue(_ source: String, _ pages: [String], _ headings: [String: Int]) {
        let anchors = source.components(separatedBy: "[](#").dropFirst().map { $0.prefix { $0 != ")" } }
        #expect(anchors.count == 2)
        let text = pages.map { PDFTools.words($0).joined(separator: " ") }.joined(separator: " ")
        for anchor in anchors {
            let page = headings[String(anchor)]
            #expect(page != nil, "heading #\(anchor) found")
            if let page { #expect(text.contains("(pagina \(page))"), "#\(anchor) is on page \(page)") }
        }
        #expect(
            !text.contains("op pagina 5 van deze notitie") && !text.contains("op pagina 6,"), "no typed page number")
    }

    static func folded(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// "4 De resultaten … . . . 6" on page 1: 6 is where chapter 4 begins. A long title
    /// wraps: its first line has no leader and belongs to the entry below it.
    private func tableOfContentsIsTrue(_ pages: [String], _ headings: [String: Int], entries expected: Int) {
        let lines = PDFTools.lines(pages[0])
        let entries = lines.indices.filter { lines[$0].contains(". . .") }
        #expect(entries.count == expected, "\(entries.map { lines[$0] })")
        for i in entries {
            let entry = lines[i]
            guard let number = entry.split(separator: " ").last.flatMap({ Int($0) }) else {
                Issue.record("no page number in \(entry)")
                continue
            }
            let title = entry.prefix { $0 != "." }.trimmingCharacters(in: .whitespaces)
            var page = headings[Slug.make(title)]
            if page == nil, i > 0, !lines[i - 1].contains(". . .") {
                page = headings[Slug.make(lines[i - 1] + " " + title)]
            }
            #expect(page == number, "\(entry): heading on page \(String(describing: page))")
        }
    }
}
