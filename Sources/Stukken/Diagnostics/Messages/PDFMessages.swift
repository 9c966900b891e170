/// Texts of the PDF stage (WeasyPrint).
enum PDFMessage {
    static let weasyprintMissing = Message(
        .weasyprintMissing,
        "PDF maken kan niet: WeasyPrint is niet geïnstalleerd; installeer het Debian-pakket 'weasyprint' (sudo apt-get install weasyprint); HTML maken werkt ook zonder"
    )
    static func weasyprintNotExecutable(_ path: String) -> Message {
        Message(
            .weasyprintNotExecutable,
            "PDF maken kan niet: '\(path)' is geen bruikbaar weasyprint-programma (uitvoerbaar, met op de eerste regel "
                + "'#!' en de Python die WeasyPrint heeft); wijs met STUKKEN_WEASYPRINT naar de weasyprint van het "
                + "Debian-pakket, /usr/bin/weasyprint"
        )
    }
    static func timedOut(seconds: Int) -> Message {
        Message(
            .pdfTimedOut,
            "WeasyPrint was na \(seconds) s nog niet klaar en is gestopt; er is geen PDF geschreven"
        )
    }
    static func failed(status: Int32, detail: String) -> Message {
        Message(
            .pdfFailed,
            "WeasyPrint stopte met status \(status); er is geen PDF geschreven" + (detail.isEmpty ? "" : ":\n" + detail)
        )
    }
    static func io(_ detail: String) -> Message { Message(.pdfUnavailable, "PDF maken kan niet: \(detail)") }
    static let stdoutRefused = Message(
        .pdfToStdout, "een PDF gaat niet naar het scherm: geef met -o een bestand of map")
    /// `image`: as the stuk names it (`grafiek.png`, `http://…`), or the URL an SVG names.
    static func imageLeftOut(_ image: String, reason: RefusedImage.Reason) -> Message {
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
        return Message(.imageLeftOut, "afbeelding '\(image)' staat niet in de PDF: \(why)")
    }
}
