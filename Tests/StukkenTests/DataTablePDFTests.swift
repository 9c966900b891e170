import Foundation
import Testing

@testable import Stukken

/// The incidentie table on paper: one rendering, several assertions (PDFs are slow).
@Suite(
    .enabled(
        if: PDFTools.weasyprintAvailable,
        "weasyprint is not installed (sudo apt-get install weasyprint, or bash Scripts/setup.sh): PDF tests skipped"))
struct DataTablePDFTests {
    /// The notitie example with only its table as text, so the PDF is two pages, not eighteen.
    @Test func incidentieTableIsLandscapeWholeAndReadable() throws {
        let example = try String(contentsOfFile: DataTableTests.notitie, encoding: .utf8)
        let start = try #require(example.range(of: "inhoud: |")).lowerBound
        let end = try #require(example.range(of: "tabellen:")).lowerBound
        let yaml = example.replacingCharacters(
            in: start..<end, with: "inhoud: |\n  ## 4 Resultaten\n\n  [tabel: incidentie]\n\n")
        // Read as if it were the example itself, so `bij:` finds the voorstel beside it.
        let stuk = try load(yaml, name: DataTableTests.notitie).get()
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = try renderPDF(stuk, in: folder)
        let pages = try PDFTools.pages(pdf)
        let number = try #require(pages.firstIndex { $0.contains("IJsselland") }) + 1
        let info = try PDFTools.run("pdfinfo", ["-f", "\(number)", "-l", "\(number)", pdf.path])
        #expect(info.contains("841.89 x 595.276"), "the table's page is landscape: \(info)")
        let text = pages[number - 1]
        for word in ["Regionale", "0,05", "(5)", "speerpunt", "kans", "INTEGRITEIT"] {
            #expect(text.contains(word), "\(word) on the table's page")
        }
        // Word boxes: a figure of the table stands at least 7 pt tall (the Markdown table was 5.5 pt).
        let boxes = try PDFTools.run("pdftotext", ["-bbox", "-f", "\(number)", "-l", "\(number)", pdf.path, "-"])
        let line = try #require(boxes.split(separator: "\n").first { $0.hasSuffix(">2,31</word>") })
        func attribute(_ name: String) -> Double? {
            guard let r = line.range(of: "\(name)=\"") else { return nil }
            return Double(line[r.upperBound...].prefix { $0 != "\"" })
        }
        let height = try #require(attribute("yMax")) - (try #require(attribute("yMin")))
        #expect(height >= 7, "2,31 is \(height) pt tall")
    }
}
