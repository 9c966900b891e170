import Foundation

/// Every text a user can read in a diagnostic, in one place and in Dutch, the language
/// of the documents and their authors. Each says what is wrong and how to fix it.
enum Message {
    // MARK: Files
    static let fileMissing = "bestand niet gevonden"
    static let fileIsDirectory = "dit is een map, geen bestand"
    static let fileUnreadable = "bestand kan niet gelezen worden"
    static func outputNameTaken(_ output: String, by other: String) -> String {
        "\(other) wordt ook \(output); hernoem een van beide of render ze apart (niets geschreven voor beide)"
    }
    static func fileTooLarge(bytes: Int, maximum: Int = Limits.maximumFileBytes) -> String {
        "bestand is te groot (\(bytes) bytes; hoogstens \(maximum)); splits het stuk of zet grote delen in een bijlage"
    }
    static func notUTF8(byte: UInt8) -> String {
        "het bestand is geen UTF-8-tekst (byte 0x\(String(byte, radix: 16, uppercase: true)) hier); sla het op als UTF-8"
    }
    static let emptyFile =
        "het bestand is leeg; begin met 'soort:' (voorstel, memo, notitie, projectopdracht, projectplan of evaluatie), of maak een nieuw stuk met 'stukken new SOORT'"

    // MARK: YAML
    static func escapedInvisibleCharacter(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        return
            "onzichtbaar stuurteken \(code) in deze waarde (als escape tussen aanhalingstekens geschreven); verwijder het"
    }
    static func invisibleCharacter(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        return
            "onzichtbaar stuurteken \(code) in de tekst (vaak meegekomen bij kopiëren uit Word of een pdf); verwijder het"
    }
    static func aliasRefused(name: String) -> String {
        "'*\(name)' wordt in YAML gelezen als verwijzing (alias), en verwijzingen zijn niet toegestaan; bedoelt u tekst, zet de waarde dan tussen aanhalingstekens, bijvoorbeeld \"*\(name) …*\""
    }
    static func anchorRefused(name: String) -> String {
        "'&\(name)' wordt in YAML gelezen als anker, en ankers zijn niet toegestaan; bedoelt u tekst, zet de waarde dan tussen aanhalingstekens, bijvoorbeeld \"&\(name) …\""
    }
    static func markdownShape(_ problem: MarkdownShape.Problem, field: String) -> String {
        let at = "regel \(problem.line) van veld '\(field)'"
        switch problem.kind {
        case .tooManyColumns(let n):
            return
                "tabel met \(n) kolommen (\(at)); hoogstens \(Limits.maximumTableColumns): zet zo'n tabel in een bijlage"
        case .tooManyCells(let n):
            return
                "de tabellen van dit stuk hebben samen \(n) cellen (\(at)); hoogstens \(Limits.maximumTableCells): zet grote tabellen in een bijlage"
        case .nestedTooDeep(let n):
            return "\(n) lijsten of citaten in elkaar (\(at)); hoogstens \(Limits.maximumMarkdownNesting)"
        case .tooManyAtSigns(let n):
            return "\(n) @-tekens in de Markdown-velden van dit stuk (\(at)); hoogstens \(Limits.maximumAtSigns)"
        case .tooManyFootnoteReferences(let n):
            return "\(n) voetnootverwijzingen ([^…]) in dit stuk (\(at)); hoogstens \(Limits.maximumFootnoteReferences)"
        }
    }
    static let nestedTooDeep =
        "de YAML is te diep genest (meer dan \(Limits.maximumNesting) haken '[' of '{' in elkaar); geen stuk heeft dat nodig"
    static let indentedTooDeep =
        "de YAML is te diep genest (deze regel springt meer dan \(Limits.maximumIndentation) spaties en streepjes in); geen stuk heeft dat nodig"
    static func unicodeLineBreak(_ scalar: Unicode.Scalar) -> String {
        let names: [UInt32: String] = [
            0x85: "U+0085 (NEL)", 0x2028: "U+2028 (regelscheiding)", 0x2029: "U+2029 (alineascheiding)",
        ]
        let name = names[scalar.value] ?? "U+" + String(scalar.value, radix: 16, uppercase: true)
        return
            "onzichtbaar regeleinde \(name) in de tekst: YAML begint hier een nieuwe regel die een editor niet toont; verwijder het of gebruik een gewone regelovergang"
    }
    static let loneCarriageReturn =
        "losse CR (U+000D, een oud Mac-regeleinde) in een bestand met gewone regeleinden: YAML begint hier een nieuwe regel die een editor vaak niet toont; verwijder hem of sla het bestand op met één soort regeleinden"
    static func moreDiagnostics(file: String, errors: Int, others: Int) -> String {
        var counted: [String] = []
        if errors > 0 { counted.append("\(errors) \(errors == 1 ? "fout" : "fouten")") }
        if others > 0 { counted.append("\(others) andere \(others == 1 ? "melding" : "meldingen")") }
        return
            "\(file): … en nog \(counted.joined(separator: " en ")) (niet getoond); verbeter eerst wat hierboven staat"
    }
    static func yamlSyntax(problem: String, context: String?, line: String) -> String {
        var hint = ""
        let problemAndContext = problem + " " + (context ?? "")
        if problemAndContext.contains("tab") || line.hasPrefix("\t") || line.contains(":\t") {
            hint = "; gebruik spaties in plaats van tabs om in te springen"
        } else if problem.contains("mapping values are not allowed") {
            hint = "; staat er een ': ' in een waarde? Zet de waarde dan tussen aanhalingstekens"
        } else if problemAndContext.contains("single document") || problemAndContext.contains("expected <document end>")
        {
            hint = "; een bestand bevat één stuk: verwijder de tweede '---' of splits het bestand"
        } else if problemAndContext.contains("quoted scalar") {
            hint = "; sluit de tekst af met hetzelfde aanhalingsteken"
        } else if problem.contains("block entry") || problem.contains("expected <block end>") {
            hint = "; controleer de inspringing van deze regel"
        }
        let place = context.map { " (\($0))" } ?? ""
        return "YAML-fout: \(problem)\(place)\(hint)"
    }
    static func yamlUnreadable(_ detail: String) -> String { "YAML kan niet gelezen worden: \(detail)" }
    static func duplicateKey(_ key: String) -> String {
        "veld '\(key)' staat twee keer in dezelfde mapping; houd er één"
    }

