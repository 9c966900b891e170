import Foundation
import Testing

@testable import Stukken

/// A pack is written as it is made: the plan keeps no loaded document, pages go to disk as
/// they are rendered, the ZIP is assembled a batch at a time, the manifest is written
/// without Foundation's dictionaries. These tests hold what that must not change.
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
        "gewoon", "aanhalings\"teken en \\ backslash", "a/b <c> & 'd'", "regel\neen\r\ttab", "\u{0}\u{1}\u{8}\u{c}\u{1f}\u{7f}",
        "één — “quotes” € 😀 \u{2028}\u{2029}", "",
    ])
    func manifestEscapesAsJSONSerialization(titel: String) throws {
        let plan = try PackTests.plan()
        let files = [
            PackFile(path: "a.html", data: Data("x".utf8), titel: titel, soort: "voorstel", agendapunt: titel, bron: "b"),
            PackFile(path: "index.html", data: Data(), titel: "Agenda", soort: "agenda", agendapunt: nil, bron: nil),
        ]
        let ours = Manifest.json(vergadering: plan.vergadering, soort: "openbaar", zip: "z.zip", files: files)
        let object = try JSONSerialization.jsonObject(with: ours)
        #expect(ours == (try JSONSerialization.data(withJSONObject: object, options: Self.jsonOptions)) + Data("\n".utf8))
        let parsed = try #require((object as? [String: Any])?["bestanden"] as? [[String: Any]])
        #expect(parsed.first?["titel"] as? String == titel)
    }

    // MARK: A stuk changed between check and page

    /// The plan checked one text; a page is made from a text read again. When they differ,
    /// nothing is published and the previous pack stays as it was.
    @Test func aStukChangedAfterTheCheckIsRefused() throws {
        let meeting = try Self.copiedMeeting()
        let out = meeting.deletingLastPathComponent().appendingPathComponent("site")
        let plan = try PackPlan.make(meeting: meeting.appendingPathComponent("vergadering.yaml").path, output: out.path, forPublic: true).get()
        _ = try PackWriter(plan: plan, templates: Package.templateSet, options: .init(output: out.path, audience: .openbaar(metContactgegevens: false))).write()
        let before = try PackTests.contents(of: out).files

        // A valid change: only the check of what was planned can catch it.
        let stuk = meeting.appendingPathComponent("stukken/e3-ts-s.yaml")
        try (String(contentsOf: stuk, encoding: .utf8) + "# gewijzigd na de controle\n").write(to: stuk, atomically: true, encoding: .utf8)
        #expect {
            _ = try PackWriter(plan: plan, templates: Package.templateSet, options: .init(output: out.path, audience: .openbaar(metContactgegevens: false))).write()
        } throws: { error in
            String(describing: error).contains("e3-ts-s.yaml is gewijzigd sinds het gecontroleerd werd")
        }
        #expect(try PackTests.contents(of: out).files == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: meeting.deletingLastPathComponent().path).sorted() == ["site", "vergadering"])
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
        #expect(zip.count == count + 2)
        let zipName = try #require(files.keys.first { $0.hasSuffix(".zip") })
        let tested = try PDFTools.run("unzip", ["-tq", out.appendingPathComponent(zipName).path])
        #expect(tested.contains("No errors detected"), "\(tested)")
    }
}
