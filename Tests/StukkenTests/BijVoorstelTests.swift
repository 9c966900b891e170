import Foundation
import Testing

@testable import Stukken

/// A notitie's `bij:` naming its voorstel's YAML (issue 19, item 4): the voorstel's whole
/// heading block as seed 004, the public profile applied, located errors, pack agreement.
@Suite struct BijVoorstelTests {
    static let voorstel = """
        soort: voorstel
        orgaan: DVO
        onderwerp: Doorontwikkeling samenwerking IVZ
        agendapunt: E01A
        datum: 2016-10-10
        openbaar: ja
        behandeld_door: J. Slot
        telefoonnummer: "06 - 13009389"
        portefeuillehouder: G.J. Kok
        voorstel:
          - Instemmen met de notitie
        bijlagen:
          - titel: Notitie
            bestand: notitie.yaml

        """

    static func notitie(bij: String) -> String {
        """
        soort: notitie
        openbaar: ja
        titel: Notitie
        datum: 2016-10-10
        bij: \(bij)
        inhoud: |
          ## 1 Inleiding

          Tekst.

        """
    }

    /// A meeting folder: `vergadering.yaml`, the voorstel listing the notitie, and `files`.
    static func meeting(_ files: [String: String]) throws -> URL {
        let folder = try temporaryDirectory().appendingPathComponent("dvo")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let all = [
            "vergadering.yaml":
                "soort: vergadering\norgaan: DVO\ndatum: 2016-10-10\nagenda:\n  - stuk: voorstel.yaml\n",
            "voorstel.yaml": voorstel, "notitie.yaml": notitie(bij: "voorstel.yaml"),
        ].merging(files) { _, new in new }
        for (name, text) in all {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
        return folder
    }

    static func errors(_ folder: URL, _ file: String = "notitie.yaml") -> [Diagnostic] {
        if case .failure(let e) = Stukken.load(path: folder.appendingPathComponent(file).path) { return e.diagnostics }
        return []
    }

    @Test func theNotitieShowsItsVoorstelsWholeHeadingBlock() throws {
        let folder = try Self.meeting([:])
        let stuk = try Stukken.load(path: folder.appendingPathComponent("notitie.yaml").path).get()
        let markdown = Stukken.markdown(stuk, templates: Package.templateSet).text
        for row in [
            "| VOORSTEL | Districtelijk Veiligheidsoverleg Twente |",
            "| ONDERWERP | Doorontwikkeling samenwerking IVZ |",
            "| AGENDAPUNT | E01A |", "| DATUM | 10 oktober 2016 |", "| OPENBAAR | ja |", "| BEHANDELD DOOR | J. Slot |",
            "| REGISTRATIENUMMER | \\- |", "| TELEFOONNUMMER | 06 - 13009389 |", "| PORTEFEUILLEHOUDER | G.J. Kok |",
        ] {
            #expect(markdown.contains(row), "\(row)")
        }
        #expect(
            stuk.document.printHeader.subject
                == "Notitie bij het voorstel aan het Districtelijk Veiligheidsoverleg Twente, agendapunt E01A")
    }

    @Test func theMappingFormStillWorks() throws {
        let yaml = Self.notitie(
            bij: "\n  onderwerp: Doorontwikkeling samenwerking IVZ\n  orgaan: DVO\n  agendapunt: E01A")
        let stuk = try load(yaml).get()
        let html = Stukken.html(stuk, templates: Package.templateSet).html
        #expect(
            html.contains(
                "<th scope=\"row\">Bij voorstel</th><td class=\"onderwerp\">Doorontwikkeling samenwerking IVZ</td>"))
        #expect(html.contains("<th scope=\"row\">Agendapunt</th><td>E01A</td>"))
    }

    @Test func theWebFormReadsNoOtherFileAndSaysWhereTheHeadingComesFrom() throws {
        let source = SourceFile(path: "notitie.yaml", text: Self.notitie(bij: "../geheim/voorstel.yaml"))
        let stuk = try Stukken.load(source, following: false).get()
        let html = Stukken.html(stuk, templates: Package.templateSet).html
        #expect(
            html.contains("../geheim/voorstel.yaml <span class=\"uit-voorstel\">(de kop komt uit het voorstel)</span>"))
        #expect(stuk.reference == nil)
    }

    struct BadBij: Sendable, CustomTestStringConvertible {
        var name: String
        var bij: String
        var files: [String: String] = [:]
        var code: Diagnostic.Code
        var message: String
        var testDescription: String { name }
    }

    static let bad: [BadBij] = [
        .init(
            name: "missing file", bij: "voorstell.yaml", code: .bijVoorstelMissing,
            message: AppendixMessage.voorstelMissing("voorstell.yaml").text),
        .init(
            name: "not a voorstel", bij: "memo.yaml",
            files: [
                "memo.yaml":
                    "soort: memo\nopenbaar: ja\naan: DVO\nvan: Platform\ndatum: 2016-10-10\nonderwerp: x\ninhoud: Tekst.\n"
            ],
            code: .bijNotAVoorstel, message: AppendixMessage.notAVoorstel("memo.yaml", soort: "memo").text),
        .init(
            name: "voorstel with errors", bij: "kapot.yaml", files: ["kapot.yaml": "soort: voorstel\norgaan: DVO\n"],
            code: .bijVoorstelHasErrors, message: AppendixMessage.voorstelHasErrors("kapot.yaml").text),
        .init(
            name: "absolute path", bij: "/etc/passwd", code: .absolutePath,
            message: PackMessage.absolutePath("/etc/passwd").text),
        .init(
            name: "path and fields", bij: "\n  bestand: voorstel.yaml\n  onderwerp: x", code: .bijFileOrFields,
            message: AppendixMessage.bijFileOrFields.text),
        .init(
            name: "fields without orgaan", bij: "\n  onderwerp: x", code: .bijFileOrFields,
            message: AppendixMessage.bijFileOrFields.text),
    ]

    @Test(arguments: bad) func aBadBijIsALocatedError(_ c: BadBij) throws {
        let folder = try Self.meeting(c.files.merging(["notitie.yaml": Self.notitie(bij: c.bij)]) { a, _ in a })
        let found = Self.errors(folder)
        let d = try #require(found.first, "no error")
        #expect(d.code == c.code)
        #expect(d.message == c.message)
        #expect(d.line == 5 || d.line == 6, "line \(d.line ?? 0)")
        #expect(d.field == "bij")
        if c.code == .bijVoorstelHasErrors { #expect(found.contains { $0.file.hasSuffix("kapot.yaml") }) }
    }
}