    // MARK: Structure
    static let keyNotText = "een sleutel moet tekst zijn"
    static let kindText = "tekst"
    static let kindList = "een lijst"
    static let kindMapping = "een mapping (velden met sleutels)"
    static let kindAlias = "een verwijzing"
    static func expectedMapping(_ path: String, found: String) -> String {
        path.isEmpty
            ? "het bestand moet uit velden bestaan ('sleutel: waarde'), maar is \(found)"
            : "veld '\(path)' moet velden bevatten ('sleutel: waarde'), maar is \(found)"
    }
    static func expectedList(_ path: String, found: String) -> String {
        "veld '\(path)' moet een lijst zijn (regels die met '- ' beginnen), maar is \(found)"
    }
    static func expectedText(_ path: String, found: String) -> String {
        "veld '\(path)' moet tekst zijn, maar is \(found)"
    }
    static func expectedTextOrMapping(_ path: String, found: String) -> String {
        "veld '\(path)' moet tekst of een mapping zijn, maar is \(found)"
    }
    static func unknownKey(_ key: String, suggestion: String?, known: [String]) -> String {
        if let suggestion { return "onbekend veld '\(key)'; bedoelde u '\(suggestion)'?" }
        return "onbekend veld '\(key)'; bekende velden hier: \(known.joined(separator: ", "))"
    }
    static func missingRequired(_ field: Field, in path: String, condition: String?) -> String {
        let when = condition.map { " (verplicht bij \($0))" } ?? ""
        let place = path.isEmpty ? "" : " in '\(path)'"
        return
            "verplicht veld '\(field.key)' (\(field.label)) ontbreekt\(place)\(when); voeg toe: \(field.key): \(field.example ?? "…")"
    }
    static func emptyRequired(_ field: Field) -> String {
        "verplicht veld '\(field.key)' (\(field.label)) is leeg; vul het in"
    }
    static func emptyListItem(_ path: String) -> String { "'\(path)' is leeg; vul het in of verwijder de regel" }
    static func tooFewItems(_ path: String, minimum: Int) -> String {
        minimum == 1
            ? "veld '\(path)' moet minstens één punt bevatten"
            : "veld '\(path)' moet minstens \(minimum) punten bevatten"
    }

