import Foundation
import Testing

@testable import Stukken

/// A valid AB-voorstel to break one field at a time.
let validVoorstel = """
    soort: voorstel
    orgaan: AB
    onderwerp: Verantwoording TS&S
    agendapunt: E3
    datum: 2016-10-10
    openbaar: ja
    behandeld_door: H. Meuleman
    portefeuillehouder: Burgemeester Hofland
    voorstel:
      - Instemmen met de verantwoording
    toelichting: |
      Medio 2014 is gestart.
    """

/// Replaces one line of `validVoorstel` (by its key) or appends lines.
func voorstel(replacing key: String? = nil, with line: String? = nil, appending extra: String = "") -> String {
    var lines = validVoorstel.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if let key, let index = lines.firstIndex(where: { $0.hasPrefix(key + ":") }) {
        if let line { lines[index] = line } else { lines.remove(at: index) }
    }
    return lines.joined(separator: "\n") + (extra.isEmpty ? "" : "\n" + extra)
}

struct DiagnosticCase: CustomTestStringConvertible, Sendable {
    var name: String
    var yaml: String
    var line: Int?
    var column: Int?
    var message: String
    var testDescription: String { name }
}

/// Table-driven: each bad input pins the first error's line, column and exact message.
@Suite struct DiagnosticTests {
    static let cases: [DiagnosticCase] = [
        .init(
            name: "unknown key with suggestion", yaml: voorstel(appending: "portefeulliehouder: x"), line: 13,
            column: 1,
            message: "STK022: onbekend veld 'portefeulliehouder'; bedoelde u 'portefeuillehouder'?"),
        .init(
            name: "wrong case key", yaml: voorstel(appending: "Openbaar: nee"), line: 13, column: 1,
            message: "STK022: onbekend veld 'Openbaar'; bedoelde u 'openbaar'?"),
        .init(
            name: "missing required field", yaml: voorstel(replacing: "behandeld_door"), line: 1, column: 1,
            message:
                "STK023: verplicht veld 'behandeld_door' (BEHANDELD DOOR) ontbreekt; voeg toe: behandeld_door: H. Meuleman"
        ),
        .init(
            name: "missing openbaar is an error, never public", yaml: voorstel(replacing: "openbaar"), line: 1,
            column: 1,
            message: "STK023: verplicht veld 'openbaar' (OPENBAAR) ontbreekt; voeg toe: openbaar: ja"),
        .init(
            name: "empty openbaar", yaml: voorstel(replacing: "openbaar", with: "openbaar:"), line: 6, column: 10,
            message: "STK024: verplicht veld 'openbaar' (OPENBAAR) is leeg; vul het in"),
        .init(
            name: "YAML boolean for openbaar", yaml: voorstel(replacing: "openbaar", with: "openbaar: no"), line: 6,
            column: 11,
            message:
                "STK029: veld 'openbaar' moet 'ja' of 'nee' zijn, niet 'no' (YAML-waarden als yes/no/true/false worden niet geraden)"
        ),
        .init(
            name: "capitalised Ja", yaml: voorstel(replacing: "openbaar", with: "openbaar: Ja"), line: 6, column: 11,
            message: "STK029: veld 'openbaar' moet 'ja' of 'nee' zijn (kleine letters), niet 'Ja'; bedoelde u 'ja'?"),
        .init(
            name: "impossible ISO date", yaml: voorstel(replacing: "datum", with: "datum: 2016-13-45"), line: 5,
            column: 8,
            message:
                "STK028: ongeldige datum '2016-13-45' in veld 'datum': maand 13 bestaat niet; schrijf 2016-10-10 of 10 oktober 2016"
        ),
        .init(
            name: "impossible leap day", yaml: voorstel(replacing: "datum", with: "datum: 29 februari 2017"), line: 5,
            column: 8,
            message:
                "STK028: ongeldige datum '29 februari 2017' in veld 'datum': februari 2017 heeft geen dag 29; schrijf 2016-10-10 of 10 oktober 2016"
        ),
        .init(
            name: "not a date", yaml: voorstel(replacing: "datum", with: "datum: volgende week"), line: 5, column: 8,
            message: "STK027: 'volgende week' in veld 'datum' is geen datum; schrijf 2016-10-10 of 10 oktober 2016"),
        .init(
            name: "orgaan misspelt", yaml: voorstel(replacing: "orgaan", with: "orgaan: DV0"), line: 2, column: 9,
            message: "STK030: veld 'orgaan' moet een van 'AB', 'DVO' zijn, niet 'DV0'; bedoelde u 'DVO'?"),
        .init(
            name: "empty voorstel list",
            yaml: voorstel(replacing: "voorstel", with: "voorstel: []").replacingOccurrences(
                of: "  - Instemmen met de verantwoording\n", with: ""),
            line: 9, column: 11, message: "STK026: veld 'voorstel' moet minstens één punt bevatten"),
        .init(
            name: "list where text expected", yaml: voorstel(replacing: "onderwerp", with: "onderwerp: [a, b]"),
            line: 3, column: 12,
            message: "STK020: veld 'onderwerp' moet tekst zijn, maar is een lijst"),
        .init(
            name: "toelichting required for AB",
            yaml: voorstel(replacing: "toelichting").replacingOccurrences(of: "  Medio 2014 is gestart.", with: ""),
            line: 1, column: 1,
            message:
                "STK023: verplicht veld 'toelichting' (Aan het algemeen bestuur) ontbreekt (verplicht bij orgaan: AB); voeg toe: toelichting: …"
        ),
        .init(
            name: "alias from Markdown emphasis",
            yaml: voorstel(appending: "bijlagen:\n  - *Folder weerbaarheidsscan RIEC ON*"), line: 14, column: 5,
            message:
                "STK010: '*Folder' wordt in YAML gelezen als verwijzing (alias), en verwijzingen zijn niet toegestaan; bedoelt u tekst, zet de waarde dan tussen aanhalingstekens, bijvoorbeeld \"*Folder …*\""
        ),
        .init(
            name: "duplicate key", yaml: voorstel(appending: "openbaar: nee"), line: 13, column: 1,
            message: "STK016: veld 'openbaar' staat twee keer in dezelfde mapping; houd er één"),
        .init(
            name: "unknown soort", yaml: voorstel(replacing: "soort", with: "soort: voorstl"), line: 1, column: 8,
            message:
                "STK031: onbekende soort 'voorstl'; bedoelde u 'voorstel'? (bekende soorten: \(DocumentKinds.names.joined(separator: ", ")))"
        ),
        .init(
            name: "not a mapping", yaml: "- een\n- lijst\n", line: 1, column: 1,
            message: "STK018: het bestand moet uit velden bestaan ('sleutel: waarde'), maar is een lijst"),
        .init(
            name: "bidi override", yaml: voorstel(replacing: "onderwerp", with: "onderwerp: abc\u{202E}def"), line: 3,
            column: 15,
            message:
                "STK009: onzichtbaar stuurteken U+202E in de tekst (vaak meegekomen bij kopiëren uit Word of een pdf); verwijder het"
        ),
        .init(
            name: "tab indentation", yaml: voorstel(appending: "ondertekening:\n\tplaats: Enschede"), line: 14,
            column: 1,
            message:
                "STK014: YAML-fout: een tab waar YAML spaties verwacht; gebruik spaties in plaats van tabs om in te springen"
        ),
        .init(
            name: "two documents", yaml: voorstel(appending: "---\nsoort: memo"), line: 13, column: 1,
            message:
                "STK014: YAML-fout: een tweede document na '---'; een bestand bevat één stuk: verwijder de tweede '---' of splits het bestand"
        ),
        .init(
            name: "empty file", yaml: "", line: nil, column: nil,
            message:
                "STK007: het bestand is leeg; begin met 'soort:' (voorstel, memo, notitie, projectopdracht, projectplan of evaluatie), of maak een nieuw stuk met 'stukken new SOORT'"
        ),
    ]

