import Foundation
import Testing
import ZIPFoundation

@testable import Stukken

/// `stukken pack` on the example meeting: what it publishes, and above all what it never does.
@Suite(.serialized) struct PackTests {
    static let meeting = Package.examples.appendingPathComponent("vergadering/vergadering.yaml").path

    static func plan(
        _ audience: PackAudience = .openbaar(metContactgegevens: false), output: String? = nil
    ) throws -> PackPlan {
        switch PackPlan.make(meeting: meeting, output: output, audience: audience) {
        case .success(let p): return p
        case .failure(let e):
            Issue.record("example meeting does not plan:\n\(e)")
            throw e
        }
    }

    static func build(_ audience: PackAudience = .openbaar(metContactgegevens: false), into dir: URL) throws
        -> PackWriter.Summary
    {
        let plan = try plan(audience, output: dir.path)
        return try PackWriter(
            plan: plan, templates: Package.templateSet, options: .init(output: dir.path)
        ).write()
    }

    /// Every file of a pack folder (path → bytes), and every entry of its ZIP.
    static func contents(of dir: URL) throws -> (files: [String: Data], zip: [String: Data]) {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: dir.path)!
        for case let path as String in enumerator {
            var isDir: ObjCBool = false
            let full = dir.appendingPathComponent(path).path
            FileManager.default.fileExists(atPath: full, isDirectory: &isDir)
            if !isDir.boolValue { files[path] = FileManager.default.contents(atPath: full) }
        }
        var zip: [String: Data] = [:]
        if let zipPath = files.keys.first(where: { $0.hasSuffix(".zip") }) {
            let archive = try Archive(url: dir.appendingPathComponent(zipPath), accessMode: .read)
            for entry in archive {
                var data = Data()
                _ = try archive.extract(entry) { data.append($0) }
                zip[entry.path] = data
            }
        }
        return (files, zip)
    }

    // MARK: Non-public never leaks

    /// Every text of a record, as fragments a page could show: whole values and lines.
    static func fragments(of value: Value) -> [String] {
        switch value {
        case .text(let s), .markdown(let s):
            let folded = s.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            var out = [folded]
            for line in s.split(separator: "\n") {
                let t = line.trimmingCharacters(in: .whitespaces).trimmingCharacters(
                    in: CharacterSet(charactersIn: "-*#>|0123456789. "))
                if t.count >= 8 { out.append(t) }
            }
            return out
        case .list(let items): return items.flatMap(fragments)
        case .record(let r): return r.values.values.flatMap(fragments)
        case .date, .jaNee: return []  // dates and ja/nee are shared with public items anyway
        }
    }

    @Test func nonPublicContentReachesNoFileAndNoZipEntry() throws {
        let dir = try temporaryDirectory().appendingPathComponent("site")
        _ = try Self.build(into: dir)
        let plan = try Self.plan()

        var secret: Set<String> = []
        var secretFiles: [Data] = []
        var open: Set<String> = []
        for item in plan.items {
            guard let stuk = try item.stuk?.load() else { continue }
            if item.openbaar {
                // A public document's own values, without its non-public bijlagen entries.
                var record = stuk.record
                let bijlagen = record.records("bijlagen")
                record.values["bijlagen"] = .list(
                    zip(bijlagen, item.bijlagen).filter { $0.1.openbaar }.map { .record($0.0) })
                open.formUnion(Self.fragments(of: .record(record)))
                for (entry, b) in zip(bijlagen, item.bijlagen) where !b.openbaar {
                    secret.formUnion(Self.fragments(of: .record(entry)))
                }
            } else {
                secret.formUnion(Self.fragments(of: .record(stuk.record)))
                secret.insert(URL(fileURLWithPath: stuk.source.path).lastPathComponent)
            }
            for b in item.bijlagen {
                switch b.content {
                case .stuk(let s):
                    let record = try s.load().record
                    if b.openbaar {
                        open.formUnion(Self.fragments(of: .record(record)))
                    } else {
                        secret.formUnion(Self.fragments(of: .record(record)))
                    }
                case .file(let file, _):
                    let url = file.url
                    if !b.openbaar {
                        secretFiles.append(try Data(contentsOf: url))
                        secret.insert(url.lastPathComponent)
                        secret.insert(url.deletingPathExtension().lastPathComponent)
                    }
                case .none: break
                }
            }
        }
        if let t = plan.items.compactMap({ $0.stuk?.openbareTitel }).first { open.insert(t) }
        let scanned = secret.subtracting(open).filter { $0.count >= 4 }
        #expect(scanned.count > 10, "the scan must have something to look for")

        let (files, zipEntries) = try Self.contents(of: dir)
        #expect(!files.isEmpty && !zipEntries.isEmpty)
        for (name, data) in files.merging(zipEntries.mapKeys { "zip:" + $0 }, uniquingKeysWith: { a, _ in a }) {
            let text = String(decoding: data, as: UTF8.self)
            for value in scanned {
                let forms = [value, Self.htmlEscaped(value), Self.jsonEscaped(value)]
                for form in forms where text.contains(form) {
                    Issue.record("non-public text «\(value)» found in \(name)")
                }
            }
            for secretFile in secretFiles { #expect(data != secretFile, "a non-public bijlage was copied as \(name)") }
            #expect(
                !name.lowercased().contains("schadeclaim") && !name.contains("kremers") && !name.contains("financieel"))
        }
    }

    @Test func nonPublicItemIsListedByAgendapuntAndOpenbareTitelOnly() throws {
        let dir = try temporaryDirectory().appendingPathComponent("site")
        _ = try Self.build(into: dir)
        let index = try String(contentsOf: dir.appendingPathComponent("index.html"), encoding: .utf8)
        let e4 = index.components(separatedBy: "<span class=\"agendapunt\">E4</span>")[1].components(
            separatedBy: "</li>")[0]
        #expect(
            e4.contains("<span class=\"titel\">Afhandeling van een schadeclaim</span>")
                && e4.contains("<span class=\"markering\">niet openbaar</span>"))
        #expect(!e4.contains("<a "))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("e4.html").path))
        // The public voorstel's confidential bijlage: counted, not named, not copied.
        let e3 = try String(contentsOf: dir.appendingPathComponent("e3.html"), encoding: .utf8)
        #expect(e3.contains("Bijlage 2 (niet openbaar)"))
        #expect(index.contains("<li>Bijlage 2 <span class=\"markering\">niet openbaar</span></li>"))
    }

    @Test func contactDetailsLeftOutUnlessAskedFor() throws {
        let dir = try temporaryDirectory()
        _ = try Self.build(into: dir.appendingPathComponent("zonder"))
        _ = try Self.build(.openbaar(metContactgegevens: true), into: dir.appendingPathComponent("met"))
        let without = try String(contentsOf: dir.appendingPathComponent("zonder/e6.html"), encoding: .utf8)
        let with = try String(contentsOf: dir.appendingPathComponent("met/e6.html"), encoding: .utf8)
        for detail in ["J. Slot", "06 - 13009389"] {
            #expect(!without.contains(detail))
            #expect(with.contains(detail))
        }
    }

    @Test func membersPackHasEverythingMarkedAndItsOwnFolder() throws {
        let dir = try temporaryDirectory()
        let besloten = dir.appendingPathComponent("leden")
        let summary = try Self.build(.besloten, into: besloten)
        #expect(summary.nonPublicItems == 1)
        let e4 = try String(contentsOf: besloten.appendingPathComponent("e4.html"), encoding: .utf8)
        #expect(e4.contains("NIET OPENBAAR"))
        #expect(e4.contains("Bouwbedrijf Kremers"))
        #expect(
            FileManager.default.fileExists(atPath: besloten.appendingPathComponent("ab-2016-10-10-besloten.zip").path))
        // Never into a folder that holds a public pack, nor the other way round.
        let openbaar = dir.appendingPathComponent("openbaar")
        _ = try Self.build(into: openbaar)
        #expect(throws: PackWriter.Failure.self) { try Self.build(.besloten, into: openbaar) }
        #expect(throws: PackWriter.Failure.self) { try Self.build(into: besloten) }
    }

    // MARK: Layout, determinism, increments

    @Test func zipHoldsExactlyTheFolder() throws {
        let dir = try temporaryDirectory().appendingPathComponent("site")
        _ = try Self.build(into: dir)
        let (files, zipEntries) = try Self.contents(of: dir)
        var withoutZip = files
        withoutZip = withoutZip.filter { !$0.key.hasSuffix(".zip") }
        #expect(withoutZip == zipEntries)
        #expect(files.keys.contains("index.html") && files.keys.contains("manifest.json"))
        // We write the ZIP container ourselves: Info-ZIP, a second implementation, must
        // find every entry intact, with the fixed permissions and date.
        let zip = try #require(files.keys.first { $0.hasSuffix(".zip") })
        let tested = try PDFTools.run("unzip", ["-tq", dir.appendingPathComponent(zip).path])
        #expect(tested.contains("No errors detected"), "\(tested)")
        let listing = try PDFTools.run("zipinfo", [dir.appendingPathComponent(zip).path])
        let entries = listing.split(separator: "\n").filter { $0.hasPrefix("-") }
        #expect(entries.count == zipEntries.count)
        #expect(entries.allSatisfy { $0.hasPrefix("-rw-r--r--") && $0.contains("defN 00-Jan-01 00:00") }, "\(listing)")
    }

    /// Every HTML page of a pack links the pack's one stylesheet (from a bijlage page one
    /// folder down too) and embeds none; `render` keeps a page standalone, and a pack's
    /// PDFs are made from pages that embed it (WeasyPrint reads no file beside them).
    @Test func packPagesLinkOneStylesheet() throws {
        let dir = try temporaryDirectory().appendingPathComponent("site")
        _ = try Self.build(into: dir)
        let (files, zip) = try Self.contents(of: dir)
        #expect(files["stijl.css"] == Data(Package.templateSet.stylesheet.utf8))
        #expect(zip["stijl.css"] == files["stijl.css"])
        let pages = files.filter { $0.key.hasSuffix(".html") }
        #expect(pages.keys.contains { $0.contains("/") } && pages.count > 4)
        for (path, data) in pages {
            let html = String(decoding: data, as: UTF8.self)
            let href = path.contains("/") ? "../stijl.css" : "stijl.css"
            #expect(html.contains("<link rel=\"stylesheet\" href=\"\(href)\">"), "\(path)")
            #expect(!html.contains("<style"), "\(path)")
        }
        let stuk = try Stukken.load(path: Package.examples.appendingPathComponent("ab-ts-s.yaml").path).get()
        let standalone = Stukken.html(stuk, templates: Package.templateSet).html
        #expect(standalone.contains("<style>") && !standalone.contains("<link rel=\"stylesheet\""))
        let job = try #require(PublicPack.entries(try Self.plan(), metContactgegevens: false).compactMap(\.page).first)
        let print = try PackPDF.page(job, templates: Package.templateSet, options: PackPDFOptions())
        #expect(print.html.contains("<style>") && !print.html.contains("<link rel=\"stylesheet\""))
    }

    @Test func manifestDescribesEveryPublishedFile() throws {
        let dir = try temporaryDirectory().appendingPathComponent("site")
        _ = try Self.build(into: dir)
        let (files, _) = try Self.contents(of: dir)
        let manifest = try JSONSerialization.jsonObject(with: files["manifest.json"]!) as! [String: Any]
        let listed = manifest["bestanden"] as! [[String: Any]]
        let published = files.keys.filter { $0 != "manifest.json" && !$0.hasSuffix(".zip") }.sorted()
        #expect(listed.map { $0["pad"] as! String } == published)
        for entry in listed {
            let data = files[entry["pad"] as! String]!
            #expect(entry["sha256"] as? String == SHA256.hex(data))
            #expect(entry["grootte"] as? Int == data.count)
            #expect(entry["titel"] is String && entry["soort"] is String)
        }
    }

    @Test func rebuildIsByteIdenticalAndReusesUnchangedPages() throws {
        let root = try temporaryDirectory()
        let a = root.appendingPathComponent("a")
        let first = try Self.build(into: a)
        let before = try Self.contents(of: a).files
        let second = try Self.build(into: a)
        #expect(try Self.contents(of: a).files == before)
        #expect(first.rendered > 0 && first.reused == 0)
        #expect(second.rendered == 0 && second.reused == first.rendered)
        // A second folder from scratch: the same bytes.
        let b = root.appendingPathComponent("b")
        _ = try Self.build(into: b)
        #expect(try Self.contents(of: b).files == before)
    }

    @Test func incrementalRebuildRendersOnlyWhatChanged() throws {
        let root = try temporaryDirectory()
        let copy = root.appendingPathComponent("vergadering")
        try FileManager.default.copyItem(at: Package.examples.appendingPathComponent("vergadering"), to: copy)
        let site = root.appendingPathComponent("site")
        func build() throws -> PackWriter.Summary {
            let plan = try PackPlan.make(
                meeting: copy.appendingPathComponent("vergadering.yaml").path, output: site.path,
                audience: .openbaar(metContactgegevens: false)
            ).get()
            return try PackWriter(
                plan: plan, templates: Package.templateSet,
                options: .init(output: site.path)
            ).write()
        }
        let first = try build()
        let e5 = copy.appendingPathComponent("stukken/e5-coalitieakkoorden.yaml")
        let text = try String(contentsOf: e5, encoding: .utf8).replacingOccurrences(
            of: "Gevraagd wordt", with: "Het bestuur wordt gevraagd")
        try text.write(to: e5, atomically: true, encoding: .utf8)
        let second = try build()
        #expect(first.rendered == 6)
        #expect(second.rendered == 1 && second.reused == 5)
    }

    // MARK: Refusals, before anything is written

    static func problems(_ meetingYAML: String, files: [String: String] = [:], setUp: (URL) throws -> Void = { _ in })
        throws -> [Diagnostic]
    {
        let dir = try temporaryDirectory().appendingPathComponent("vergadering")
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("stukken"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Package.examples.appendingPathComponent("ab-ts-s.yaml"),
            to: dir.appendingPathComponent("stukken/e3.yaml"))
        for (name, text) in files {
            try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try setUp(dir)
        try meetingYAML.write(to: dir.appendingPathComponent("vergadering.yaml"), atomically: true, encoding: .utf8)
        switch PackPlan.make(
            meeting: dir.appendingPathComponent("vergadering.yaml").path,
            output: dir.deletingLastPathComponent().appendingPathComponent("site").path,
            audience: .openbaar(metContactgegevens: false))
        {
        case .success(let p): return p.warnings
        case .failure(let e): return e.diagnostics
        }
    }

    static let head = "soort: vergadering\norgaan: AB\ndatum: 2016-10-10\nagenda:\n"

    @Test func refusesPathsOutsideTheMeetingFolder() throws {
        let cases: [(String, String)] = [
            ("  - stuk: /etc/passwd\n", "'/etc/passwd' is een absoluut pad"),
            ("  - stuk: ../../etc/passwd\n", "gaat met '..' boven de map van de vergadering uit"),
            ("  - stuk: stukken/ontbreekt.yaml\n", "'stukken/ontbreekt.yaml' bestaat niet"),
            ("  - stuk: stukken\n", "is geen gewoon bestand"),
            (
                "  - stuk: stukken/naar-buiten.yaml\n",
                "wijst (via een symbolische link) buiten de map van de vergadering"
            ),
        ]
        for (entry, message) in cases {
            let found = try Self.problems(Self.head + entry) { dir in
                try FileManager.default.createSymbolicLink(
                    atPath: dir.appendingPathComponent("stukken/naar-buiten.yaml").path,
                    withDestinationPath: Package.examples.appendingPathComponent("ab-ts-s.yaml").path)
            }
            #expect(
                found.contains { $0.message.contains(message) && $0.line == 5 && $0.column == 11 }, "\(entry): \(found)"
            )
        }
    }

    @Test func symlinkInsideTheFolderIsFine() throws {
        let found = try Self.problems(Self.head + "  - stuk: stukken/link.yaml\n") { dir in
            try FileManager.default.createSymbolicLink(
                atPath: dir.appendingPathComponent("stukken/link.yaml").path, withDestinationPath: "e3.yaml")
        }
        #expect(!found.hasErrors, "\(found)")
    }

    @Test func reportsEveryAgendaProblemTogether() throws {
        let found = try Self.problems(
            Self.head + """
                  - stuk: stukken/e3.yaml
                  - agendapunt: E3
                    titel: Nog eens E3
                  - titel: Zonder agendapunt
                  - stuk: stukken/e3.yaml
                    titel: Andere titel
                """ + "\n")
        let messages = found.filter { $0.severity == .error }.map(\.message)
        #expect(messages.contains { $0.contains("agendapunt 'E3' staat al eerder op de agenda") })
        #expect(messages.contains { $0.contains("agendapunt ontbreekt") })
        #expect(messages.contains { $0.contains("titel 'Andere titel' in de agenda verschilt van") })
    }

    @Test func refusesOrgaanMismatchConceptAndOverlappingOutput() throws {
        let dvo = try Self.problems(
            Self.head.replacingOccurrences(of: "AB", with: "DVO") + "  - stuk: stukken/e3.yaml\n")
        #expect(dvo.contains { $0.message == "dit stuk is voor het AB, de vergadering is van het DVO" })
        let concept = try Self.problems(Self.head + "  - stuk: stukken/concept.yaml\n") { dir in
            let text = try String(contentsOf: dir.appendingPathComponent("stukken/e3.yaml"), encoding: .utf8)
            try text.replacingOccurrences(of: "status: definitief", with: "status: concept").write(
                to: dir.appendingPathComponent("stukken/concept.yaml"), atomically: true, encoding: .utf8)
        }
        #expect(
            concept.contains { $0.message.contains("een concept (status: concept) kan niet in een openbaar pakket") })
        let dir = Package.examples.appendingPathComponent("vergadering")
        for output in [dir.path, dir.appendingPathComponent("site").path, Package.examples.path] {
            guard
                case .failure(let e) = PackPlan.make(
                    meeting: Self.meeting, output: output, audience: .openbaar(metContactgegevens: false))
            else {
                Issue.record("output \(output) accepted")
                continue
            }
            #expect(e.diagnostics.contains { $0.message.contains("valt samen met de map van de vergadering") })
        }
    }

    @Test func dateDifferenceIsOnlyAWarning() throws {
        let found = try Self.problems(
            Self.head.replacingOccurrences(of: "2016-10-10", with: "2016-10-11") + "  - stuk: stukken/e3.yaml\n")
        #expect(!found.hasErrors)
        #expect(found.contains { $0.severity == .warning && $0.message.contains("niet de vergaderdatum") })
    }

    // MARK: Atomic

    @Test func failingBuildLeavesTheOldPackUntouched() throws {
        let root = try temporaryDirectory()
        let site = root.appendingPathComponent("site")
        _ = try Self.build(into: site)
        let before = try Self.contents(of: site).files
        // A bijlage that disappears between planning and writing makes the build fail halfway.
        let copy = root.appendingPathComponent("vergadering")
        try FileManager.default.copyItem(at: Package.examples.appendingPathComponent("vergadering"), to: copy)
        let plan = try PackPlan.make(
            meeting: copy.appendingPathComponent("vergadering.yaml").path, output: site.path,
            audience: .openbaar(metContactgegevens: false)
        ).get()
        try FileManager.default.removeItem(at: copy.appendingPathComponent("bijlagen/routekaart-tss.pdf"))
        #expect(throws: PackWriter.Failure.self) {
            try PackWriter(
                plan: plan, templates: Package.templateSet,
                options: .init(output: site.path)
            ).write()
        }
        #expect(try Self.contents(of: site).files == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter {
            $0.hasPrefix(".site.stukken-")
        }
        #expect(leftovers.isEmpty)
    }

    @Test func cliPacksTheExampleAndSaysWhatItDid() throws {
        let dir = try temporaryDirectory().appendingPathComponent("site")
        let result = try CLI.run(["pack", "examples/vergadering/vergadering.yaml", "-o", dir.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("8 agendapunten (7 openbaar, 1 niet openbaar)"))
        let again = try CLI.run(["pack", "examples/vergadering/vergadering.yaml", "-o", dir.path])
        #expect(again.stderr.contains("0 opnieuw gemaakt, 6 ongewijzigd"))
    }

    static func htmlEscaped(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(
            of: ">", with: "&gt;"
        )
        .replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func jsonEscaped(_ s: String) -> String {
        s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "/", with: "\\/")
    }
}

extension Dictionary {
    func mapKeys<K: Hashable>(_ transform: (Key) -> K) -> [K: Value] {
        [K: Value](uniqueKeysWithValues: map { (transform($0.key), $0.value) })
    }
}

@Suite struct SHA256Tests {
    /// FIPS 180-4 test vectors, plus lengths around the 55/56/64-byte padding edges.
    @Test func knownVectors() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(
            SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(
            SHA256.hex([UInt8](repeating: 0x61, count: 1_000))
                == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func chunkedUpdatesEqualOneUpdate() {
        let data = (0..<1_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        for split in [0, 1, 55, 56, 63, 64, 65, 500, 999] {
            var h = SHA256()
            h.update(data[..<split])
            h.update(data[split...])
            #expect(
                h.finalize()
                    == {
                        var g = SHA256()
                        g.update(data)
                        return g.finalize()
                    }())
        }
    }
}