    // MARK: Values
    static func notADate(_ text: String, field: String) -> String {
        "'\(text)' in veld '\(field)' is geen datum; schrijf 2016-10-10 of 10 oktober 2016"
    }
    static func impossibleDate(_ text: String, field: String, why: String) -> String {
        "ongeldige datum '\(text)' in veld '\(field)': \(why); schrijf 2016-10-10 of 10 oktober 2016"
    }
    static func noSuchMonth(_ m: Int) -> String { "maand \(m) bestaat niet" }
    static func noSuchDay(_ d: Int, month: String, year: Int) -> String { "\(month) \(year) heeft geen dag \(d)" }
    static func notJaNee(_ text: String, field: String) -> String {
        let lower = text.lowercased()
        if lower == "ja" || lower == "nee" {
            return "veld '\(field)' moet 'ja' of 'nee' zijn (kleine letters), niet '\(text)'; bedoelde u '\(lower)'?"
        }
        return
            "veld '\(field)' moet 'ja' of 'nee' zijn, niet '\(text)' (YAML-waarden als yes/no/true/false worden niet geraden)"
    }
    static func notAChoice(_ text: String, field: String, options: [String], suggestion: String?) -> String {
        let list = options.map { "'\($0)'" }.joined(separator: ", ")
        let hint = suggestion.map { "; bedoelde u '\($0)'?" } ?? ""
        return "veld '\(field)' moet een van \(list) zijn, niet '\(text)'\(hint)"
    }
    static func unknownKind(_ text: String, suggestion: String?, kinds: [String]) -> String {
        let hint = suggestion.map { "; bedoelde u '\($0)'?" } ?? ""
        return "onbekende soort '\(text)'\(hint) (bekende soorten: \(kinds.joined(separator: ", ")))"
    }
    static let meetingIsNotAStuk =
        "dit is een vergadering, geen stuk: maak het pakket met 'stukken pack'; 'stukken check' controleert de vergadering en wat ze noemt"
    static let meetingSkipped = "een vergadering, geen stuk: overgeslagen (maak het pakket met 'stukken pack')"
    static func missingKind(kinds: [String]) -> String {
        "veld 'soort' ontbreekt; begin het bestand met bijvoorbeeld 'soort: voorstel' (bekende soorten: \(kinds.joined(separator: ", ")))"
    }
    static func rawHTMLShownAsText(field: String) -> String {
        "HTML in veld '\(field)' wordt niet uitgevoerd maar als tekst getoond; gebruik Markdown (bijvoorbeeld [^1] voor een voetnoot)"
    }
    static func unknownGemeente(_ name: String, suggestion: String?, gemeenten: [String] = []) -> String {
        if let suggestion { return "'\(name)' is geen Twentse gemeente; bedoelde u '\(suggestion)'?" }
        let list = gemeenten.isEmpty ? "" : " (de Twentse gemeenten: \(gemeenten.joined(separator: ", ")))"
        return "'\(name)' is geen Twentse gemeente\(list)"
    }
    static func duplicateGemeente(_ name: String) -> String { "gemeente '\(name)' staat twee keer in de lijst" }
    static func mijlpaalNaEinddatum(_ datum: String, einddatum: String) -> String {
        "deze mijlpaal (\(datum)) valt na de einddatum van het project (\(einddatum)); verschuif de mijlpaal of de einddatum"
    }
    static let nestingTooDeep = "voorstelpunten kunnen hoogstens drie niveaus diep (1. / a) / 1))"

