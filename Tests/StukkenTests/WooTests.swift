import Foundation
import Testing
import ZIPFoundation

@testable import Stukken

/// `stukken pack --woo` on the example meeting: DiWoo metadata valid against the XSD,
/// `lastmod` that moves only for changed documents, the ORI export, JSON-LD, and no
/// byte of a non-public item in any file.
@Suite(.serialized) struct WooTests {
    static let meeting = Package.examples.appendingPathComponent("vergadering/vergadering.yaml").path
    /// KOOP's name for the index of "vergaderstukken decentrale overheden" (art. 3.3 lid 2 sub c).
    static let abIndex = "sitemapindex-diwoo-infocat008.xml"
    static let standards = Package.root.deletingLastPathComponent().appendingPathComponent("shared/standards")

    static func config(at meeting: String = meeting) throws -> SiteConfig {
        guard case .success(let c) = SiteConfig.load(path: SiteConfig.defaultPath(forMeeting: meeting)) else {
            throw Failure("the example stukken.yaml does not load")
        }
        return c
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
    }

    static func plan(
        _ meeting: String, output: String? = nil, audience: PackAudience = .openbaar(metContactgegevens: false)
    ) throws -> PackPlan {
        switch PackPlan.make(meeting: meeting, output: output, audience: audience) {
        case .success(let p): return p
        case .failure(let e): throw Failure(e.diagnostics.map(\.message).joined(separator: "\n"))
        }
    }

    @discardableResult
    static func build(
        _ meeting: String = meeting, into output: URL, on datum: String,
        audience: PackAudience = .openbaar(metContactgegevens: false),
        woo: Bool = true
    ) throws -> PackWriter.Summary {
        let plan = try plan(meeting, output: output.path, audience: audience)
        let options = try woo ? WooOptions(config: config(at: meeting), publicatiedatum: Datum.parse(datum).get()) : nil
        return try PackWriter(
            plan: plan, templates: Package.templateSet,
            options: .init(output: output.path, woo: options)
        )
        .write()
    }

