import Foundation
import Testing

@testable import Stukken

/// A pack is written as it is made: the plan keeps loaded documents only within a fixed
/// budget, pages go to disk as they are rendered, the ZIP is assembled a batch at a time,
/// the manifest is written without Foundation's dictionaries. These tests hold what that must not change.
@Suite(.serialized) struct PackStreamingTests {
    /// The meeting folder of the examples, copied so a test may change a stuk.
    static func copiedMeeting() throws -> URL {
        let dir = try temporaryDirectory().appendingPathComponent("vergadering")
        try FileManager.default.copyItem(at: Package.examples.appendingPathComponent("vergadering"), to: dir)
        return dir
    }

    // MARK: Manifest

    static let jsonOptions: JSONSerialization.WritingOptions = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]

    /// The hand-written manifest is byte for byte what `JSONSerialization` wrote before.
    @Test func manifestIsWhatJSONSerializationWrites() throws {
        let out = try temporaryDirectory().appendingPathComponent("site")
        _ = try PackTests.build(into: out)
        let written = try Data(contentsOf: out.appendingPathComponent("manifest.json"))
        let object = try JSONSerialization.jsonObject(with: written)
        let foundation = try JSONSerialization.data(withJSONObject: object, options: Self.jsonOptions) + Data("\n".utf8)
        #expect(written == foundation)
    }

    /// Titles with every character JSON escapes, and some it must leave alone.
    @Test(arguments: [
        "gewoon", "aanhalings\"teken en \\ backslash", "a/b <c> & 'd'", "regel\neen\r\ttab",
        "\u{0}\u{1}\u{8}\u{c}\u{1f}\u{7f}",
        "één — “quotes” € 😀 \u{2028}\u{2029}", "",
    ])
    func manifestEscapesAsJSONSerialization(titel: String) throws {
        let plan = try PackTests.plan()
        let files = [
            PackFile(
                path: "a.html", data: Data("x".utf8), titel: titel, soort: "voorstel", agendapunt: titel, bron: "b"),
            PackFile(path: "index.html", data: Data(), titel: "Agenda", soort: "agenda", agendapunt: nil, bron: nil),
        ]
        let ours = Manifest.json(vergadering: plan.vergadering, soort: "openbaar", zip: "z.zip", files: files)
        let object = try JSONSerialization.jsonObject(with: ours)
        #expect(
            ours == (try JSONSerialization.data(withJSONObject: object, options: Self.jsonOptions)) + Data("\n".utf8))
        let parsed = try #require((object as? [String: Any])?["bestanden"] as? [[String: Any]])
        #expect(parsed.first?["titel"] as? String == titel)
    }

    // MARK: A stuk changed between check and page

    /// Beyond the retention budget (here none) a page is made from a text read again. When
    /// it differs from the text the plan checked, nothing is published and the previous
    /// pack stays as it was.
    @Test func aStukChangedAfterTheCheckIsRefused() throws {
        let meeting = try Self.copiedMeeting()
        let out = meeting.deletingLastPathComponent().appendingPathComponent("site")
        let plan = try PackPlan.make(
            meeting: meeting.appendingPathComponent("vergadering.yaml").path, output: out.path,
            audience: .openbaar(metContactgegevens: false),
            retention: Retention(bytes: 0)
        ).get()
        #expect(plan.items.allSatisfy { $0.stuk?.retained == nil })
        _ = try PackWriter(
            plan: plan, templates: Package.templateSet,
            options: .init(output: out.path)
        ).write()
        let before = try PackTests.contents(of: out).files

        // A valid change: only the check of what was planned can catch it.
        let stuk = meeting.appendingPathComponent("stukken/e3-ts-s.yaml")
        try (String(contentsOf: stuk, encoding: .utf8) + "# gewijzigd na de controle\n").write(
            to: stuk, atomically: true, encoding: .utf8)
        #expect {
            _ = try PackWriter(
                plan: plan, templates: Package.templateSet,
                options: .init(output: out.path)
            ).write()
        } throws: { error in
            String(describing: error).contains("e3-ts-s.yaml is gewijzigd sinds het gecontroleerd werd")
        }
        #expect(try PackTests.contents(of: out).files == before)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: meeting.deletingLastPathComponent().path).sorted() == [
                "site", "vergadering",
            ])
    }

    /// Within the budget the plan keeps the stuk it checked, and the page shows that text
    /// even when the file changes before the page is made (nothing unchecked is published).
    @Test func aKeptStukIsPublishedAsChecked() throws {
        let meeting = try Self.copiedMeeting()
        let out = meeting.deletingLastPathComponent().appendingPathComponent("site")
        let plan = try PackPlan.make(
            meeting: meeting.appendingPathComponent("vergadering.yaml").path, output: out.path,
            audience: .openbaar(metContactgegevens: false)
        ).get()
        let item = try #require(plan.items.first { $0.stuk?.path.hasSuffix("e3-ts-s.yaml") == true })
        #expect(item.stuk?.retained != nil)
        let stuk = meeting.appendingPathComponent("stukken/e3-ts-s.yaml")
        let original = try String(contentsOf: stuk, encoding: .utf8)
        let titel = try #require(item.stuk?.retained?.document.titel)
        try original.replacingOccurrences(of: titel, with: "Gewijzigd na de controle").write(
            to: stuk, atomically: true, encoding: .utf8)
        _ = try PackWriter(
            plan: plan, templates: Package.templateSet,
            options: .init(output: out.path)
        ).write()
        let page = String(
            decoding: try #require(try PackTests.contents(of: out).files[PackLayout.page(item.agendapunt)]),
            as: UTF8.self)
        #expect(!page.contains("Gewijzigd na de controle"))
        #expect(page.contains(Self.htmlEscaped(titel)))
    }

    /// Kept or loaded again, a stuk makes the same pack, byte for byte (public and members').
    @Test func keptAndReloadedStukkenMakeTheSamePack() throws {
        let meeting = Package.examples.appendingPathComponent("vergadering/vergadering.yaml").path
        for audience in [PackAudience.openbaar(metContactgegevens: false), .besloten] {
            var packs: [[String: Data]] = []
            for budget in [Retention.defaultBytes, 0] {
                let out = try temporaryDirectory().appendingPathComponent("site")
                let plan = try PackPlan.make(
                    meeting: meeting, output: out.path, audience: audience, retention: Retention(bytes: budget)
                ).get()
                #expect(plan.items.contains { $0.stuk?.retained != nil } == (budget > 0))
                _ = try PackWriter(
                    plan: plan, templates: Package.templateSet, options: .init(output: out.path)
                ).write()
                packs.append(try PackTests.contents(of: out).files)
            }
            #expect(packs[0] == packs[1], "audience: \(audience)")
            #expect(packs[0].count > 5)
        }
    }

    /// A public plan keeps no loaded stuk it will not publish: not a non-public item's,
    /// nor a non-public bijlage's (so none can reach a page by mistake).
    @Test func aPublicPlanKeepsNoNonPublicStuk() throws {
        let folder = try Self.copiedMeeting()
        // A public stuk with a stuk as bijlage that is not public.
        let e3 = folder.appendingPathComponent("stukken/e3-ts-s.yaml")
        let text = try String(contentsOf: e3, encoding: .utf8)
        #expect(text.contains("    openbaar: nee\nondertekening:"))
        try text.replacingOccurrences(
            of: "    openbaar: nee\nondertekening:",
            with:
                "    openbaar: nee\n  - titel: Geheime notitie\n    bestand: e7-evaluatie-dashboard.yaml\n    openbaar: nee\nondertekening:"
        ).write(to: e3, atomically: true, encoding: .utf8)
        let meeting = folder.appendingPathComponent("vergadering.yaml").path

        let plan = try PackPlan.make(meeting: meeting, output: nil, audience: .openbaar(metContactgegevens: false))
            .get()
        #expect(plan.items.contains { !$0.openbaar })
        for item in plan.items where !item.openbaar {
            #expect(item.stuk.map { $0.retained == nil } ?? true, "\(item.agendapunt)")
        }
        let hidden = plan.items.flatMap(\.bijlagen).filter { !$0.openbaar }.compactMap { b -> PlannedStuk? in
            if case .stuk(let s) = b.content { s } else { nil }
        }
        #expect(hidden.count == 1)
        #expect(hidden.allSatisfy { $0.retained == nil })
        #expect(plan.items.filter(\.openbaar).allSatisfy { $0.stuk == nil || $0.stuk?.retained != nil })

        let members = try PackPlan.make(meeting: meeting, output: nil, audience: .besloten).get()
        #expect(members.items.filter { !$0.openbaar }.allSatisfy { $0.stuk?.retained != nil })
        #expect(
            members.items.flatMap(\.bijlagen).contains { b in
                if case .stuk(let s) = b.content { !b.openbaar && s.retained != nil } else { false }
            })
    }

    /// What a page is made from decides whether the next build may take it from the last
    /// pack: each input alone changes its `bron` (the agendapunt too, which a page name
    /// does not show: `E 7` and `E-7` share one).
    @Test func everyInputOfAPageChangesItsBron() throws {
        let meeting = Package.examples.appendingPathComponent("vergadering/vergadering.yaml").path
        let plan = try PackPlan.make(meeting: meeting, output: nil, audience: .openbaar(metContactgegevens: false))
            .get()
        let job = try #require(PublicPack.entries(plan, metContactgegevens: false).compactMap(\.page).first)
        let stuk = try job.load()
        let base = PackWriter.bron(of: job, stuk, fingerprint: "f", jsonLD: nil)
        #expect(base == PackWriter.bron(of: job, stuk, fingerprint: "f", jsonLD: nil))
        var changed: [String] = []
        for change in 0..<6 {
            var other = job
            var fingerprint = "f"
            var jsonLD: String? = nil
            var record = stuk.record
            switch change {
            case 0: other.path += "x"
            case 1: other.terug += "x"
            case 2: other.agendapunt += " "
            case 3: other.nietOpenbaar.toggle()
            case 4: fingerprint = "g"
            default:
                jsonLD = "{}"
                record.values["onderwerp"] = .text("Een ander onderwerp")
            }
            changed.append(PackWriter.bron(of: other, stuk, fingerprint: fingerprint, jsonLD: jsonLD))
            if change == 5 {
                changed.append(PackWriter.bron(of: job, stuk.with(record: record), fingerprint: "f", jsonLD: nil))
            }
        }
        #expect(Set(changed + [base]).count == changed.count + 1)
    }

    static func htmlEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
    }

    // MARK: ZIP across batches

    /// More files than one batch of the ZIP writer: Info-ZIP finds every entry whole, and
    /// the entries are the folder's files.
    @Test func aZipOfManyBatchesIsWhole() throws {
        let meeting = try Self.copiedMeeting()
        var yaml = "soort: vergadering\norgaan: AB\ndatum: 2016-10-10\nagenda:\n"
        let count = DeterministicZip.batch * 2 + 7
        for i in 1...count { yaml += "  - agendapunt: P\(i)\n    stuk: stukken/e7-evaluatie-dashboard.yaml\n" }
        let file = meeting.appendingPathComponent("veel.yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        let out = meeting.deletingLastPathComponent().appendingPathComponent("site")
        let result = try CLI.run(["pack", file.path, "-o", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let (files, zip) = try PackTests.contents(of: out)
        #expect(files.filter { !$0.key.hasSuffix(".zip") } == zip)
        #expect(zip.count == count + 3)  // the pages, index.html, stijl.css, manifest.json
        let zipName = try #require(files.keys.first { $0.hasSuffix(".zip") })
        let tested = try PDFTools.run("unzip", ["-tq", out.appendingPathComponent(zipName).path])
        #expect(tested.contains("No errors detected"), "\(tested)")
    }

    // MARK: What a bijlage page lists (review)

    /// A memo published as a bijlage lists its own bijlagen; one it marks `openbaar: nee`
    /// stays out of the public pack (title and file), and is marked in the members' pack.
    @Test func aBijlageOfABijlageMarkedNietOpenbaarIsWithheld() throws {
        let meeting = try Self.copiedMeeting()
        let memo = meeting.appendingPathComponent("stukken/memo-coalitieakkoorden.yaml")
        try
            (String(contentsOf: memo, encoding: .utf8)
            + "bijlagen:\n  - titel: Geheime geneste bijlage\n    bestand: ../bijlagen/financieel-overzicht-partners.pdf\n    openbaar: nee\n")
            .write(to: memo, atomically: true, encoding: .utf8)
        let file = meeting.appendingPathComponent("vergadering.yaml").path
        let site = meeting.deletingLastPathComponent().appendingPathComponent("site")
        let open = try CLI.run(["pack", file, "-o", site.path])
        #expect(open.status == 0, "\(open.stderr)")
        let (files, zip) = try PackTests.contents(of: site)
        for (name, data) in files.merging(zip.mapKeys { "zip:" + $0 }, uniquingKeysWith: { a, _ in a }) {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("Geheime geneste bijlage") && !text.contains("geheime-geneste"), "\(name)")
        }
        let page = try #require(files.first { $0.key.hasPrefix("e5-bijlagen/") && $0.key.hasSuffix(".html") }?.value)
        #expect(String(decoding: page, as: UTF8.self).contains("Bijlage 1 (niet openbaar)"))

        let members = meeting.deletingLastPathComponent().appendingPathComponent("leden")
        let closed = try CLI.run(["pack", file, "-o", members.path, "--besloten"])
        #expect(closed.status == 0, "\(closed.stderr)")
        let memberPage = try #require(
            try PackTests.contents(of: members).files.first {
                $0.key.hasPrefix("e5-bijlagen/") && $0.key.hasSuffix(".html")
            }?.value)
        let text = String(decoding: memberPage, as: UTF8.self)
        // The mark in the text itself (the page links its stylesheet: no CSS text to match).
        #expect(text.contains("<em>Geheime geneste bijlage</em> (niet openbaar)"))
    }

    /// A file bijlage replaced after the check (here by a symlink to another file) is
    /// refused rather than copied.
    @Test func aFileBijlageReplacedAfterTheCheckIsRefused() throws {
        let meeting = try Self.copiedMeeting()
        let out = meeting.deletingLastPathComponent().appendingPathComponent("site")
        let plan = try PackPlan.make(
            meeting: meeting.appendingPathComponent("vergadering.yaml").path, output: out.path,
            audience: .openbaar(metContactgegevens: false)
        ).get()
        let pdfs = plan.items.flatMap(\.bijlagen).filter(\.openbaar).compactMap { b -> PlannedFile? in
            if case .file(let f, _) = b.content { f } else { nil }
        }
        let target = try #require(pdfs.first)
        let elsewhere = meeting.deletingLastPathComponent().appendingPathComponent("ander.pdf")
        try Data("%PDF-1.4 een ander bestand".utf8).write(to: elsewhere)
        try FileManager.default.removeItem(at: target.url)
        try FileManager.default.createSymbolicLink(at: target.url, withDestinationURL: elsewhere)
        #expect {
            _ = try PackWriter(
                plan: plan, templates: Package.templateSet,
                options: .init(output: out.path)
            ).write()
        } throws: { error in
            String(describing: error).contains(
                "\(target.url.lastPathComponent) is gewijzigd sinds het gecontroleerd werd")
        }
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    /// Two agendapunten that would share one page name are refused by the plan.
    @Test func agendapuntenWithOnePageNameAreRefused() throws {
        let meeting = try Self.copiedMeeting()
        let file = meeting.appendingPathComponent("dubbel.yaml")
        try
            "soort: vergadering\norgaan: AB\ndatum: 2016-10-10\nagenda:\n  - agendapunt: E 7\n    titel: Een\n  - agendapunt: E-7\n    titel: Twee\n"
            .write(to: file, atomically: true, encoding: .utf8)
        guard
            case .failure(let error) = PackPlan.make(
                meeting: file.path, output: nil, audience: .openbaar(metContactgegevens: false))
        else {
            Issue.record("the plan accepted two agendapunten for e-7.html")
            return
        }
        #expect(
            error.diagnostics.contains {
                $0.line == 7 && $0.message.contains("'E-7' staat al eerder op de agenda (als 'E 7')")
            }, "\(error)")
    }

    /// The agenda's rows are made lazily; a custom template may still ask for their count.
    @Test func agendaRowsTakeTheArrayTransforms() {
        let rows = LazyRows(base: 0..<3) { ["n": $0] }
        #expect(rows.transform("count") as? Int == 3)
        #expect(rows.transform("empty") as? Bool == false)
        #expect((rows.transform("first") as? [String: Any])?["n"] as? Int == 0)
        #expect((rows.transform("last") as? [String: Any])?["n"] as? Int == 2)
        #expect((rows.transform("reversed") as? [[String: Any]])?.compactMap { $0["n"] as? Int } == [2, 1, 0])
    }
}