    // MARK: Templates
    static func templateMissing(_ name: String, directory: String) -> String {
        "sjabloon '\(name)' ontbreekt in \(directory)"
    }
    static func templateSyntax(_ detail: String) -> String { "sjabloonfout: \(detail)" }
}

/// The texts of `stukken pack`, beside the others so all wording is in this file.
enum PackMessage {
    static func agendapuntDiffers(entry: String, document: String) -> String {
        "agendapunt '\(entry)' in de agenda verschilt van '\(document)' in het stuk; maak ze gelijk of laat het agendapunt in de agenda weg"
    }
    static func titelDiffers(entry: String, document: String) -> String {
        "titel '\(entry)' in de agenda verschilt van '\(document)' in het stuk; maak ze gelijk of laat de titel in de agenda weg"
    }
    static let agendapuntMissing = "agendapunt ontbreekt: dit stuk noemt er geen, geef 'agendapunt:' in de agenda"
    static let titelMissing = "een agendapunt zonder stuk heeft een 'titel:' nodig"
    static func duplicateAgendapunt(_ a: String, first: String) -> String {
        "agendapunt '\(a)' staat al eerder op de agenda (als '\(first)'); elk agendapunt komt één keer voor"
    }
    static func orgaanDiffers(document: String, meeting: String) -> String {
        "dit stuk is voor het \(document), de vergadering is van het \(meeting)"
    }
    static func datumDiffers(document: Datum, meeting: Datum) -> String {
        "de datum van het stuk (\(document)) is niet de vergaderdatum (\(meeting))"
    }
    static let conceptInPublicPack =
        "een concept (status: concept) kan niet in een openbaar pakket; maak het definitief of zet het openbaar: nee"
    static func unknownFileType(_ ext: String, known: [String]) -> String {
        "onbekend bestandstype '.\(ext)' voor een bijlage; toegestaan: yaml, \(known.joined(separator: ", "))"
    }
    static func absolutePath(_ p: String) -> String {
        "'\(p)' is een absoluut pad; schrijf het pad vanaf de map van dit bestand"
    }
    static func parentPath(_ p: String) -> String {
        "'\(p)' gaat met '..' boven de map van de vergadering uit; alle stukken en bijlagen staan in die map"
    }
    static func fileMissing(_ p: String) -> String { "'\(p)' bestaat niet" }
    static func outsideFolder(_ p: String) -> String {
        "'\(p)' wijst (via een symbolische link) buiten de map van de vergadering"
    }
    static func notARegularFile(_ p: String) -> String { "'\(p)' is geen gewoon bestand (een map, FIFO of apparaat)" }
    /// Why a write failed, in Dutch (strerror is English).
    static func ioReason(_ code: Int32) -> String {
        switch code {
        case ENOSPC: "de schijf is vol (geen ruimte meer); maak ruimte vrij en probeer opnieuw"
        case EDQUOT: "het schijfquotum is op; maak ruimte vrij en probeer opnieuw"
        case EACCES, EPERM: "geen toestemming om hier te schrijven; kies een andere map"
        case EROFS: "het bestandssysteem is alleen-lezen; kies een andere map"
        case ENOTDIR: "een deel van het pad is een bestand, geen map; kies een andere map"
        case ENOENT: "de map bestaat niet; maak haar eerst aan of kies een andere"
        case EEXIST: "bestaat al"
        case ENAMETOOLONG:
            "de naam is te lang voor het bestandssysteem (hoogstens 255 bytes per naam); kies een kortere"
        case EIO: "schrijffout van het apparaat"
        default: "kan niet schrijven: \(String(cString: strerror(code)))"
        }
    }
    static func changedDuringBuild(_ p: String) -> String {
        "\(p) is gewijzigd sinds het gecontroleerd werd; er is niets geschreven, maak het pakket opnieuw"
    }
    static func unreadableDuringBuild(_ p: String, reason: String) -> String {
        "\(p) kan niet opnieuw gelezen worden (\(reason)); er is niets geschreven, maak het pakket opnieuw"
    }
    static func outputOverlapsInput(_ o: String) -> String {
        "uitvoermap '\(o)' valt samen met de map van de vergadering (of ligt erin of erboven); kies een map daarbuiten"
    }
    static let zipTooLarge = "het ZIP-bestand wordt te groot (meer dan 65.534 bestanden of 4 GB); splits de vergadering"
    static func zipEntryChanged(_ name: String) -> String {
        "\(name): veranderde terwijl het ZIP-bestand gemaakt werd; maak het pakket opnieuw"
    }
    static func pageNameReserved(_ a: String, file: String) -> String {
        "agendapunt '\(a)' zou de pagina \(file) krijgen, en die naam heeft het pakket zelf nodig; kies een ander agendapunt"
    }
    static func pageNameTooLong(_ bytes: Int, maximum: Int) -> String {
        "dit agendapunt is te lang voor een bestandsnaam (\(bytes) tekens in de paginanaam; hoogstens \(maximum)); kort het agendapunt in, de titel mag lang zijn"
    }
    static func tooManyFiles(_ n: Int, maximum: Int) -> String {
        "hier komt het pakket boven \(maximum) bestanden (in totaal \(n)), meer dan een ZIP-bestand kan bevatten; splits de vergadering"
    }
    static func sharedWithNonPublic(_ other: String) -> String {
        "dit bestand wordt hier openbaar gepubliceerd, maar is bij \(other) niet openbaar; klopt dat niet, maak dan hier ook 'openbaar: nee'"
    }
    static func itemLabel(_ a: String) -> String { "agendapunt \(a)" }
    static func bijlageLabel(_ a: String, nummer: Int) -> String { "agendapunt \(a), bijlage \(nummer)" }

