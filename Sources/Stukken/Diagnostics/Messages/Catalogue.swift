import Foundation

/// Every text a user can read in a diagnostic, in one place and in Dutch, the language
/// of the documents and their authors. Each says what is wrong and how to fix it.
extension Message {
    // MARK: Files
    static let fileMissing = Message(.fileMissing, "bestand niet gevonden")
    static let fileIsDirectory = Message(.fileIsDirectory, "dit is een map, geen bestand")
    static let fileUnreadable = Message(.fileUnreadable, "bestand kan niet gelezen worden")
    static func outputNameTaken(_ output: String, by other: String) -> Message {
        Message(
            .outputNameTaken,
            "\(other) wordt ook \(output); hernoem een van beide of render ze apart (niets geschreven voor beide)"
        )
    }
    static func fileTooLarge(bytes: Int, maximum: Int = Limits.maximumFileBytes) -> Message {
        Message(
            .fileTooLarge,
            "bestand is te groot (\(bytes) bytes; hoogstens \(maximum)); splits het stuk of zet grote delen in een bijlage"
        )
    }
    static func notUTF8(byte: UInt8) -> Message {
        Message(
            .notUTF8,
            "het bestand is geen UTF-8-tekst (byte 0x\(String(byte, radix: 16, uppercase: true)) hier); sla het op als UTF-8"
        )
    }
    static var emptyFile: Message {
        let kinds = DocumentKinds.names
        let list = kinds.dropLast().joined(separator: ", ") + " of " + (kinds.last ?? "")
        return Message(
            .emptyFile,
            "het bestand is leeg; begin met 'soort:' (\(list)), of maak een nieuw stuk met 'stukken new SOORT'")
    }

    // MARK: YAML
    static func escapedInvisibleCharacter(_ scalar: Unicode.Scalar) -> Message {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        return Message(
            .escapedInvisibleCharacter,
            "onzichtbaar stuurteken \(code) in deze waarde (als escape tussen aanhalingstekens geschreven); verwijder het"
        )
    }
    static func invisibleCharacter(_ scalar: Unicode.Scalar) -> Message {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        return Message(
            .invisibleCharacter,
            "onzichtbaar stuurteken \(code) in de tekst (vaak meegekomen bij kopiëren uit Word of een pdf); verwijder het"
        )
    }
    static func aliasRefused(name: String) -> Message {
        Message(
            .aliasRefused,
            "'*\(name)' wordt in YAML gelezen als verwijzing (alias), en verwijzingen zijn niet toegestaan; bedoelt u tekst, zet de waarde dan tussen aanhalingstekens, bijvoorbeeld \"*\(name) …*\""
        )
    }
    static func anchorRefused(name: String) -> Message {
        Message(
            .anchorRefused,
            "'&\(name)' wordt in YAML gelezen als anker, en ankers zijn niet toegestaan; bedoelt u tekst, zet de waarde dan tussen aanhalingstekens, bijvoorbeeld \"&\(name) …\""
        )
    }
    static func markdownShape(_ problem: MarkdownShape.Problem, field: String) -> Message {
        let at = "regel \(problem.line) van veld '\(field)'"
        switch problem.kind {
        case .tooManyColumns(let n):
            return Message(
                .markdownShape,
                "tabel met \(n) kolommen (\(at)); hoogstens \(Limits.maximumTableColumns): zet zo'n tabel in een bijlage"
            )
        case .tooManyCells(let n):
            return Message(
                .markdownShape,
                "de tabellen van dit stuk hebben samen \(n) cellen (\(at)); hoogstens \(Limits.maximumTableCells): zet grote tabellen in een bijlage"
            )
        case .nestedTooDeep(let n):
            return Message(
                .markdownShape, "\(n) lijsten of citaten in elkaar (\(at)); hoogstens \(Limits.maximumMarkdownNesting)")
        case .tooManyAtSigns(let n):
            return Message(
                .markdownShape,
                "\(n) @-tekens in de Markdown-velden van dit stuk (\(at)); hoogstens \(Limits.maximumAtSigns)")
        case .tooManyFootnoteReferences(let n):
            return Message(
                .markdownShape,
                "\(n) voetnootverwijzingen ([^…]) in dit stuk (\(at)); hoogstens \(Limits.maximumFootnoteReferences)")
        }
    }
    static let nestedTooDeep = Message(
        .nestedTooDeep,
        "de YAML is te diep genest (meer dan \(Limits.maximumNesting) haken '[' of '{' in elkaar); geen stuk heeft dat nodig"
    )
    static let indentedTooDeep = Message(
        .indentedTooDeep,
        "de YAML is te diep genest (deze regel springt meer dan \(Limits.maximumIndentation) spaties en streepjes in); geen stuk heeft dat nodig"
    )
    static func unicodeLineBreak(_ scalar: Unicode.Scalar) -> Message {
        let names: [UInt32: String] = [
            0x85: "U+0085 (NEL)", 0x2028: "U+2028 (regelscheiding)", 0x2029: "U+2029 (alineascheiding)",
        ]
        let name = names[scalar.value] ?? "U+" + String(scalar.value, radix: 16, uppercase: true)
        return Message(
            .unicodeLineBreak,
            "onzichtbaar regeleinde \(name) in de tekst: YAML begint hier een nieuwe regel die een editor niet toont; verwijder het of gebruik een gewone regelovergang"
        )
    }
    static let loneCarriageReturn = Message(
        .loneCarriageReturn,
        "losse CR (U+000D, een oud Mac-regeleinde) in een bestand met gewone regeleinden: YAML begint hier een nieuwe regel die een editor vaak niet toont; verwijder hem of sla het bestand op met één soort regeleinden"
    )
    /// libyaml reports in English. The problems authors meet get a Dutch sentence; any other
    /// keeps libyaml's own words, quoted and marked as such, so no English goes unexplained.
    static func yamlSyntax(problem: String, context: String?, line: String) -> Message {
        let english = problem + " " + (context ?? "")
        let dutch: String
        if english.contains("tab") || line.hasPrefix("\t") || line.contains(":\t") {
            dutch = "een tab waar YAML spaties verwacht; gebruik spaties in plaats van tabs om in te springen"
        } else if problem.contains("mapping values are not allowed") {
            dutch =
                "een ': ' waar geen nieuw veld kan beginnen; staat er een ': ' in een waarde? "
                + "zet de waarde dan tussen aanhalingstekens"
        } else if english.contains("single document") || english.contains("expected <document end>") {
            dutch =
                "een tweede document na '---'; een bestand bevat één stuk: verwijder de tweede '---' of splits het bestand"
        } else if problem.contains("unknown escape") {
            dutch =
                "onbekende escape (een \\ gevolgd door een teken dat YAML niet kent) tussen dubbele aanhalingstekens; "
                + "schrijf een backslash als \\\\ of zet de tekst tussen enkele aanhalingstekens"
        } else if english.contains("quoted scalar") {
            dutch =
                "tekst tussen aanhalingstekens die niet wordt afgesloten; sluit de tekst af met hetzelfde aanhalingsteken"
        } else if problem.contains("block entry") || problem.contains("expected <block end>")
            || problem.contains("did not find expected key") || problem.contains("could not find expected ':'")
        {
            dutch =
                "de inspringing klopt niet (een '- ' of veld op een onverwachte plek); controleer de inspringing van deze regel"
        } else if problem.contains("cannot start any token") {
            dutch =
                "een teken waarmee een waarde in YAML niet mag beginnen (zoals @ of `); "
                + "zet de waarde tussen aanhalingstekens"
        } else {
            let words = context.map { "\(problem) (\($0))" } ?? problem
            dutch =
                "YAML kan deze regel niet lezen (libyaml: \"\(words)\"); "
                + "controleer aanhalingstekens, dubbele punten en inspringing"
        }
        return Message(.yamlSyntax, "YAML-fout: \(dutch)")
    }
    static func yamlUnreadable(_ detail: String) -> Message {
        Message(
            .yamlUnreadable,
            "YAML kan niet gelezen worden (de YAML-lezer: \"\(detail)\"); controleer aanhalingstekens, dubbele punten en inspringing"
        )
    }
    static func duplicateKey(_ key: String) -> Message {
        Message(
            .duplicateKey,
            "veld '\(key)' staat twee keer in dezelfde mapping; houd er één"
        )
    }

