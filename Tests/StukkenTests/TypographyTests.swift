import Foundation
import Testing

@testable import Stukken

/// Issue 21: hand-labelled lists, footnotes at the foot of the page, cross-references.
/// The HTML of each construct is a golden (screen and print); `check`'s rules are tested
/// through `Stukken.load`, as the command runs them.
@Suite struct TypographyTests {
    /// Every shape the seeds type, nested and inside bullets, plus a skipped letter.
    static let markdown = """
        ## Aanpak

        - a) een te volle cq drukke agenda[^agenda]
        - b) aanpak ondermijning met de focus op:
          - 1) drugs/hennepteelt en
          - 2) aanpak malafide zorgbureaus
        - c) versterken informatiepositie

        1) eerste
        2) tweede

        - een opsomming
          - a) met daarin
          - b) een lijst met letters

        * a) overgeslagen
        * c) letter

        Zie [](#aanpak) en [de aanpak](#aanpak).[^tweede]

        [^agenda]: te weinig *focus*, te veel urgente onderwerpen
        [^tweede]: de tweede noot

        """

    @Test func screenGolden() {
        assertGolden(CommonMark.html(Self.markdown).html, named: "typografie-scherm.html")
    }

    @Test func printGolden() {
        assertGolden(CommonMark.html(Self.markdown, print: true).html, named: "typografie-druk.html")
    }

    @Test func letteredListsBecomeOrderedLists() {
        let html = CommonMark.html(Self.markdown).html
        #expect(html.contains("<ol type=\"a\" class=\"haakje\">"))
        #expect(html.contains("<ol class=\"haakje\">"))
        #expect(!html.contains("a) een te volle"), "the typed label leaves the text")
        #expect(html.contains("a) overgeslagen"), "a list that skips a letter stays as typed")
        #expect(html.components(separatedBy: "<ol type=\"a\" class=\"haakje\">").count == 3, "top level and nested")
    }

    @Test func printMovesNotesToTheirCallsWithoutBackLinks() {
        let html = CommonMark.html(Self.markdown, print: true).html
        #expect(
            html.contains("agenda<span class=\"voetnoot\">te weinig <em>focus</em>, te veel urgente onderwerpen</span>")
        )
        #expect(!html.contains("↩"))
        #expect(!html.contains("class=\"footnotes\""))
        let screen = CommonMark.html(Self.markdown).html
        #expect(screen.contains("<section class=\"footnotes\""), "on screen the notes stay endnotes")
    }

    @Test func referenceSaysItsOwnWords() {
        let screen = CommonMark.html(Self.markdown).html
        #expect(screen.contains("Zie <a href=\"#aanpak\">Aanpak</a> en <a href=\"#aanpak\">de aanpak</a>."))
        let print = CommonMark.html(Self.markdown, print: true).html
        #expect(print.contains("Zie <a class=\"verwijzing\" href=\"#aanpak\">pagina </a> en"))
    }

    /// The notitie example's path: read "as" that file, its `bij:` finds the voorstel beside it.
    static let notitiePath = Package.examples.appendingPathComponent("notitie-doorontwikkeling-ivz.yaml").path

    static func notitie(replacing old: String, with new: String) throws -> String {
        let text = try String(contentsOfFile: notitiePath, encoding: .utf8)
        #expect(text.contains(old))
        return text.replacingOccurrences(of: old, with: new)
    }

    @Test func brokenReferenceIsALocatedErrorWithSuggestion() throws {
        let yaml = try Self.notitie(replacing: "(#speerpunt-3-aanpak", with: "(#speerpunt-3-aanpk")
        let found = diagnostics(yaml).filter { $0.code == .brokenReference }
        #expect(found.count == 1)
        let d = try #require(found.first)
        #expect(d.severity == .error)
        #expect(d.field == "inhoud" && d.line != nil)
        #expect(d.message.contains("'#speerpunt-3-aanpk-georganiseerde-hennepcultuur-en-drugsbeleid'"))
        #expect(d.message.contains("bedoelde u '#speerpunt-3-aanpak-georganiseerde-hennepcultuur-en-drugsbeleid'?"))
        #expect(d.message.contains("regel "))
        guard case .failure(let failure) = load(yaml, name: Self.notitiePath) else {
            Issue.record("a broken reference must stop the stuk")
            return
        }
        #expect(failure.diagnostics.map(\.code) == [.brokenReference], "stopped by the reference alone")
    }

    @Test func referenceToNothingNamesTheHeadings() {
        let yaml = """
            soort: memo
            openbaar: ja
            titel: Verwijzing
            opmaak: memo
            onderwerp: verwijzingen
            aan: het DVO
            van: de secretaris
            datum: 2021-03-05
            inhoud: |
              ## Inleiding

              Zie [](#slot).
            """
        let found = diagnostics(yaml).filter { $0.code == .brokenReference }
        #expect(found.count == 1)
        #expect(found.first?.message.contains("#inleiding") == true)
        #expect(found.first?.message.contains("regel 3 van veld 'inhoud'") == true)
    }

    @Test func misorderedLettersAreALocatedWarning() throws {
        let yaml = try Self.notitie(
            replacing: "  - c) het opstellen van ondermijningsbeelden",
            with: "  - b) het opstellen van ondermijningsbeelden")
        guard case .success(let stuk) = load(yaml, name: Self.notitiePath) else {
            Issue.record("a warning must not stop the stuk")
            return
        }
        let found = stuk.warnings.filter { $0.code == .misorderedListLabels }
        #expect(found.count == 1)
        #expect(found.first?.severity == .warning)
        #expect(found.first?.message.contains("a) b) b) d)") == true)
        #expect(stuk.warnings.allSatisfy { $0.code != .brokenReference })
    }

    @Test func theExamplesHaveNoTypographyDiagnostics() throws {
        for name in Package.exampleFiles {
            let stuk = try loadExample(name)
            let codes = stuk.warnings.map(\.code)
            #expect(!codes.contains(.misorderedListLabels) && !codes.contains(.brokenReference), "\(name)")
        }
    }
}