    // What `-o` may replace: nothing, an empty folder, or a previous pack of the same
    // meeting and audience. Each refusal touched nothing.
    static func outputIsFile(_ o: String) -> String {
        "-o \(o) is een bestand, geen map; een pakket vervangt alleen een lege map of een eerder pakket: kies een nieuwe map (niets aangeraakt)"
    }
    static func outputIsSymlink(_ o: String) -> String {
        "-o \(o) is een symbolische link; geef de map zelf, of een nieuwe map (niets aangeraakt)"
    }
    static func outputNotAPack(_ o: String) -> String {
        "-o \(o) is een map met bestanden, maar geen pakket van stukken (geen manifest.json van stukken); kies een nieuwe of lege map (niets aangeraakt)"
    }
    static func outputForeignFile(_ o: String, file: String) -> String {
        "-o \(o) is een pakket van stukken, maar '\(file)' hoort er niet bij en zou verdwijnen; verplaats het of kies een andere map (niets aangeraakt)"
    }
    static func outputOtherMeeting(_ o: String, existing: String, wanted: String) -> String {
        "-o \(o) bevat het pakket van een andere vergadering (\(existing), niet \(wanted)); elke vergadering krijgt een eigen map (niets aangeraakt)"
    }
    static func outputHoldsCurrentFolder(_ o: String) -> String {
        "-o \(o) is de huidige map of ligt erboven; geef een map die daarin of ernaast ligt, bijvoorbeeld -o site (niets aangeraakt)"
    }
    static func outputChangedDuringBuild(_ o: String, reason: String) -> String {
        "-o \(o) is tijdens het bouwen veranderd en teruggezet zoals het was: \(reason)"
    }
    /// The pack's steps as a terminal shows them (`[2/7] 12 pagina's maken`) and an error names them.
    static let stepPlan = "pakket voorbereiden"
    static let stepPages = "pagina's maken"
    static let stepCopies = "bijlagen kopiëren"
    static let stepPDFs = "PDF's maken"
    static let stepAgenda = "agenda maken"
    static let stepWoo = "Woo-bestanden maken"
    static let stepManifest = "manifest schrijven"
    static let stepZIP = "ZIP schrijven"
    static let stepSwap = "pakket op zijn plaats zetten"
    static func stepFailed(_ step: String, item: String?, reason: String, output: String) -> String {
        "\(output): stap '\(step)'\(item.map { ", " + $0 } ?? ""): \(reason)"
    }
    static func outputKeptAside(_ o: String, at aside: String) -> String {
        "-o \(o) is tijdens het bouwen veranderd en kon niet worden teruggezet; wat er stond, staat nu in \(aside): zet het zelf terug"
    }
    static func outputIsInput(_ o: String) -> String {
        "\(o): weigert een invoerbestand te overschrijven; kies een ander uitvoerpad"
    }
    static func outputInsideInput(_ o: String, input: String) -> String {
        "-o \(o) ligt in \(input), dat deze opdracht leest; kies een uitvoerpad daarbuiten (niets geschreven)"
    }
    static func outputContainsInput(_ o: String, input: String) -> String {
        "-o \(o) bevat \(input), dat deze opdracht leest; kies een uitvoermap waarin geen invoer staat (niets geschreven)"
    }
}