    // MARK: Structure
    static let keyNotText = Message(.keyNotText, "een sleutel moet tekst zijn")
    static func expectedMapping(_ path: String, found: String) -> Message {
        Message(
            .expectedMapping,
            path.isEmpty
                ? "het bestand moet uit velden bestaan ('sleutel: waarde'), maar is \(found)"
                : "veld '\(path)' moet velden bevatten ('sleutel: waarde'), maar is \(found)"
        )
    }
    static func expectedList(_ path: String, found: String) -> Message {
        Message(
            .expectedList,
            "veld '\(path)' moet een lijst zijn (regels die met '- ' beginnen), maar is \(found)"
        )
    }
    static func expectedText(_ path: String, found: String) -> Message {
        Message(
            .expectedText,
            "veld '\(path)' moet tekst zijn, maar is \(found)"
        )
    }
    static func expectedTextOrMapping(_ path: String, found: String) -> Message {
        Message(
            .expectedTextOrMapping,
            "veld '\(path)' moet tekst of een mapping zijn, maar is \(found)"
        )
    }
    static func unknownKey(_ key: String, suggestion: String?, known: [String]) -> Message {
        if let suggestion { return Message(.unknownKey, "onbekend veld '\(key)'; bedoelde u '\(suggestion)'?") }
        return Message(.unknownKey, "onbekend veld '\(key)'; bekende velden hier: \(known.joined(separator: ", "))")
    }
    static func missingRequired(_ field: Field, in path: String, condition: String?) -> Message {
        let when = condition.map { " (verplicht bij \($0))" } ?? ""
        let place = path.isEmpty ? "" : " in '\(path)'"
        return Message(
            .missingRequired,
            "verplicht veld '\(field.key)' (\(field.label)) ontbreekt\(place)\(when); voeg toe: \(field.key): \(field.example ?? "…")"
        )
    }
    static func emptyRequired(_ field: Field) -> Message {
        Message(
            .emptyRequired,
            "verplicht veld '\(field.key)' (\(field.label)) is leeg; vul het in"
        )
    }
    static func emptyListItem(_ path: String) -> Message {
        Message(
            .emptyListItem,
            "'\(path)' is leeg; vul het in of verwijder de regel")
    }
    static func tooFewItems(_ path: String, minimum: Int) -> Message {
        Message(
            .tooFewItems,
            minimum == 1
                ? "veld '\(path)' moet minstens één punt bevatten"
                : "veld '\(path)' moet minstens \(minimum) punten bevatten"
        )
    }