    /// Every file of a pack folder, path → bytes, and every entry of its ZIP as `zip:NAME`.
    static func contents(of folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))
            let data = try Data(contentsOf: url)
            result[relative] = data
            if url.pathExtension == "zip" {
                let archive = try Archive(url: url, accessMode: .read)
                for entry in archive {
                    var bytes = Data()
                    _ = try archive.extract(entry) { bytes.append($0) }
                    result["zip:" + entry.path] = bytes
                }
            }
        }
        return result
    }

    /// A copy of the example meeting folder that a test may change.
    static func copyOfExample() throws -> URL {
        let dir = try temporaryDirectory()
        let copy = dir.appendingPathComponent("vergadering")
        try FileManager.default.copyItem(at: Package.examples.appendingPathComponent("vergadering"), to: copy)
        return copy
    }

    static func xmllint(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xmllint"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["XML_CATALOG_FILES"] = standards.appendingPathComponent("catalog.xml").path
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func validate(_ files: [URL]) throws {
        let xsd = standards.appendingPathComponent("diwoo/diwoo-metadata.xsd")
        try #require(FileManager.default.fileExists(atPath: xsd.path), "DiWoo XSD missing at \(xsd.path)")
        let result = try xmllint(["--nonet", "--noout", "--schema", xsd.path] + files.map(\.path))
        #expect(result.status == 0, "\(result.output)")
        for file in files { #expect(result.output.contains("\(file.path) validates"), "\(result.output)") }
    }

    // MARK: DiWoo

    @Test func everyPublicDocumentHasMetadataThatValidatesAgainstTheDiWooXSD() throws {
        let out = try temporaryDirectory().appendingPathComponent("site")
        try Self.build(into: out, on: "2016-10-05")
        let plan = try Self.plan(Self.meeting)
        let entries = PublicPack.entries(plan, metContactgegevens: false)
        // Every published page and bijlage file has its metadata, nothing else has.
        let published = entries.flatMap { e in
            [e.page?.path].compactMap { $0 } + e.bijlagen.compactMap { $0.nietOpenbaar ? nil : $0.path }
        }
        let files = try Self.contents(of: out).keys.filter { $0.hasPrefix("diwoo/") }.sorted()
        #expect(files == published.map { "diwoo/\($0).xml" }.sorted())
        try Self.validate(files.map { out.appendingPathComponent($0) })

        // The sitemap carries the same metadata: each <diwoo:Document> validates on its own.
        let sitemap = try String(contentsOf: out.appendingPathComponent(WooPublication.sitemap), encoding: .utf8)
        let blocks = sitemap.components(separatedBy: "<diwoo:Document>").dropFirst().map {
            "<diwoo:Document>" + $0.components(separatedBy: "</diwoo:Document>")[0] + "</diwoo:Document>"
        }
        #expect(blocks.count == published.count)
        let dir = try temporaryDirectory()
        var extracted: [URL] = []
        for (i, block) in blocks.enumerated() {
            let url = dir.appendingPathComponent("\(i).xml")
            let unindented = block.split(separator: "\n").map {
                $0.hasPrefix("    ") ? String($0.dropFirst(4)) : String($0)
            }.joined(separator: "\n")
            try Data(DiWoo.standalone(unindented).utf8).write(to: url)
            extracted.append(url)
        }
        try Self.validate(extracted)
        for name in [WooPublication.sitemap, Self.abIndex] {
            let wellFormed = try Self.xmllint(["--nonet", "--noout", out.appendingPathComponent(name).path])
            #expect(wellFormed.status == 0, "\(name): \(wellFormed.output)")
        }
        // robots.txt belongs at the host's root: `stukken site` writes it there, not the pack.
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("robots.txt").path))
    }

    @Test func metadataValuesComeFromTheDocumentsAndTheConfig() throws {
        let out = try temporaryDirectory().appendingPathComponent("site")
        try Self.build(into: out, on: "2016-10-05")
        let config = try Self.config()
        let plan = try Self.plan(Self.meeting)
        for entry in PublicPack.entries(plan, metContactgegevens: false) {
            guard let page = entry.page else { continue }
            let xml = try Self.compact(
                String(contentsOf: out.appendingPathComponent("diwoo/\(page.path).xml"), encoding: .utf8))
            let r = try page.load().record
            #expect(
                xml.contains(
                    "<diwoo:publisher resource=\"\(config.tooi)\">\(DiWoo.escape(config.organisatie))</diwoo:publisher>"
                ))
            #expect(xml.contains("<diwoo:officieleTitel>\(DiWoo.escape(page.titel))</diwoo:officieleTitel>"))
            #expect(xml.contains(Vocabulary.informatiecategorie(plan.vergadering.orgaan).uri))
            let ondertekend = r.record("ondertekening")?.date("datum")
            let vastgesteld = r.record("vaststelling")?.date("datum")
            if let d = ondertekend {
                #expect(
                    xml.contains(
                        "\(Vocabulary.ondertekening.label)</diwoo:soortHandeling><diwoo:atTime>\(d.iso)T00:00:00"))
            }
            if let d = vastgesteld {
                #expect(
                    xml.contains(
                        "\(Vocabulary.vaststelling.label)</diwoo:soortHandeling><diwoo:atTime>\(d.iso)T00:00:00"))
            }
            if ondertekend == nil && vastgesteld == nil {
                let datum = r.date("datum") ?? plan.vergadering.datum
                #expect(
                    xml.contains(
                        "\(Vocabulary.ontvangst.label)</diwoo:soortHandeling><diwoo:atTime>\(datum.iso)T00:00:00"),
                    "\(page.path)")
            }
            if let nummer = r.text("registratienummer") {
                #expect(xml.contains("<diwoo:identifier>\(DiWoo.escape(nummer))</diwoo:identifier>"))
            }
            #expect(xml.contains("<diwoo:omschrijving>") == (r.markdown("samenvatting") != nil), "\(page.path)")
            for b in entry.bijlagen where !b.nietOpenbaar {
                guard let path = b.path, let titel = b.titel else { continue }
                #expect(
                    xml.contains(
                        "<diwoo:relation resource=\"\(config.basisURL)\(path)\">\(DiWoo.escape(titel))</diwoo:relation>"
                    ))
                let own = try Self.compact(
                    String(contentsOf: out.appendingPathComponent("diwoo/\(path).xml"), encoding: .utf8))
                let ext = (path as NSString).pathExtension
                #expect(own.contains(Vocabulary.format(extension: ext)!.uri), "\(path)")
                switch b.job {
                case .copy:
                    // A file bijlage: received with its document, on the document's date.
                    let datum = r.date("datum") ?? plan.vergadering.datum
                    #expect(
                        own.contains(
                            "\(Vocabulary.ontvangst.label)</diwoo:soortHandeling><diwoo:atTime>\(datum.iso)T00:00:00"))
                case .page(let p):
                    // A memo or form as bijlage: its own signatures, else received on its own date.
                    let br = try p.load().record
                    if br.record("ondertekening") == nil && br.record("vaststelling") == nil {
                        let datum = br.date("datum") ?? r.date("datum") ?? plan.vergadering.datum
                        #expect(
                            own.contains(
                                "\(Vocabulary.ontvangst.label)</diwoo:soortHandeling><diwoo:atTime>\(datum.iso)T00:00:00"
                            ), "\(path)")
                    }
                    #expect(own.contains(Vocabulary.documentsoorten(p.source.kind).last!.uri), "\(path)")
                case nil:
                    break
                }
            }
        }
    }

    /// Each kind fills its Woo facts from its typed model. Whatever the kind, they must say
    /// what the fields of the same names say, so no kind keeps its registratienummer,
    /// summary or signatures from the Woo files: checked on every example and on every
    /// kind's `new` file with all fields filled.
    @Test func everyKindGivesTheWooTheFieldsItHas() throws {
        var stukken = try Package.exampleFiles.map(loadExample)
        for kind in DocumentKinds.all {
            stukken.append(try load(NewDocument.yaml(for: kind, filled: true), name: "nieuw-\(kind.soort).yaml").get())
        }
        for stuk in stukken {
            let r = stuk.record
            let facts = stuk.document.wooFacts
            let file = stuk.source.path
            #expect(facts.datum == r.date("datum"), "\(file)")
            #expect(facts.registratienummer == r.text("registratienummer"), "\(file)")
            #expect(facts.portefeuillehouder == r.text("portefeuillehouder"), "\(file)")
            #expect(facts.samenvatting == r.markdown("samenvatting"), "\(file)")
            #expect(facts.ondertekend == r.record("ondertekening")?.date("datum"), "\(file)")
            #expect(facts.vastgesteld == r.record("vaststelling")?.date("datum"), "\(file)")
        }
        let filled = stukken.filter { $0.source.path.hasPrefix("nieuw-") }
        #expect(filled.contains { $0.document.wooFacts.registratienummer != nil })
        #expect(filled.contains { $0.document.wooFacts.vastgesteld != nil })
    }

    /// XML without the indentation between elements, so expectations do not depend on it.
    static func compact(_ xml: String) -> String {
        xml.replacingOccurrences(of: ">\\s+<", with: "><", options: .regularExpression)
    }

    @Test func aDVOMeetingIsPublishedUnderTheGeneralDutyOfArticle31() throws {
        let dir = try temporaryDirectory().appendingPathComponent("dvo")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let stuk = Package.examples.appendingPathComponent("dvo-doorontwikkeling-ivz.yaml")
        // Under its own name: the notitie's bij: names it, and must name the voorstel that lists it.
        try FileManager.default.copyItem(at: stuk, to: dir.appendingPathComponent("dvo-doorontwikkeling-ivz.yaml"))
        // Its bijlage, a notitie, is published too.
        try FileManager.default.copyItem(
            at: Package.examples.appendingPathComponent("notitie-doorontwikkeling-ivz.yaml"),
            to: dir.appendingPathComponent("notitie-doorontwikkeling-ivz.yaml"))
        guard case .success(let loaded) = Stukken.load(path: stuk.path), let datum = loaded.record.date("datum"),
            let agendapunt = loaded.document.agendapunt
        else { throw Failure("dvo example does not load") }
        try "soort: vergadering\norgaan: DVO\ndatum: \(datum.iso)\nagenda:\n  - stuk: dvo-doorontwikkeling-ivz.yaml\n"
            .write(to: dir.appendingPathComponent("vergadering.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(
            at: Package.examples.appendingPathComponent("vergadering/stukken.yaml"),
            to: dir.appendingPathComponent("stukken.yaml"))
        let out = dir.deletingLastPathComponent().appendingPathComponent("site")
        try Self.build(dir.appendingPathComponent("vergadering.yaml").path, into: out, on: "2017-01-01")
        let xml = out.appendingPathComponent("diwoo/\(PackLayout.page(agendapunt)).xml")
        let text = try String(contentsOf: xml, encoding: .utf8)
        #expect(text.contains(Vocabulary.inspanningsverplichting.uri))
        #expect(!text.contains(Vocabulary.vergaderstukkenDecentraal.uri))
        try Self.validate([xml])
        // Records and a sitemap, but no index: art. 3.1 is none of KOOP's numbered categories,
        // and an index with an invented number is never written.
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(names.contains(WooPublication.sitemap))
        #expect(!names.contains { $0.hasPrefix("sitemapindex") || $0 == "robots.txt" }, "\(names.sorted())")
        #expect(Vocabulary.infocatNummer(Vocabulary.inspanningsverplichting) == nil)
    }

    // MARK: lastmod

    @Test func aRebuildWithNothingChangedIsByteIdenticalOnAnotherDay() throws {
        let out = try temporaryDirectory().appendingPathComponent("site")
        try Self.build(into: out, on: "2016-10-05")
        let first = try Self.contents(of: out)
        let summary = try Self.build(into: out, on: "2016-10-09")
        let second = try Self.contents(of: out)
        #expect(first.keys.sorted() == second.keys.sorted())
        for (path, data) in first { #expect(second[path] == data, "\(path) changed") }
        #expect(summary.rendered == 0)
    }

    @Test func changingOneDocumentMovesOnlyItsLastmod() throws {
        let meeting = try Self.copyOfExample()
        let path = meeting.appendingPathComponent("vergadering.yaml").path
        let out = meeting.deletingLastPathComponent().appendingPathComponent("site")
        try Self.build(path, into: out, on: "2016-10-05")
        let before = try Self.lastmods(out)
        #expect(Set(before.values) == ["2016-10-05"])

        let e7 = meeting.appendingPathComponent("stukken/e7-evaluatie-dashboard.yaml")
        var text = try String(contentsOf: e7, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "samenvatting: |\n", with: "samenvatting: |\n  Bijgewerkt na de evaluatiesessie.\n")
        try text.write(to: e7, atomically: true, encoding: .utf8)
        try Self.build(path, into: out, on: "2016-10-09")
        let after = try Self.lastmods(out)
        #expect(after.keys.sorted() == before.keys.sorted())
        for (loc, date) in after {
            #expect(date == (loc.hasSuffix("/e7.html") ? "2016-10-09" : "2016-10-05"), "\(loc)")
        }
        let index = try String(contentsOf: out.appendingPathComponent(Self.abIndex), encoding: .utf8)
        #expect(index.contains("<lastmod>2016-10-09</lastmod>"))
        // The manifest remembers it for the next build.
        let manifest = try #require(Manifest.read(from: out))
        #expect(manifest.files.first { $0.path == "e7.html" }?.lastmod == "2016-10-09")
        #expect(manifest.files.first { $0.path == "e3.html" }?.lastmod == "2016-10-05")
    }

    @Test func theDefaultPublicationDateIsTheDayInTheNetherlands() throws {
        // 22:30 UTC on 4 October 2016 is half past midnight on the 5th in Hengelo (CEST).
        let moment = Date(timeIntervalSince1970: 1_475_620_200)
        #expect(WooOptions.day(of: moment) == Datum(year: 2016, month: 10, day: 5))
        #expect(WooOptions.day(of: moment.addingTimeInterval(-3600)) == Datum(year: 2016, month: 10, day: 4))
    }

    /// `loc` → `lastmod` from the DiWoo sitemap.
    static func lastmods(_ out: URL) throws -> [String: String] {
        let sitemap = try String(contentsOf: out.appendingPathComponent(WooPublication.sitemap), encoding: .utf8)
        var result: [String: String] = [:]
        for block in sitemap.components(separatedBy: "<url>").dropFirst() {
            let loc = block.components(separatedBy: "<loc>")[1].components(separatedBy: "</loc>")[0]
            result[loc] = block.components(separatedBy: "<lastmod>")[1].components(separatedBy: "</lastmod>")[0]
        }
        return result
    }

    // MARK: ORI and JSON-LD

    @Test func theORIExportNamesANonPublicItemOnlyByKenmerk() throws {
        let out = try temporaryDirectory().appendingPathComponent("site")
        try Self.build(into: out, on: "2016-10-05")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("ori.json")))
                as? [String: Any])
        let agendapunten = try #require(object["agendapunten"] as? [[String: Any]])
        let objecten = try #require(object["informatieobjecten"] as? [[String: Any]])
        let plan = try Self.plan(Self.meeting)
        #expect(agendapunten.map { $0["kenmerk"] as? String } == plan.items.map(\.agendapunt))
        for (i, item) in plan.items.enumerated() {
            let a = agendapunten[i]
            #expect(a["volgnummer"] as? Int == i + 1)
            #expect(a["besloten"] as? Bool == !item.openbaar)
            if !item.openbaar {
                #expect(Set(a.keys) == ["kenmerk", "volgnummer", "besloten"])
            } else {
                #expect(a["titel"] as? String == item.titel)
            }
        }
        let config = try Self.config()
        for o in objecten {
            let id = try #require(o["id"] as? String)
            let path = String(id.dropFirst(config.basisURL.count))
            let item = try #require(plan.items.first { $0.agendapunt == o["agendapunt"] as? String })
            #expect(item.openbaar)
            if o["type"] as? String == "voorstel" {
                let portefeuillehouder = try item.stuk?.load().record.text("portefeuillehouder")
                #expect(o["portefeuillehouder"] as? String == portefeuillehouder)
                #expect(o["bijlage_van"] == nil)
            } else {
                #expect(o["type"] as? String == "bijlage")
                #expect(o["bijlage_van"] as? String == config.basisURL + PackLayout.page(item.agendapunt))
            }
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(path).path), "\(path)")
        }
    }

    @Test func everyPageCarriesJSONLDThatNoValueCanBreakOutOf() throws {
        let dir = try temporaryDirectory().appendingPathComponent("m")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        // With combining marks: `&`, `<` or `"` and U+0338 are one grapheme each, which
        // escapers that loop over Characters (or Foundation's replacing) let through.
        let hostile = "Tegen </script><script>alert(1)</script> & <!-- \"x\" &\u{338} <\u{338}/x \"\u{338}"
        var stuk = try String(
            contentsOf: Package.examples.appendingPathComponent("vergadering/stukken/e3-ts-s.yaml"), encoding: .utf8)
        stuk = stuk.replacingOccurrences(
            of: "onderwerp: Verantwoording en voorstel voor vervolg TS&S", with: "onderwerp: '\(hostile)'")
        stuk =
            stuk.components(separatedBy: "bijlagen:\n")[0]
            + "registratienummer: '2016/<b>1</b>'\nsamenvatting: 'Zie </script> hier'\n"
        try stuk.write(to: dir.appendingPathComponent("e3.yaml"), atomically: true, encoding: .utf8)
        try "soort: vergadering\norgaan: AB\ndatum: 2016-10-10\nagenda:\n  - stuk: e3.yaml\n"
            .write(to: dir.appendingPathComponent("vergadering.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(
            at: Package.examples.appendingPathComponent("vergadering/stukken.yaml"),
            to: dir.appendingPathComponent("stukken.yaml"))
        let out = dir.deletingLastPathComponent().appendingPathComponent("site")
        try Self.build(dir.appendingPathComponent("vergadering.yaml").path, into: out, on: "2016-10-05")

        for page in ["e3.html", "index.html"] {
            let html = try String(contentsOf: out.appendingPathComponent(page), encoding: .utf8)
            let scripts = html.components(separatedBy: "<script type=\"application/ld+json\">").dropFirst()
            #expect(scripts.count == 1, "\(page)")
            let json = try #require(scripts.first?.components(separatedBy: "</script>").first)
            #expect(!json.utf8.contains(UInt8(ascii: "<")), "\(page)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            #expect(object["@context"] as? String == "https://schema.org")
            if page == "e3.html" {
                #expect(object["name"] as? String == hostile)
                #expect(object["identifier"] as? String == "2016/<b>1</b>")
                #expect(object["abstract"] as? String == "Zie </script> hier")
            }
        }
        try Self.validate([out.appendingPathComponent("diwoo/e3.html.xml")])
        let xml = try String(contentsOf: out.appendingPathComponent("diwoo/e3.html.xml"), encoding: .utf8)
        #expect(xml.contains("<diwoo:officieleTitel>\(DiWoo.escape(hostile))</diwoo:officieleTitel>"))
    }

    // MARK: No leak

    /// Every text value of every non-public document and bijlage that does not also occur
    /// in a public one, with the forms it would take in HTML, XML, JSON and JSON-LD.
    static func secrets(of plan: PackPlan) throws -> [String] {
        var hidden: Set<String> = []
        var shown: Set<String> = []
        func values(_ v: Value, key: String, into set: inout Set<String>) {
            switch v {
            case .text(let s):
                // The agendapunt and the title a document offers for the public agenda are
                // meant to be shown (issue: "appears only as its agendapunt").
                if key != "openbare_titel" && key != "agendapunt" { set.insert(s) }
            case .markdown(let s):
                set.insert(s)
                for line in CommonMark.plainText(s).split(separator: "\n") where line.count >= 20 {
                    set.insert(String(line))
                }
            case .date(let d): set.insert(d.lang)
            case .jaNee: break
            case .list(let items): for i in items { values(i, key: key, into: &set) }
            case .record(let r): for (k, v) in r.values { values(v, key: k, into: &set) }
            }
        }
        func add(_ b: PackPlan.Bijlage, into set: inout Set<String>) throws {
            set.insert(b.titel)
            set.insert(Slug.make(b.titel))
            switch b.content {
            case .stuk(let s): values(.record(try s.load().record), key: "", into: &set)
            case .file(let file, _):
                let url = file.url
                set.insert(url.lastPathComponent)
                if let data = FileManager.default.contents(atPath: url.path) { set.insert(SHA256.hex(data)) }
            case .none: break
            }
        }
        for item in plan.items {
            if item.openbaar {
                shown.insert(item.titel)
                if var r = try item.stuk?.load().record {
                    // What the document says of a non-public bijlage (its title, its file)
                    // is the bijlage's, not the document's.
                    let withheld = Set(item.bijlagen.filter { !$0.openbaar }.map(\.nummer))
                    r.values["bijlagen"] = .list(
                        r.list("bijlagen").enumerated().filter { !withheld.contains($0.offset + 1) }.map(\.element))
                    values(.record(r), key: "", into: &shown)
                }
                for b in item.bijlagen { b.openbaar ? try add(b, into: &shown) : try add(b, into: &hidden) }
            } else {
                if let s = item.stuk { values(.record(try s.load().record), key: "", into: &hidden) }
                for b in item.bijlagen { try add(b, into: &hidden) }
            }
        }
        return hidden.filter { h in !shown.contains { $0.contains(h) } }.sorted()
    }

    static func forms(_ s: String) -> [String] {
        let html = s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
        let json = String(
            decoding: (try? JSONSerialization.data(withJSONObject: [s], options: [.withoutEscapingSlashes])) ?? Data(),
            as: UTF8.self
        )
        .dropFirst(2).dropLast(2)
        let ld = JSONLD.script(["k": s]).dropFirst(6).dropLast(2)
        return Array(
            Set([
                s, html, html.replacingOccurrences(of: "\"", with: "&quot;"), DiWoo.escape(s), String(json), String(ld),
            ]))
    }

    static func leaks(in files: [String: Data], of secrets: [String]) -> [String] {
        var found: [String] = []
        for (path, data) in files.sorted(by: { $0.key < $1.key }) {
            let text = String(decoding: data, as: UTF8.self)
            for secret in secrets where forms(secret).contains(where: { text.contains($0) }) {
                found.append("\(path): \(secret.prefix(60))")
            }
        }
        return found
    }

    @Test func noNonPublicByteReachesAnyFileOfAWooPackOrItsZIP() throws {
        let plan = try Self.plan(Self.meeting)
        let secrets = try Self.secrets(of: plan)
        #expect(secrets.count > 10, "the example must have non-public content to hide: \(secrets)")
        let out = try temporaryDirectory().appendingPathComponent("site")
        try Self.build(into: out, on: "2016-10-05")
        let files = try Self.contents(of: out)
        #expect(
            files.keys.contains("ori.json") && files.keys.contains(WooPublication.sitemap)
                && files.keys.contains { $0.hasPrefix("zip:diwoo/") })
        #expect(Self.leaks(in: files, of: secrets) == [])

        // The scan finds what is there: the members' pack carries every secret somewhere.
        let members = try temporaryDirectory().appendingPathComponent("leden")
        try Self.build(into: members, on: "2016-10-05", audience: .besloten, woo: false)
        let memberFiles = try Self.contents(of: members)
        let seen = Set(
            Self.leaks(in: memberFiles, of: secrets).map {
                $0.components(separatedBy: ": ").dropFirst().joined(separator: ": ")
            })
        #expect(
            seen.count >= secrets.count / 2, "scan found only \(seen.count) of \(secrets.count) in the members' pack")
    }

    /// Canaries at every depth (issue 16, C2): public stukken (voorstel, notitie, memo) whose
    /// public bijlagen list non-public stukken, down to a bijlage of a bijlage of a bijlage,
    /// and not one of those lines says `openbaar: nee` itself. Every non-public text there
    /// holds `GEHEIM`: no file, file name or ZIP entry of the public pack may hold it, in any case.
    static let leakMeeting = Package.fixtures.appendingPathComponent("leak/vergadering.yaml").path

    @Test func noNonPublicTitleReachesAnyFileAtAnyDepth() throws {
        let out = try temporaryDirectory().appendingPathComponent("site")
        try Self.build(Self.leakMeeting, into: out, on: "2016-10-05")
        let files = try Self.contents(of: out)
        #expect(files.keys.contains("e3-bijlagen/1-openbare-notitie.html") && files.keys.contains("e9.html"))
        let leaks = files.filter { path, data in
            path.lowercased().contains("geheim")
                || String(decoding: data, as: UTF8.self).lowercased().contains("geheim")
        }
        #expect(leaks.isEmpty, "GEHEIM in \(leaks.keys.sorted())")

        // Withheld where the plan says so, at every level; public lines still shown.
        let notitie = String(decoding: files["e3-bijlagen/1-openbare-notitie.html"] ?? Data(), as: UTF8.self)
        for shown in [
            "Bijlage 1 (niet openbaar)", "Diepe openbare notitie", "Openbare titelregel zonder bestand",
            "Bijlage 4 (niet openbaar)", "Bijlage 5 (niet openbaar)", "BIJLAGE 6  OPENBARE TEKSTBIJLAGE",
            "Deze tekst mag in het openbare pakket.",
        ] {
            #expect(notitie.contains(shown), "\(shown) not on the bijlage page")
        }
        let memo = String(decoding: files["e3-bijlagen/2-openbare-memo.html"] ?? Data(), as: UTF8.self)
        #expect(memo.contains("Bijlage 1 (niet openbaar)") && memo.contains("Openbare notitie bij de memo"))
        let voorstel = String(
            decoding: files["e3-bijlagen/3-openbaar-voorstel-als-bijlage.html"] ?? Data(), as: UTF8.self)
        #expect(voorstel.contains("Bijlage 1 (niet openbaar)"))

        // The members' pack is complete: every title, the non-public ones marked.
        let members = try temporaryDirectory().appendingPathComponent("leden")
        try Self.build(Self.leakMeeting, into: members, on: "2016-10-05", audience: .besloten, woo: false)
        let memberFiles = try Self.contents(of: members)
        let all = memberFiles.values.map { String(decoding: $0, as: UTF8.self) }.joined()
        for title in [
            "GEHEIM-NESTED-TITEL-via-geheime-notitie", "GEHEIM-REGEL-zelf-niet-openbaar",
            "GEHEIM-MEMO-NESTED-via-geheim-voorstel",
            "GEHEIM-VOORSTEL-NESTED-via-geheime-memo", "GEHEIM-NOTITIE-INHOUD", "Diepe openbare notitie",
            "GEHEIM-BIJLAGE-TEKST-titel", "GEHEIM-BIJLAGE-TEKST-inhoud",
        ] {
            #expect(all.contains(title), "\(title) missing from the members' pack")
        }
        let membersNotitie = String(
            decoding: memberFiles["e3-bijlagen/1-openbare-notitie.html"] ?? Data(), as: UTF8.self)
        let nested =
            membersNotitie.components(separatedBy: "GEHEIM-NESTED-TITEL-via-geheime-notitie").dropFirst().first ?? ""
        #expect(
            nested.prefix(200).contains("niet openbaar"),
            "the nested non-public bijlage is not marked in the members' pack")
        // A non-public text appendix: printed in full for the members, and marked so.
        let appendix =
            membersNotitie.components(separatedBy: "BIJLAGE 5  GEHEIM-BIJLAGE-TEKST-TITEL</h2>").dropFirst().first ?? ""
        #expect(appendix.prefix(80).contains("<em>Niet openbaar</em>"), "the non-public appendix is not marked")
        #expect(appendix.contains("GEHEIM-BIJLAGE-TEKST-inhoud"))
    }

    @Test func theMembersPackGetsNoWooFiles() throws {
        let out = try temporaryDirectory().appendingPathComponent("leden")
        #expect(throws: PackWriter.Failure.self) {
            try Self.build(into: out, on: "2016-10-05", audience: .besloten, woo: true)
        }
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    // MARK: Configuration and command line

    @Test(arguments: [
        (
            "organisatie:\n  naam: VRT\n  tooi: https://identifier.overheid.nl/tooi/id/so/so0679\nbasis_url: https://x.nl/\n",
            1, 1, "verplicht veld 'soort' (Soort) ontbreekt"
        ),
        (
            "soort: site\norganisatie:\n  naam: VRT\n  tooi: https://identifier.overheid.nl/tooi/id/so/so0679\nbasis_url: http://x.nl/\n",
            5, 12, "moet een volledig https-adres zijn"
        ),
        (
            "soort: site\norganisatie:\n  naam: VRT\n  tooi: so0679\nbasis_url: https://x.nl/\n", 4, 9,
            "is geen TOOI-organisatie-identifier"
        ),
        (
            "soort: site\norganisatie:\n  naam: VRT\n  toi: https://identifier.overheid.nl/tooi/id/so/so0679\nbasis_url: https://x.nl/\n",
            4, 3, "bedoelde u 'tooi'?"
        ),
    ])
    func configProblemsAreLocated(yaml: String, line: Int, column: Int, message: String) throws {
        guard case .failure(let error) = SiteConfig.load(SourceFile(path: "stukken.yaml", text: yaml)) else {
            Issue.record("accepted: \(yaml)")
            return
        }
        let hit = error.diagnostics.first { $0.message.contains(message) }
        #expect(hit != nil, "\(error.diagnostics.map(\.message))")
        #expect(hit?.line == line && hit?.column == column, "\(String(describing: hit))")
    }

    @Test func theCommandRefusesWooWithoutAConfigurationAndWritesNothing() throws {
        let meeting = try Self.copyOfExample()
        try FileManager.default.removeItem(at: meeting.appendingPathComponent("stukken.yaml"))
        let out = meeting.deletingLastPathComponent().appendingPathComponent("site")
        let result = try CLI.run([
            "pack", meeting.appendingPathComponent("vergadering.yaml").path, "-o", out.path, "--woo",
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("stukken.yaml' bestaat niet"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))

        let both = try CLI.run(["pack", Self.meeting, "-o", out.path, "--woo", "--besloten"])
        #expect(both.status != 0)
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func theCommandWritesAWooPackWithTheGivenPublicationDate() throws {
        let out = try temporaryDirectory().appendingPathComponent("site")
        let result = try CLI.run(["pack", Self.meeting, "-o", out.path, "--woo", "--publicatiedatum", "2016-10-05"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Set(try Self.lastmods(out).values) == ["2016-10-05"])
        let bad = try CLI.run(["pack", Self.meeting, "-o", out.path, "--woo", "--publicatiedatum", "gisteren"])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("--publicatiedatum: error: STK079: 'gisteren' is geen datum"), "\(bad.stderr)")
    }
}
