import Foundation

/// Pieces that go inside a message (what a value is, why a write failed, how an item is
/// called) and the status lines that report no problem. They follow the catalogue's style
/// but carry no code: a code names a whole message, never a part of one.
public enum MessagePart {
    static let kindText = "tekst"
    /// After the first diagnostics of a file: how many more there are (the exit status counts them all).
    static func moreDiagnostics(file: String, errors: Int, others: Int) -> String {
        var counted: [String] = []
        if errors > 0 { counted.append("\(errors) \(errors == 1 ? "fout" : "fouten")") }
        if others > 0 { counted.append("\(others) andere \(others == 1 ? "melding" : "meldingen")") }
        return
            "\(file): … en nog \(counted.joined(separator: " en ")) (niet getoond); verbeter eerst wat hierboven staat"
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
    /// A failed pack step's error: the output, the step and the item it was working on.
    static func stepFailed(_ step: String, item: String?, reason: String, output: String) -> String {
        "\(output): stap '\(step)'\(item.map { ", " + $0 } ?? ""): \(reason)"
    }
    static let kindList = "een lijst"
    static let kindMapping = "een mapping (velden met sleutels)"
    static let kindAlias = "een verwijzing"
    static func noSuchMonth(_ m: Int) -> String { "maand \(m) bestaat niet" }
    static func noSuchDay(_ d: Int, month: String, year: Int) -> String { "\(month) \(year) heeft geen dag \(d)" }
    static func itemLabel(_ a: String) -> String { "agendapunt \(a)" }
    static func bijlageLabel(_ a: String, nummer: Int) -> String { "agendapunt \(a), bijlage \(nummer)" }

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
        default: "kan niet schrijven (strerror: \"\(String(cString: strerror(code)))\")"
        }
    }

    static func cannotWrite(_ path: String, code: Int) -> String {
        "\(path): kan niet schrijven (Foundation-foutcode \(code))"
    }
    static func cannotSwap(_ path: String, errno code: Int32) -> String {
        "\(path): kan niet op zijn plaats zetten: \(ioReason(code))"
    }
    static let noPDFInOutput = "geen PDF in de uitvoer"
    static let noImageReport = "geen lijst van weggelaten afbeeldingen in de uitvoer"
    static func packSummary(
        items: Int, publicItems: Int, nonPublicItems: Int, files: Int, bytes: Int, rendered: Int, reused: Int,
        time: String
    ) -> String {
        "\(items) agendapunten (\(publicItems) openbaar, \(nonPublicItems) niet openbaar), "
            + "\(files) bestanden, \(bytes) bytes, \(rendered) opnieuw gemaakt, \(reused) ongewijzigd, \(time) s"
    }
    public static func filesWithErrors(_ failed: Int, of total: Int) -> String {
        "\(failed) van \(total) bestanden met fouten"
    }
    public static let nothingWritten = "niets geschreven: los eerst de fouten op"

    // The form server's status lines: whole sentences on a line of their own in the page, so
    // they start with a capital and end with a full stop (the one exception to the style rule).
    public static func formStatus(_ errors: Int) -> String {
        switch errors {
        case 0: "Geen fouten: het stuk is klaar om te downloaden."
        case 1: "1 fout; zie de melding bij het veld."
        default: "\(errors) fouten; zie de meldingen bij de velden."
        }
    }
    public static let formHint = "Vul de velden in; de meldingen verschijnen als u controleert."
    /// `count` is spliced in by the preview script (a JavaScript expression there).
    public static func formIncomplete(_ count: String) -> String {
        "Nog niet compleet (\(count)); 'Controleren' toont alle meldingen bij de velden."
    }
    public static func opened(_ path: String) -> String {
        "geopend: \(path); het bestand zelf wordt niet gewijzigd, neem het resultaat mee met 'Download YAML'"
    }
    /// The first comment line of a downloaded unfinished stuk: a sentence in the file, not a message.
    public static func unfinished(_ errors: Int) -> String {
        "Nog niet compleet: stukken check meldt \(errors == 1 ? "1 fout" : "\(errors) fouten"). Open dit bestand weer in 'stukken serve' om verder te gaan."
    }
    public static func listening(_ url: String) -> String {
        "stukken serve: het formulier staat op \(url) (alleen op deze computer; stoppen met Ctrl-C)"
    }
}