    // MARK: Values
    static func notADate(_ text: String, field: String) -> Message {
        Message(
            .notADate,
            "'\(text)' in veld '\(field)' is geen datum; schrijf 2016-10-10 of 10 oktober 2016"
        )
    }
    static func impossibleDate(_ text: String, field: String, why: String) -> Message {
        Message(
            .impossibleDate,
            "ongeldige datum '\(text)' in veld '\(field)': \(why); schrijf 2016-10-10 of 10 oktober 2016"
        )
    }
    static func notJaNee(_ text: String, field: String) -> Message {
        let lower = text.lowercased()
        if lower == "ja" || lower == "nee" {
            return Message(
                .notJaNee,
                "veld '\(field)' moet 'ja' of 'nee' zijn (kleine letters), niet '\(text)'; bedoelde u '\(lower)'?")
        }
        return Message(
            .notJaNee,
            "veld '\(field)' moet 'ja' of 'nee' zijn, niet '\(text)' (YAML-waarden als yes/no/true/false worden niet geraden)"
        )
    }
    static func notAChoice(_ text: String, field: String, options: [String], suggestion: String?) -> Message {
        let list = options.map { "'\($0)'" }.joined(separator: ", ")
        let hint = suggestion.map { "; bedoelde u '\($0)'?" } ?? ""
        return Message(.notAChoice, "veld '\(field)' moet een van \(list) zijn, niet '\(text)'\(hint)")
    }
    static func unknownKind(_ text: String, suggestion: String?, kinds: [String]) -> Message {
        let hint = suggestion.map { "; bedoelde u '\($0)'?" } ?? ""
        return Message(
            .unknownKind, "onbekende soort '\(text)'\(hint) (bekende soorten: \(kinds.joined(separator: ", ")))")
    }
    /// For a kind named where only a known kind will do (`stukken new`, the form's address).
    public static func chooseKind(_ soort: String) -> Message {
        Message(.chooseKind, "onbekende soort '\(soort)'; kies uit: \(DocumentKinds.names.joined(separator: ", "))")
    }
    static let meetingIsNotAStuk = Message(
        .meetingIsNotAStuk,
        "dit is een vergadering, geen stuk: maak het pakket met 'stukken pack'; 'stukken check' controleert de vergadering en wat ze noemt"
    )
    static let meetingSkipped = Message(
        .meetingSkipped, "een vergadering, geen stuk: overgeslagen (maak het pakket met 'stukken pack')")
    static func missingKind(kinds: [String]) -> Message {
        Message(
            .missingKind,
            "veld 'soort' ontbreekt; begin het bestand met bijvoorbeeld 'soort: voorstel' (bekende soorten: \(kinds.joined(separator: ", ")))"
        )
    }
    static func rawHTMLShownAsText(field: String) -> Message {
        Message(
            .rawHTMLShownAsText,
            "HTML in veld '\(field)' wordt niet uitgevoerd maar als tekst getoond; gebruik Markdown (bijvoorbeeld [^1] voor een voetnoot)"
        )
    }
    static func unknownGemeente(_ name: String, suggestion: String?, gemeenten: [String] = []) -> Message {
        if let suggestion {
            return Message(.unknownGemeente, "'\(name)' is geen Twentse gemeente; bedoelde u '\(suggestion)'?")
        }
        let list = gemeenten.isEmpty ? "" : " (de Twentse gemeenten: \(gemeenten.joined(separator: ", ")))"
        return Message(.unknownGemeente, "'\(name)' is geen Twentse gemeente\(list)")
    }
    static func duplicateGemeente(_ name: String) -> Message {
        Message(
            .duplicateGemeente,
            "gemeente '\(name)' staat twee keer in de lijst")
    }
    static func mijlpaalNaEinddatum(_ datum: String, einddatum: String) -> Message {
        Message(
            .mijlpaalNaEinddatum,
            "deze mijlpaal (\(datum)) valt na de einddatum van het project (\(einddatum)); verschuif de mijlpaal of de einddatum"
        )
    }

    // MARK: Templates
    static func templateMissing(_ name: String, directory: String) -> Message {
        Message(
            .templateMissing,
            "sjabloon '\(name)' ontbreekt in \(directory)"
        )
    }
    static func templateSyntax(_ detail: String) -> Message { Message(.templateSyntax, "sjabloonfout: \(detail)") }
}