/// The texts of `stukken pack --woo` and its site configuration.
public enum WooMessage {
    public static func configMissing(_ path: String) -> String {
        "--woo heeft een siteconfiguratie nodig: '\(path)' bestaat niet; maak dat bestand (zie README, 'Woo-publicatie') of geef --config BESTAND"
    }
    public static func notHTTPS(_ url: String) -> String {
        "basis_url '\(url)' moet een volledig https-adres zijn, zoals https://stukken.vrt.nl/ab/2016-10-10/"
    }
    public static func notTOOI(_ id: String) -> String {
        "tooi '\(id)' is geen TOOI-organisatie-identifier; die begint met https://identifier.overheid.nl/tooi/id/ (Veiligheidsregio Twente: https://identifier.overheid.nl/tooi/id/so/so0679)"
    }
    public static let wooNotForMembers =
        "--woo publiceert metagegevens voor het openbare pakket en gaat niet samen met --besloten"
    public static func publicatiedatum(_ text: String) -> String {
        "'\(text)' is geen datum; schrijf bijvoorbeeld 2016-10-05"
    }
}

/// Texts of the PDF stage (WeasyPrint).
enum PDFMessage {
    static let weasyprintMissing =
        "PDF maken kan niet: WeasyPrint is niet geïnstalleerd. Installeer het Debian-pakket 'weasyprint' (sudo apt-get install weasyprint); HTML maken werkt ook zonder"
    static func weasyprintNotExecutable(_ path: String) -> String {
        "PDF maken kan niet: '\(path)' is geen bruikbaar weasyprint-programma (uitvoerbaar, met op de eerste regel "
            + "'#!' en de Python die WeasyPrint heeft); wijs met STUKKEN_WEASYPRINT naar de weasyprint van het "
            + "Debian-pakket, /usr/bin/weasyprint"
    }
    static func timedOut(seconds: Int) -> String {
        "WeasyPrint was na \(seconds) s nog niet klaar en is gestopt; er is geen PDF geschreven"
    }
    static func failed(status: Int32, detail: String) -> String {
        "WeasyPrint stopte met status \(status); er is geen PDF geschreven" + (detail.isEmpty ? "" : ":\n" + detail)
    }
    static func io(_ detail: String) -> String { "PDF maken kan niet: \(detail)" }
    static let stdoutRefused = "een PDF gaat niet naar het scherm: geef met -o een bestand of map"
    /// `image`: as the stuk names it (`grafiek.png`, `http://…`), or the URL an SVG names.
    static func imageLeftOut(_ image: String, reason: RefusedImage.Reason) -> String {
        let why =
            switch reason {
            case .netwerk:
                "een PDF haalt niets van internet of het netwerk; zet de afbeelding als bestand in de map van het stuk "
                    + "en noem haar met een relatief pad, zoals ![grafiek](grafiek.png)"
            case .buitenMap:
                "het bestand ligt buiten de map van het stuk (via '..', een absoluut pad of een symbolische koppeling); "
                    + "zet de afbeelding in de map van het stuk of een map daaronder"
            case .geenMap:
                "deze PDF leest geen bestanden, alleen 'stukken render --format pdf' neemt afbeeldingen uit de map van het "
                    + "stuk op; maak de PDF met 'stukken render'"
            case .geenAfbeelding:
                "alleen .png-, .jpg-, .gif- en .svg-bestanden worden opgenomen; sla de afbeelding in een van die vormen op"
            case .nietGevonden:
                "het bestand bestaat niet in de map van het stuk; controleer de naam (hoofdletters tellen mee)"
            case .onleesbaar: "WeasyPrint kan er geen afbeelding van maken; sla haar opnieuw op als .png of .jpg"
            }
        return "afbeelding '\(image)' staat niet in de PDF: \(why)"
    }
}

