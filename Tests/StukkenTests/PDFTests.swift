import Foundation
import Testing

@testable import Stukken

/// The tools the PDF tests read PDFs back with (poppler-utils, pypdf) and WeasyPrint itself.
enum PDFTools {
    static func which(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// CI installs weasyprint (Scripts/setup.sh), so there these tests always run.
    static let weasyprintAvailable = which("weasyprint") != nil

    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(
            fileURLWithPath: try #require(which(tool), "\(tool) not found: run Scripts/setup.sh"))
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(tool) \(arguments) failed")
        return String(decoding: data, as: UTF8.self)
    }

    static func pageCount(_ pdf: URL) throws -> Int {
        let info = try run("pdfinfo", [pdf.path])
        let line = try #require(info.split(separator: "\n").first { $0.hasPrefix("Pages:") })
        return try #require(Int(line.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)))
    }

    static func info(_ pdf: URL) throws -> [String: String] {
        var fields: [String: String] = [:]
        for line in try run("pdfinfo", [pdf.path]).split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return fields
    }

    /// The text of each page, one string a page.
    static func pages(_ pdf: URL) throws -> [String] {
        try (1...pageCount(pdf)).map { try run("pdftotext", ["-f", "\($0)", "-l", "\($0)", "-layout", pdf.path, "-"]) }
    }

    struct Facts: Decodable {
        struct Bookmark: Decodable, Equatable {
            var level: Int
            var title: String
            var page: Int
        }
        var outline: [Bookmark]
        var lang: String
        var structTree: Bool
        var marked: Bool
        var pages: Int
    }

    static func facts(_ pdf: URL) throws -> Facts {
        let json = try run("python3", [Package.root.appendingPathComponent("Scripts/pdf-facts.py").path, pdf.path])
        return try JSONDecoder().decode(Facts.self, from: Data(json.utf8))
    }

    /// The page's lines without blank ones; the last is the page number.
    static func lines(_ page: String) -> [String] {
        page.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// Words of a text, for comparing a header that the layout may wrap.
    static func words(_ text: String) -> [Substring] { text.split(whereSeparator: { $0.isWhitespace }) }
}

func renderPDF(_ stuk: Stuk, voorblad: Bool = false, in folder: URL, name: String = "stuk.pdf") throws -> URL {
    let data = try Stukken.pdf(stuk, templates: Package.templateSet, options: .init(voorblad: voorblad, pool: .shared))
    let url = folder.appendingPathComponent(name)
    try data.write(to: url)
    return url
}

@Suite(
    .enabled(
        if: PDFTools.weasyprintAvailable,
        "weasyprint is not installed (sudo apt-get install weasyprint, or bash Scripts/setup.sh): PDF tests skipped"))
struct PDFTests {
    /// Every page: the running header (in the top lines) and "-N-" as its last line.
    @Test(arguments: Package.exampleFiles)
    func everyPageHasRunningHeaderAndNumber(_ example: String) throws {
        let stuk = try loadExample(example)
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = try renderPDF(stuk, in: folder)
        let header = PrintHeader.of(stuk.document)
        let pages = try PDFTools.pages(pdf)
        #expect(!pages.isEmpty)
        for (index, page) in pages.enumerated() {
            let lines = PDFTools.lines(page)
            #expect(lines.last == "-\(index + 1)-", "\(example) page \(index + 1): page number")
            // Page 1 shows the document's own heading block instead (seed 004): the header
            // would repeat it; see firstPageShowsTheTitleOnce.
            guard index > 0 else { continue }
            // The header is the first text of the page, left and right block side by side.
            let top = PDFTools.words(lines.prefix(6).joined(separator: " "))
            for expected in [header.soort, header.orgaan, header.label, header.onderwerp] {
                for word in PDFTools.words(expected) {
                    #expect(top.contains(word), "\(example) page \(index + 1): header word '\(word)' missing in \(top)")
                }
            }
        }
    }

    /// Seed 004: the DVO voorstel in capitals on every page, more than one page.
    @Test func dvoVoorstelHeaderAsSeed004() throws {
        let stuk = try loadExample("dvo-doorontwikkeling-ivz.yaml")
        let voorstel = try #require(stuk.document as? Voorstel)
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pages = try PDFTools.pages(try renderPDF(stuk, in: folder))
        #expect(pages.count > 1)
        // Page 1: the heading block alone, the onderwerp once (the header is left empty there).
        #expect(pages[0].components(separatedBy: voorstel.onderwerp.uppercased()).count == 2, "page 1: \(pages[0])")
        for (i, page) in pages.enumerated().dropFirst() {
            let lines = PDFTools.lines(page)
            #expect(lines.count > 2)
            // Line 1: "VOORSTEL   ONDERWERP"; line 2: the orgaan and the onderwerp, in capitals.
            #expect(PDFTools.words(lines[0]) == ["VOORSTEL", "ONDERWERP"], "page \(i + 1): \(lines[0])")
            #expect(lines[1].hasPrefix("DISTRICTELIJK VEILIGHEIDSOVERLEG TWENTE"), "page \(i + 1): \(lines[1])")
            #expect(lines[1].hasSuffix(voorstel.onderwerp.uppercased()), "page \(i + 1): \(lines[1])")
        }
        // Same order of parts as the seed.
        let text = pages.joined()
        let order = ["AGENDAPUNT", "ADVIES", "SAMENVATTING", "BIJLAGE"].map { text.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil })
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
    }

    @Test func metadataAndTagging() throws {
        let stuk = try loadExample("ab-ts-s.yaml")
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = try renderPDF(stuk, in: folder)
        let info = try PDFTools.info(pdf)
        #expect(info["Title"]?.contains(stuk.document.titel) == true, "\(info)")
        #expect(info["Author"] == PrintHeader.author)
        #expect(info["Subject"] == PrintHeader.of(stuk.document).subject)
        #expect(info["Tagged"] == "yes")
        #expect(info["Page size"]?.contains("(A4)") == true)
        let facts = try PDFTools.facts(pdf)
        #expect(facts.lang == "nl")
        #expect(facts.structTree && facts.marked)
    }

    @Test func sameInputSameBytes() throws {
        let stuk = try loadExample("dvo-doorontwikkeling-ivz.yaml")
        let a = try Stukken.pdf(stuk, templates: Package.templateSet)
        let b = try Stukken.pdf(stuk, templates: Package.templateSet)
        #expect(a == b)
        #expect(a.starts(with: Array("%PDF".utf8)))
    }

    /// The cover: its own page, no header, no number, and the document still starts at -1-.
    @Test func voorblad() throws {
        let stuk = try loadExample("dvo-doorontwikkeling-ivz.yaml")
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plain = try PDFTools.pages(try renderPDF(stuk, in: folder, name: "zonder.pdf"))
        let covered = try PDFTools.pages(try renderPDF(stuk, voorblad: true, in: folder, name: "met.pdf"))
        #expect(covered.count == plain.count + 1)
        let cover = PDFTools.lines(covered[0])
        #expect(Array(cover.prefix(2)) == PrintHeader.platform)
        #expect(!cover.contains { $0.hasPrefix("-") })
        #expect(cover.joined(separator: " ").contains("VOORSTEL"))
        for i in 1..<covered.count {
            #expect(PDFTools.lines(covered[i]).last == "-\(i)-")
        }
    }

    /// Headings of varied position: none ends up as the last line of a page.
    @Test func headingNeverLastOnPage() throws {
        let sentence = "Dit is een zin die een alinea vult, zodat de kopjes op steeds andere hoogten vallen."
        let sections = (1...60).map { k in
            "## Kopje \(k)\n\n  " + Array(repeating: sentence, count: k % 7 + 1).joined(separator: " ")
        }.joined(separator: "\n\n  ")
        let yaml = """
            soort: memo
            openbaar: ja
            aan: het DVO
            van: J. Slot
            datum: 2016-10-10
            onderwerp: Veel kopjes
            inhoud: |
              \(sections)
            """
        let stuk = try load(yaml).get()
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pages = try PDFTools.pages(try renderPDF(stuk, in: folder))
        #expect(pages.count > 3)
        for (i, page) in pages.enumerated() {
            let lines = PDFTools.lines(page)
            let lastText = lines.dropLast().last ?? ""
            #expect(!lastText.hasPrefix("Kopje"), "page \(i + 1) ends with the heading '\(lastText)'")
        }
        #expect(pages.joined().components(separatedBy: "Kopje ").count == 61)
    }

    /// A table of many columns goes on a landscape page; a narrower one stays in portrait.
    @Test func wideTableOnLandscapePage() throws {
        func table(_ columns: Int) -> String {
            let head = "| " + (1...columns).map { "Kop \($0)" }.joined(separator: " | ") + " |"
            let rule = "|" + String(repeating: "---|", count: columns)
            let row = "| " + (1...columns).map { "\($0),5" }.joined(separator: " | ") + " |"
            return [head, rule, row].joined(separator: "\n  ")
        }
        let columns = WideTables.minimumColumns
        let yaml = """
            soort: memo
            openbaar: ja
            aan: het DVO
            van: J. Slot
            datum: 2016-10-10
            onderwerp: Brede tabel
            inhoud: |
              ## Smal

              \(table(columns - 1))

              ## Breed

              \(table(columns + 13))
            """
        let stuk = try load(yaml).get()
        let page = PDFRenderer.printPage(stuk, templates: Package.templateSet, voorblad: false, extras: nil)
        #expect(page.html.components(separatedBy: "<table class=\"breed\">").count == 2)
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = try renderPDF(stuk, in: folder)
        let sizes = try PDFTools.run("pdfinfo", ["-f", "1", "-l", "\(try PDFTools.pageCount(pdf))", pdf.path])
            .split(separator: "\n").filter { $0.hasPrefix("Page ") && $0.contains("size:") }
        #expect(sizes.first?.contains("595.276 x 841.89") == true, "first page portrait: \(sizes)")
        #expect(sizes.contains { $0.contains("841.89 x 595.276") }, "a landscape page: \(sizes)")
        // Every column of the wide table is on the page, not cut off at its edge.
        let text = try PDFTools.pages(pdf).joined()
        #expect(text.contains("Kop \(columns + 13)"))
        #expect(text.contains("\(columns + 13),5"))
    }

    /// A table that splits over pages repeats its header row on the next page.
    @Test func splitTableRepeatsHeader() throws {
        let rows = (1...90).map { "| Rij \($0) | waarde \($0) |" }.joined(separator: "\n  ")
        let yaml = """
            soort: memo
            openbaar: ja
            aan: het DVO
            van: J. Slot
            datum: 2016-10-10
            onderwerp: Lange tabel
            inhoud: |
              ## Overzicht

              | Kolomkop gemeente | Kolomkop waarde |
              |---|---|
              \(rows)
            """
        let stuk = try load(yaml).get()
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pages = try PDFTools.pages(try renderPDF(stuk, in: folder))
        let withRows = pages.filter { $0.contains("Rij ") }
        #expect(withRows.count >= 2)
        for page in withRows { #expect(page.contains("Kolomkop gemeente"), "a page with rows has no header row") }
    }
}

@Suite(
    .enabled(
        if: PDFTools.weasyprintAvailable,
        "weasyprint is not installed (sudo apt-get install weasyprint, or bash Scripts/setup.sh): PDF tests skipped"))
struct PDFCommandTests {
    @Test func renderWritesPDF() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("e3.pdf")
        let result = try CLI.run(["render", "examples/ab-ts-s.yaml", "--format", "pdf", "-o", target.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try PDFTools.pageCount(target) >= 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["e3.pdf"])
    }

    /// A WeasyPrint that does not finish is stopped; nothing is left behind.
    @Test func timeLimit() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A WeasyPrint whose Python never finishes.
        let python = try executable(in: folder, "python-traag", "#!/bin/sh\nexec sleep 30\n")
        let slow = try executable(in: folder, "weasyprint-traag", "#!\(python.path)\n")
        let target = folder.appendingPathComponent("out/e3.pdf")
        try FileManager.default.createDirectory(
            at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        let started = Date()
        let result = try CLI.run(
            ["render", "examples/ab-ts-s.yaml", "--format", "pdf", "--pdf-timeout", "1", "-o", target.path],
            environment: ["STUKKEN_WEASYPRINT": slow.path])
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(result.status == 1)
        #expect(result.stderr.contains(PDFMessage.timedOut(seconds: 1).text), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.deletingLastPathComponent().path).isEmpty)
    }

    @Test func packWithPDF() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("site")
        let meeting = "examples/vergadering/vergadering.yaml"
        let result = try CLI.run(["pack", meeting, "-o", out.path, "--pdf"])
        #expect(result.status == 0, "\(result.stderr)")

        let plan = try PackPlan.make(meeting: meeting, output: nil, audience: .openbaar(metContactgegevens: false))
            .get()
        let entries = PublicPack.entries(plan, metContactgegevens: false)
        let manifest = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("manifest.json")))
                as? [String: Any])
        let paths = Set((manifest["bestanden"] as? [[String: Any]] ?? []).compactMap { $0["pad"] as? String })
        let zipListing = try PDFTools.run(
            "unzip", ["-Z1", out.appendingPathComponent(manifest["zip"] as? String ?? "").path])
        let zipped = Set(zipListing.split(separator: "\n").map(String.init))
        // A PDF beside every public page; none for an item the public pack refused.
        for entry in entries {
            let pdf = PackLayout.page(entry.agendapunt).replacingOccurrences(of: ".html", with: ".pdf")
            if entry.page != nil {
                #expect(paths.contains(pdf) && zipped.contains(pdf), "\(pdf) missing")
                #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(pdf).path))
            } else {
                #expect(
                    !paths.contains(pdf) && !zipped.contains(pdf)
                        && !FileManager.default.fileExists(atPath: out.appendingPathComponent(pdf).path))
            }
        }
        #expect(entries.contains { $0.nietOpenbaar }, "the example meeting must have a non-public item")

        // The combined PDF: agenda first, then one bookmark per published agendapunt, in order.
        let bundle = out.appendingPathComponent(
            PackPDF.bundlePath(plan.vergadering, audience: .openbaar(metContactgegevens: false)))
        #expect(paths.contains(bundle.lastPathComponent) && zipped.contains(bundle.lastPathComponent))
        let facts = try PDFTools.facts(bundle)
        let top = facts.outline.filter { $0.level == 1 }
        let expected = ["Agenda"] + entries.compactMap { e in e.page.map { "\(e.agendapunt) \(e.titel ?? $0.titel)" } }
        #expect(top.map(\.title) == expected)
        #expect(top.first?.page == 1)
        #expect(top.map(\.page) == top.map(\.page).sorted() && Set(top.map(\.page)).count == top.count)
        #expect(facts.pages == (try PDFTools.pageCount(bundle)))
        // Each agendapunt's first page shows its own running header.
        let pages = try PDFTools.pages(bundle)
        for (bookmark, entry) in zip(top.dropFirst(), entries.filter { $0.page != nil }) {
            let header = PrintHeader.of(try #require(entry.page).load().document)
            let first = PDFTools.words(PDFTools.lines(pages[bookmark.page - 1]).prefix(4).joined(separator: " "))
            #expect(PDFTools.words(header.soort).allSatisfy(first.contains), "\(bookmark.title): \(first)")
        }
        // Non-public content never reaches the public PDFs.
        let secret = try #require(plan.items.first { !$0.openbaar }?.stuk).load()
        let all = pages.joined()
        #expect(!all.contains(secret.document.titel))
        // On paper a bijlage line names the document, not the web page it is in the pack.
        #expect(all.contains("Memo regionale input"))
        #expect(!all.contains("(HTML)"), "a bijlage line on paper says (HTML)")
    }
}