/// `bij:` in a pack: contact details follow the public profile, the path obeys the meeting
/// folder, and the voorstel listing the notitie is the one its `bij:` names.
@Suite struct BijVoorstelPackTests {
    static func pack(_ folder: URL, _ audience: PackAudience) throws -> String {
        let out = folder.deletingLastPathComponent().appendingPathComponent("site-\(audience.name)")
        let plan = try PackPlan.make(
            meeting: folder.appendingPathComponent("vergadering.yaml").path, output: out.path, audience: audience
        ).get()
        _ = try PackWriter(plan: plan, templates: Package.templateSet, options: .init(output: out.path)).write()
        let page = out.appendingPathComponent("e01a-bijlagen/1-notitie.html")
        return try String(contentsOf: page, encoding: .utf8)
    }

    static func planErrors(_ folder: URL) -> [Diagnostic] {
        let meeting = folder.appendingPathComponent("vergadering.yaml").path
        if case .failure(let e) = PackPlan.make(
            meeting: meeting, output: nil, audience: .openbaar(metContactgegevens: false))
        {
            return e.diagnostics
        }
        return []
    }

    @Test func thePublicProfileAppliesToTheVoorstelsValues() throws {
        let folder = try BijVoorstelTests.meeting([:])
        let row = { (name: String) in "<tr><th scope=\"row\">BEHANDELD DOOR</th><td>\(name)</td></tr>" }
        let phone = { (n: String) in "<tr><th scope=\"row\">TELEFOONNUMMER</th><td>\(n)</td></tr>" }
        let publicPage = try Self.pack(folder, .openbaar(metContactgegevens: false))
        #expect(publicPage.contains(row("-")) && publicPage.contains(phone("-")))
        #expect(!publicPage.contains("J. Slot") && !publicPage.contains("13009389"))
        let withContacts = try Self.pack(folder, .openbaar(metContactgegevens: true))
        #expect(withContacts.contains(row("J. Slot")) && withContacts.contains(phone("06 - 13009389")))
        let members = try Self.pack(folder, .besloten)
        #expect(members.contains(row("J. Slot")))
    }

    /// A public notitie as an agenda item of its own whose `bij:` names a non-public
    /// voorstel: the public page shows neither the voorstel's heading nor its file name.
    @Test func aNonPublicVoorstelIsWithheldFromAPublicNotitie() throws {
        let secret = BijVoorstelTests.voorstel.replacingOccurrences(of: "openbaar: ja", with: "openbaar: nee")
        #expect(secret != BijVoorstelTests.voorstel)
        let folder = try BijVoorstelTests.meeting(["geheim-besluit.yaml": secret])
        try Data(BijVoorstelTests.notitie(bij: "geheim-besluit.yaml").utf8).write(
            to: folder.appendingPathComponent("notitie.yaml"))
        try """
        soort: vergadering
        orgaan: DVO
        datum: 2016-10-10
        agenda:
          - agendapunt: E2
            stuk: notitie.yaml
        """.write(to: folder.appendingPathComponent("vergadering.yaml"), atomically: true, encoding: .utf8)
        let out = folder.deletingLastPathComponent().appendingPathComponent("site-geheim")
        let plan = try PackPlan.make(
            meeting: folder.appendingPathComponent("vergadering.yaml").path, output: out.path,
            audience: .openbaar(metContactgegevens: false)
        ).get()
        _ = try PackWriter(plan: plan, templates: Package.templateSet, options: .init(output: out.path)).write()
        let page = try String(contentsOf: out.appendingPathComponent("e2.html"), encoding: .utf8)
        let onderwerp = try #require(
            secret.split(separator: "\n").first { $0.hasPrefix("onderwerp: ") }?.dropFirst("onderwerp: ".count))
        #expect(!page.contains(String(onderwerp)))
        #expect(!page.contains("geheim-besluit"))
        #expect(page.contains("Tekst."), "the notitie itself is published")
    }

    @Test func aNotitieListedByAnotherVoorstelIsRefused() throws {
        let folder = try BijVoorstelTests.meeting([
            "ander.yaml": BijVoorstelTests.voorstel, "notitie.yaml": BijVoorstelTests.notitie(bij: "ander.yaml"),
        ])
        let d = try #require(Self.planErrors(folder).first { $0.code == .bijDisagrees })
        #expect(d.line == 5 && d.field == "bij")
        #expect(d.message.contains("'ander.yaml'"))
    }

    @Test func aBijPathLeavingTheMeetingFolderIsRefused() throws {
        let folder = try BijVoorstelTests.meeting(["notitie.yaml": BijVoorstelTests.notitie(bij: "../buiten.yaml")])
        try Data(BijVoorstelTests.voorstel.utf8).write(
            to: folder.deletingLastPathComponent().appendingPathComponent("buiten.yaml"))
        let d = try #require(Self.planErrors(folder).first { $0.field == "bij" })
        #expect(d.code == .parentPath, "\(d)")
    }
}