/// The texts `stukken serve` (the web form) shows beside the validator's messages.
public enum ServeMessage {
    public static let wrongHost =
        "geweigerd: deze formulierserver antwoordt alleen op http://127.0.0.1 en http://localhost"
    public static let noUpload = "Geen bestand ontvangen; kies een YAML-bestand en probeer het opnieuw."
    public static let cannotOpen = "Dit bestand kan niet in een formulier worden geopend"
    public static let htmlNeedsValid =
        "HTML kan pas worden gedownload als het stuk geen fouten meer heeft; zie de meldingen bij de velden."
    public static func opened(_ path: String) -> String {
        "Geopend: \(path). Het bestand zelf wordt niet gewijzigd; neem het resultaat mee met 'Download YAML'."
    }
    public static func unknownKind(_ soort: String, kinds: [String]) -> String {
        "onbekende soort '\(soort)'; kies uit: \(kinds.joined(separator: ", "))"
    }
    public static func cannotListen(port: Int, reason: String) -> String {
        "kan niet luisteren op 127.0.0.1:\(port) (\(reason)); is de poort al in gebruik? Kies een andere met --port"
    }
    public static func unfinished(_ errors: Int) -> String {
        "Nog niet compleet: stukken check meldt \(errors == 1 ? "1 fout" : "\(errors) fouten"). Open dit bestand weer in 'stukken serve' om verder te gaan."
    }
    public static func tooManyFields(limit: Int) -> String {
        "het formulier heeft te veel velden (meer dan \(limit)); een stuk in het formulier heeft er hoogstens \(limit), zet de rest in een apart stuk of bewerk het YAML-bestand zelf"
    }
    public static func tooManyRows(list: String, limit: Int) -> String {
        let shown = list.count > 60 ? list.prefix(60) + "…" : Substring(list)
        return
            "de lijst '\(shown)' heeft meer dan \(limit) regels; het formulier houdt er hoogstens \(limit) bij, zet de rest in een apart stuk of bewerk het YAML-bestand zelf"
    }
    public static let badUpload =
        "het bestand kwam niet goed aan (geen geldige multipart/form-data-grens van 1 tot 70 tekens); kies het bestand opnieuw met 'Open YAML'"
    public static let absoluteTarget =
        "geweigerd: de aanvraag noemt een volledig adres in plaats van een pad; deze formulierserver is geen proxy"
    public static let pdfBusy =
        "er worden al PDF's gemaakt; probeer 'Download PDF' over een ogenblik opnieuw"
    /// An error page for a status without a message of its own.
    public static func status(_ code: Int) -> String {
        switch code {
        case 404: "deze pagina bestaat niet; ga terug naar het begin"
        case 413:
            "de aanvraag is te groot (hoogstens \(2 * Limits.maximumFileBytes) bytes); een stuk is hoogstens \(Limits.maximumFileBytes) bytes"
        case 400..<500:
            "de aanvraag kan niet worden gelezen (HTTP \(code)); ga terug naar het begin en probeer het opnieuw"
        default:
            "er ging iets mis in de formulierserver (HTTP \(code)); probeer het opnieuw of start 'stukken serve' opnieuw"
        }
    }
    public static func listening(_ url: String) -> String {
        "stukken serve: het formulier staat op \(url) (alleen op deze computer; stoppen met Ctrl-C)"
    }
}
