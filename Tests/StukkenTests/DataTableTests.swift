import Foundation
import Testing

@testable import Stukken

/// Data tables (`tabellen:`, issue 22): ranks computed from the numbers, the seed's own
/// figures, the HTML's structure, escaping, and the located diagnostics.
@Suite struct DataTableTests {
    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    static let notitie = Package.examples.appendingPathComponent("notitie-doorontwikkeling-ivz.yaml").path

    static func incidentie() throws -> DataTable {
        guard case .success(let stuk) = Stukken.load(path: notitie) else {
            throw Failure("the notitie example does not load")
        }
        return try #require(DataTable.all(in: stuk.record)["incidentie"])
    }

    /// The seed's rows as printed: `<b>IJsselland</b>\t2,44 (2)\t…`, the aggregate row without ranks.
    static func seedRows() throws -> [(naam: String, cells: [(waarde: String, rank: Int?)])] {
        let folder = Package.root.deletingLastPathComponent().appendingPathComponent("shared/seeds")
        let name = try #require(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasPrefix("004") })
        let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        let wanted = ["IJsselland", "Noordoost Gelderland", "Gelderland Midden", "Gelderland Zuid", "Twente"]
        return text.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let naam = parts[0].replacingOccurrences(of: "<b>", with: "").replacingOccurrences(of: "</b>", with: "")
            guard wanted.contains(naam) || naam == "Regionale eenheid Oost" else { return nil }
            let cells = parts.dropFirst().filter { !$0.isEmpty }.map { cell -> (String, Int?) in
                let words = cell.split(separator: " ")
                return (String(words[0]), words.count > 1 ? Int(words[1].dropFirst().dropLast()) : nil)
            }
            return (naam, cells)
        }
    }

    /// Every ranked cell of the example against the seed's "(n)". The seed was coloured by
    /// hand, and in one column its ranks contradict its own numbers: Vernieling gives
    /// IJsselland 4,96 place 1 and Noordoost Gelderland 4,90 place 2, where lower = 1
    /// (the rule every other column follows) says the reverse. That pair, and only it, differs.
    @Test func computedRanksEqualTheSeedsRanks() throws {
        let table = try Self.incidentie()
        let seed = try Self.seedRows()
        let rows = table.rijgroepen.flatMap(\.rijen)
        let ranks = table.ranks.flatMap { $0 }
        #expect(rows.map(\.naam) == seed.map(\.naam))
        var compared = 0
        var differing: [String] = []
        for (r, (rij, seedRow)) in zip(rows, seed).enumerated() {
            #expect(rij.waarden == seedRow.cells.map(\.waarde), "the example holds the seed's numbers: \(rij.naam)")
            for (c, cell) in seedRow.cells.enumerated() {
                #expect((ranks[r][c] == nil) == (cell.rank == nil), "\(rij.naam), column \(c + 1)")
                guard let want = cell.rank, let got = ranks[r][c] else { continue }
                compared += 1
                if want != got {
                    differing.append("\(table.kolommen[c].naam)/\(rij.naam): seed \(want), computed \(got)")
                }
            }
        }
        #expect(compared == 105)
        #expect(
            differing == [
                "Vernieling/IJsselland: seed 1, computed 2", "Vernieling/Noordoost Gelderland: seed 2, computed 1",
            ])
    }

    /// Random columns with many ties (values from a small set, fixed seed): every mark agrees
    /// with a dense ranking of its column, aggregate rows unranked, places above 5 uncoloured.
    @Test func marksAgreeWithDenseRankingOfRandomColumns() throws {
        var random = SeededGenerator(seed: 22)
        for round in 0..<40 {
            let columns = Int.random(in: 1...4, using: &random)
            let rows = Int.random(in: 1...8, using: &random)
            let lowestFirst = Bool.random(using: &random)
            let values = (0..<rows).map { _ in
                (0..<columns).map { _ in
                    ["0,5", "0.5", "1", "1,25", "2", "2.00", "3,1", "-1", "7", "10"].randomElement(using: &random)!
                }
            }
            let yaml = Self.yaml(values: values, total: ["99"], order: lowestFirst ? "laag-eerst" : "hoog-eerst")
            guard case .success(let stuk) = load(yaml) else {
                Issue.record("round \(round) does not load: \(diagnostics(yaml))")
                continue
            }
            let table = try #require(DataTable.all(in: stuk.record)["t"])
            let html = Stukken.html(stuk, templates: Package.templateSet).html
            for c in 0..<columns {
                let numbers = values.map { Getal($0[c])!.value }
                let distinct = Array(Set(numbers)).sorted(by: lowestFirst ? (<) : (>))
                for r in 0..<rows {
                    let want = distinct.firstIndex(of: numbers[r])! + 1
                    #expect(table.ranks[0][r][c] == want, "round \(round), row \(r), column \(c)")
                    let colour = want <= 5 ? " plaats-\(want)" : ""
                    let cell =
                        "<td class=\"getal\(colour)\">\(Getal(values[r][c])!.dutch) <span class=\"plaats\">(\(want))</span></td>"
                    #expect(html.contains(cell), "round \(round): \(cell)")
                }
                #expect(table.ranks[1][0][c] == nil, "the aggregate row is not ranked")
            }
        }
    }

    /// A notitie with one table `t` of `values` (one column each, `k1`…) and an aggregate row.
    static func yaml(values: [[String]], total: [String], order: String) -> String {
        let columns = values.first?.count ?? 0
        var y = """
            soort: notitie
            openbaar: ja
            titel: Tabel
            datum: 2016-10-10
            inhoud: |
              Tekst.

              [tabel: t]
            tabellen:
              - id: t
                bijschrift: Proef
                kop: Rij
                rangorde: \(order)
                kolomgroepen:
                  - naam: Groep
                    kolommen:

            """
        for c in 0..<columns { y += "          - naam: k\(c + 1)\n" }
        y += "    rijgroepen:\n      - rijen:\n"
        for (r, row) in values.enumerated() {
            y +=
                "          - naam: r\(r + 1)\n            waarden: [" + row.map { "\"\($0)\"" }.joined(separator: ", ")
                + "]\n"
        }
        y += "      - totaal: ja\n        rijen:\n          - naam: Totaal\n"
        y +=
            "            waarden: [" + Array(repeating: "\"\(total[0])\"", count: columns).joined(separator: ", ")
            + "]\n"
        return y
    }

    @Test func numbersAreReadBothWaysAndPrintedDutch() {
        #expect(Getal("2,44")?.dutch == "2,44")
        #expect(Getal("2.44")?.dutch == "2,44")
        #expect(Getal("2.44")?.value == Getal("2,44")?.value)
        #expect(Getal("-3")?.dutch == "\u{2212}3")
        #expect(Getal("2,80")?.dutch == "2,80")
        for bad in ["1.743,5", "2,4,4", "", ",5", "5,", "twee", "2 44", "1e3", "0x10", "٣"] {
            #expect(Getal(bad) == nil, "\(bad)")
        }
    }

    /// The page's table: caption naming the scrolling region, column groups spanning their
    /// columns, row headers, the aggregate row apart, places as text, a legend.
    @Test func theIncidentieTableOnThePage() throws {
        guard case .success(let stuk) = Stukken.load(path: Self.notitie) else { throw Failure("no example") }
        let html = Stukken.html(stuk, templates: Package.templateSet).html
        #expect(
            html.contains(
                "<div class=\"datatabel-gebied breed\" role=\"region\" tabindex=\"0\" aria-labelledby=\"tabel-incidentie-bijschrift\">"
            ))
        #expect(html.contains("<caption id=\"tabel-incidentie-bijschrift\">Incidentiecijfers"))
        #expect(html.contains("<th scope=\"colgroup\" colspan=\"9\">Veilige woon- en leefomgeving</th>"))
        #expect(html.contains("<colgroup span=\"9\"></colgroup>"))
        #expect(
            html.contains(
                "<tbody class=\"totaal\">\n<tr><th scope=\"row\">Regionale eenheid Oost</th><td class=\"getal\">2,83</td>"
            ))
        #expect(html.contains("<td class=\"getal plaats-1\">2,31 <span class=\"plaats\">(1)</span></td>"))
        #expect(html.contains("Woninginbraken <span class=\"categorie\">speerpunt</span>"))
        #expect(html.contains("<ul class=\"legenda\""))
        #expect(!html.contains("[tabel: incidentie]"), "the reference is replaced")
        #expect(!html.contains("Disticten"))
        let markdown = Stukken.markdown(stuk, templates: Package.templateSet).text
        #expect(markdown.contains("| IJsselland | 2,44 (2) | 2,05 (3) |"))
        #expect(!markdown.contains("tabel: incidentie"))
    }

    /// Every colour behind text passes WCAG contrast (4.5:1) with the page's text colour.
    @Test func thePalettePassesContrast() throws {
        let css = try String(contentsOfFile: Package.templates + "/stijl.css", encoding: .utf8)
        var found = 0
        for line in css.split(separator: "\n") where line.hasPrefix(".plaats-") || line.contains("th.categorie-") {
            guard let hash = line.range(of: "background: #") else { continue }
            let hex = String(line[hash.upperBound...].prefix(6))
            found += 1
            #expect(Self.contrast(hex, "1a1a1a") >= 4.5, "\(hex)")
        }
        #expect(found == 9)
    }

    static func contrast(_ a: String, _ b: String) -> Double {
        func luminance(_ hex: String) -> Double {
            let v = Int(hex, radix: 16)!
            let channels = [(v >> 16) & 255, (v >> 8) & 255, v & 255].map { c -> Double in
                let s = Double(c) / 255
                return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
            }
            return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
        }
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    /// Hostile names and captions stay text in HTML and Markdown.
    @Test func valuesAreEscaped() throws {
        var yaml = Self.yaml(values: [["1"]], total: ["2"], order: "laag-eerst")
        yaml = yaml.replacingOccurrences(
            of: "bijschrift: Proef", with: "bijschrift: \"<script>x</script> | [a](javascript:b)\"")
        yaml = yaml.replacingOccurrences(of: "naam: r1", with: "naam: \"<img src=x onerror=y>*r*\"")
        guard case .success(let stuk) = load(yaml) else { throw Failure("\(diagnostics(yaml))") }
        let html = Stukken.html(stuk, templates: Package.templateSet).html
        #expect(!html.contains("<script>x") && !html.contains("<img src"))
        #expect(html.contains("&lt;script&gt;x&lt;/script&gt; | [a](javascript:b)"))
        let markdown = Stukken.markdown(stuk, templates: Package.templateSet).text
        #expect(markdown.contains("\\<img src=x onerror=y>\\*r\\*"), "\(markdown)")
        #expect(markdown.contains("\\|"))
    }

    static let diagnosticCases: [DiagnosticCase] = [
        .init(
            name: "unknown table id",
            yaml: yaml(values: [["1"]], total: ["2"], order: "laag-eerst").replacingOccurrences(
                of: "[tabel: t]", with: "[tabel: tt]"), line: 8, column: 3,
            message: "STK270: '[tabel: tt]' noemt een onbekende tabel; bedoelde u 't'?"),
        .init(
            name: "row of the wrong width",
            yaml: yaml(values: [["1", "2"]], total: ["2"], order: "laag-eerst").replacingOccurrences(
                of: "waarden: [\"1\", \"2\"]", with: "waarden: [\"1\"]"), line: 22, column: 22,
            message:
                "STK272: rij 'r1' heeft 1 waarde en de tabel 2 kolommen; geef één waarde per kolom, in de volgorde van de kolommen"
        ),
        .init(
            name: "not a number", yaml: yaml(values: [["2,4,4"]], total: ["2"], order: "laag-eerst"), line: 21,
            column: 23,
            message:
                "STK273: '2,4,4' in kolom 'k1' is geen getal; schrijf bijvoorbeeld 2,44 of 2.44 (zonder scheidingsteken voor duizendtallen), of geef de kolom 'soort: tekst'"
        ),
        .init(
            name: "unknown category",
            yaml: yaml(values: [["1"]], total: ["2"], order: "laag-eerst").replacingOccurrences(
                of: "          - naam: k1\n", with: "          - naam: k1\n            categorie: speerpunt\n"),
            line: 18, column: 24,
            message: "STK274: categorie 'speerpunt' bestaat niet in deze tabel; de tabel heeft geen 'categorieen'"),
        .init(
            name: "table id that is no name",
            yaml: yaml(values: [["1"]], total: ["2"], order: "laag-eerst").replacingOccurrences(
                of: "  - id: t\n", with: "  - id: t]\n"), line: 10, column: 9,
            message:
                "STK275: tabel-id 't]' kan niet in '[tabel: id]' staan; gebruik alleen letters, cijfers, '-' en '_', zoals 'incidentie'"
        ),
    ]

    /// The same check as every other diagnostic's: first error's code, text, line and column.
    @Test(arguments: diagnosticCases)
    func diagnostic(_ c: DiagnosticCase) throws {
        try DiagnosticTests().firstDiagnostic(c)
    }

    @Test func everyTableProblemIsReported() {
        var yaml = Self.yaml(values: [["x", "1"], ["1"]], total: ["2"], order: "laag-eerst")
        yaml = yaml.replacingOccurrences(of: "[tabel: t]", with: "[tabel: u]")
        yaml += "  - id: t\n    bijschrift: b\n    kop: k\n    kolomgroepen:\n      - kolommen:\n          - naam: a\n"
        yaml += "    rijgroepen:\n      - rijen:\n          - naam: r\n            waarden: [\"1\"]\n"
        let codes = diagnostics(yaml).map(\.code)
        #expect(
            Set(codes) == [.unknownTableID, .duplicateTableID, .tableRowWidth, .tableValueNotANumber], "\(codes)")
    }

    /// `stukken check` as a process: every table problem on its own located line, exit 1.
    @Test func checkPrintsEveryTableProblemLocated() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stukken-tabellen-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var yaml = Self.yaml(values: [["2,4,4", "1"]], total: ["2"], order: "laag-eerst")
        yaml = yaml.replacingOccurrences(of: "[tabel: t]", with: "[tabel: tt]")
        try Data(yaml.utf8).write(to: folder.appendingPathComponent("tabel.yaml"))
        let result = try CLI.run(["check", "tabel.yaml"], in: folder)
        #expect(result.status == 1)
        let errors = result.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.count == 2, "\(result.stderr)")
        #expect(errors.contains { $0.hasPrefix("tabel.yaml:8:3: error: STK270: '[tabel: tt]'") })
        #expect(errors.contains { $0.hasPrefix("tabel.yaml:22:23: error: STK273: '2,4,4' in kolom 'k1'") })
    }
}
