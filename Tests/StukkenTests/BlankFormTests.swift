import Foundation
import Testing

@testable import Stukken

/// The printable blank forms (`stukken new KIND --format markdown|html|pdf`, `BlankForm`)
/// and the forms' two-column layout with `--met-hulpvragen`.
@Suite struct BlankFormTests {
    static let forms = ["projectopdracht", "projectplan", "evaluatie"]

    @Test(arguments: forms)
    func blankFormGoldens(_ soort: String) throws {
        let kind = try #require(DocumentKinds.kind(named: soort))
        assertGolden(BlankForm.markdown(kind, templates: Package.templateSet).text, named: "leeg-\(soort).md")
        assertGolden(BlankForm.html(kind, templates: Package.templateSet).html, named: "leeg-\(soort).html")
    }

    /// Bijlage 4 of seed 004, titled as the seed titles it.
    @Test func bijlageNumberTitlesTheForm() throws {
        let html = BlankForm.html(Projectopdracht.self, bijlage: 4, templates: Package.templateSet).html
        assertGolden(html, named: "bijlage-4-projectopdracht.html")
        #expect(html.contains("<span class=\"bijlagenummer\">BIJLAGE 4</span> <span>FORMAT PROJECTOPDRACHT</span>"))
        let md = BlankForm.markdown(Projectopdracht.self, bijlage: 4, templates: Package.templateSet).text
        #expect(md.hasPrefix("# BIJLAGE 4 FORMAT PROJECTOPDRACHT\n"))
        let fragment = BlankForm.fragment(Projectopdracht.self, bijlage: 4, level: 2, templates: Package.templateSet)
        #expect(fragment.contains("<h2 id=\"bijlage-4-format-projectopdracht\""))
        #expect(!fragment.contains("<html"))
    }

    /// Every label and every line of help comes from the kind's fields: one source of truth
    /// with `schema` and `serve`. Any kind has a blank form.
    @Test(arguments: DocumentKinds.names)
    func everyRowCarriesItsLabelAndHelp(_ soort: String) throws {
        let kind = try #require(DocumentKinds.kind(named: soort))
        let html = BlankForm.html(kind, templates: Package.templateSet).html
        let md = BlankForm.markdown(kind, templates: Package.templateSet).text
        let rows = (kind as? any FormKind.Type)?.formRows ?? kind.fields.filter { $0.key != "soort" }
        for field in rows {
            #expect(html.contains("<th scope=\"row\">\(HTMLEscaping.escape(field.label))</th>"), "\(field.key)")
            #expect(md.contains("**\(MarkdownEscaping.escape(field.label))**"), "\(field.key)")
            guard DocumentKinds.isForm(kind), field.key != "selectiecriteria" else { continue }
            for line in field.help { #expect(html.contains(HTMLEscaping.escape(line)), "help of \(field.key)") }
        }
    }

    /// The seed's five selectiecriteria, unticked, and no verdict on a blank form.
    @Test func selectiecriteriaAreUnticked() {
        let html = BlankForm.html(Projectopdracht.self, templates: Package.templateSet).html
        for label in Projectopdracht.criteriumLabels {
            #expect(html.contains("aria-label=\"niet afgevinkt\">☐</span> \(HTMLEscaping.escape(label))</li>"))
        }
        #expect(!html.contains("☒"))
        #expect(!html.contains("Voldoet"))
        #expect(Projectopdracht.criteriumLabels.count == 5)
    }

    /// The heading fields the seed format lacks stay off the blank form.
    @Test func headingFieldsAreNotRows() {
        let html = BlankForm.html(Projectplan.self, templates: Package.templateSet).html
        for label in ["Portefeuillehouder", "Projectleider", "Datum"] {
            #expect(!html.contains("<th scope=\"row\">\(label)</th>"))
        }
        #expect(html.contains("<th scope=\"row\">OPDRACHTNAAM</th>"))
    }

    @Test func filledFormWithHulpvragenGoldens() throws {
        let stuk = try loadExample("projectplan-woninginbraken.yaml")
        let html = Stukken.html(stuk, templates: Package.templateSet, metHulpvragen: true).html
        let md = Stukken.markdown(stuk, templates: Package.templateSet, metHulpvragen: true).text
        assertGolden(html, named: "projectplan-woninginbraken-met-hulpvragen.html")
        assertGolden(md, named: "projectplan-woninginbraken-met-hulpvragen.md")
        #expect(html.contains("<p class=\"hulpvragen-kop\">Hulpvragen:</p>"))
        #expect(md.contains("> Hulpvragen:"))
        let plain = Stukken.html(stuk, templates: Package.templateSet).html
        #expect(!plain.contains("Hulpvragen:"))
    }

    /// Filled forms are the seed's two-column table: each rubriek a row headed by its label.
    @Test(arguments: [
        "projectopdracht-woninginbraken.yaml", "projectplan-woninginbraken.yaml",
        "evaluatie-dashboard-woninginbraken.yaml",
    ])
    func filledFormIsATableWithRowHeaders(_ example: String) throws {
        let stuk = try loadExample(example)
        let html = Stukken.html(stuk, templates: Package.templateSet).html
        #expect(html.contains("<table class=\"formtabel\">"))
        for field in try #require(stuk.kind as? any FormKind.Type).formRows {
            #expect(html.contains("<th scope=\"row\">\(HTMLEscaping.escape(field.label))</th>"), "\(field.key)")
        }
    }