    @Test(arguments: cases)
    func firstDiagnostic(_ c: DiagnosticCase) throws {
        let found = diagnostics(c.yaml).filter { $0.severity == .error }
        let first = try #require(found.first, "no error for \(c.name)")
        #expect(first.coded == c.message)
        #expect(first.line == c.line)
        #expect(first.column == c.column)
    }

    @Test func everyProblemIsReportedNotJustTheFirst() {
        let yaml =
            voorstel(replacing: "datum", with: "datum: 2016-13-45")
            .replacingOccurrences(of: "openbaar: ja", with: "openbaar: no")
            + "\nonbekend: x"
        let errors = diagnostics(yaml).filter { $0.severity == .error }
        #expect(errors.count == 3)
        #expect(errors.map(\.line) == [5, 6, 13])
    }

    @Test func validVoorstelHasNoDiagnostics() {
        #expect(diagnostics(validVoorstel).isEmpty)
    }

    @Test func printedLikeACompiler() {
        let d = Diagnostic(.error, file: "e3.yaml", line: 2, column: 9, message: Message.keyNotText)
        let printed = DiagnosticPrinter(sources: ["e3.yaml": "soort: voorstel\norgaan: ab\n"]).format(d)
        #expect(printed == "e3.yaml:2:9: error: STK017: een sleutel moet tekst zijn\norgaan: ab\n        ^")
    }
}