extension PDFCommandTests {
    /// The members' pack: a non-public stuk is marked on every page of its PDF, a public one on none.
    @Test func membersPackMarksEveryPage() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("leden")
        let meeting = "examples/vergadering/vergadering.yaml"
        let result = try CLI.run(["pack", meeting, "-o", out.path, "--pdf", "--besloten"])
        #expect(result.status == 0, "\(result.stderr)")
        let plan = try PackPlan.make(meeting: meeting, output: nil, audience: .besloten).get()
        let items = plan.items.filter { $0.stuk != nil }
        #expect(items.contains { !$0.openbaar } && items.contains { $0.openbaar })
        for item in items {
            let pdf = out.appendingPathComponent(PackPDF.path(for: PackLayout.page(item.agendapunt)))
            for (i, page) in try PDFTools.pages(pdf).enumerated() {
                // The foot of the page: "-N-" and, for a non-public stuk, the mark beside it.
                let foot = PDFTools.words(PDFTools.lines(page).last ?? "")
                #expect(foot.first == "-\(i + 1)-")
                #expect(
                    foot.dropFirst().joined(separator: " ") == (item.openbaar ? "" : "NIET OPENBAAR"),
                    "\(item.agendapunt) page \(i + 1): \(foot)")
            }
        }
    }
}

/// Without WeasyPrint: a clear message naming the package, no file, and HTML still works.
@Suite struct PDFWithoutWeasyPrintTests {
    @Test func missingWeasyprintIsExplained() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("e3.pdf")
        let noTools = ["PATH": folder.path]
        let result = try CLI.run(
            ["render", "examples/ab-ts-s.yaml", "--format", "pdf", "-o", target.path], environment: noTools)
        #expect(result.status == 1)
        #expect(result.stderr.contains(PDFMessage.weasyprintMissing.text), "\(result.stderr)")
        #expect(result.stderr.contains("'weasyprint'"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        let html = try CLI.run(
            ["render", "examples/ab-ts-s.yaml", "-o", folder.appendingPathComponent("e3.html").path],
            environment: noTools)
        #expect(html.status == 0, "\(html.stderr)")
    }
}