    @Test func newWritesTheBlankFormAndNeverOverwrites() throws {
        let md = try CLI.run(["new", "evaluatie", "--format", "markdown"])
        #expect(md.status == 0)
        #expect(md.stdout == BlankForm.markdown(Evaluatie.self, templates: Package.templateSet).text)
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("leeg.html").path
        try Data("eigen tekst".utf8).write(to: URL(fileURLWithPath: path))
        let second = try CLI.run(["new", "projectopdracht", "--format", "html", "-o", path])
        #expect(second.status == 1)
        #expect(second.stderr.contains("STK100"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "eigen tekst")
        let pdfToStdout = try CLI.run(["new", "projectopdracht", "--format", "pdf"])
        #expect(pdfToStdout.status != 0)
        #expect(pdfToStdout.stdout.isEmpty)
    }

    @Test(arguments: [["--bijlage", "0", "--format", "html"], ["--bijlage", "4"]])
    func bijlageNeedsABlankFormAndANumber(_ options: [String]) throws {
        let result = try CLI.run(["new", "projectopdracht"] + options)
        #expect(result.status != 0)
        #expect(result.stderr.contains("STK220"))
        #expect(result.stdout.isEmpty)
    }

    @Test func renderPrintsHulpvragenOnlyWhenAsked() throws {
        let file = "examples/projectopdracht-woninginbraken.yaml"
        let with = try CLI.run(["render", file, "--met-hulpvragen"])
        let without = try CLI.run(["render", file])
        #expect(with.status == 0 && without.status == 0)
        #expect(with.stdout.contains("Hulpvragen:"))
        #expect(!without.stdout.contains("Hulpvragen:"))
    }

    /// One PDF: bijlage 4 as the seed prints it, every row label and the five boxes.
    @Test(.enabled(if: PDFTools.weasyprintAvailable))
    func blankPDFIsBijlage4() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let pdf = dir.appendingPathComponent("bijlage-4.pdf")
        let result = try CLI.run(["new", "projectopdracht", "--format", "pdf", "--bijlage", "4", "-o", pdf.path])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try PDFTools.pages(pdf).joined(separator: "\n")
        #expect(text.contains("BIJLAGE 4"))
        #expect(text.contains("FORMAT PROJECTOPDRACHT"))
        // A long label wraps in its column: its first word is on the page.
        for field in Projectopdracht.formRows {
            #expect(text.contains(field.label.split(separator: " ")[0]), "\(field.key)")
        }
        #expect(text.components(separatedBy: "☐").count - 1 == 5)
        #expect(!text.contains("☒"))
    }
}
