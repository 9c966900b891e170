/// The texts `stukken serve` (the web form) shows beside the validator's messages.
public enum ServeMessage {
    public static let wrongHost = Message(
        .wrongHost,
        "geweigerd: deze formulierserver antwoordt alleen op http://127.0.0.1 en http://localhost")
    public static let noUpload = Message(
        .noUpload, "geen bestand ontvangen; kies een YAML-bestand en probeer het opnieuw")
    public static let cannotOpen = Message(
        .cannotOpen, "dit bestand kan niet in een formulier worden geopend; zie de meldingen hieronder")
    public static let htmlNeedsValid = Message(
        .htmlNeedsValid,
        "HTML kan pas worden gedownload als het stuk geen fouten meer heeft; zie de meldingen bij de velden")
    public static func cannotListen(port: Int, reason: String) -> Message {
        Message(
            .cannotListen,
            "kan niet luisteren op 127.0.0.1:\(port) (\(reason)); is de poort al in gebruik? kies dan een andere met --port"
        )
    }
    public static func tooManyFields(limit: Int) -> Message {
        Message(
            .tooManyFields,
            "het formulier heeft te veel velden (meer dan \(limit)); een stuk in het formulier heeft er hoogstens \(limit), zet de rest in een apart stuk of bewerk het YAML-bestand zelf"
        )
    }
    public static func tooManyRows(list: String, limit: Int) -> Message {
        let shown = list.count > 60 ? list.prefix(60) + "…" : Substring(list)
        return Message(
            .tooManyRows,
            "de lijst '\(shown)' heeft meer dan \(limit) regels; het formulier houdt er hoogstens \(limit) bij, zet de rest in een apart stuk of bewerk het YAML-bestand zelf"
        )
    }
    public static let badUpload = Message(
        .badUpload,
        "het bestand kwam niet goed aan (geen geldige multipart/form-data-grens van 1 tot 70 tekens); kies het bestand opnieuw met 'Open YAML'"
    )
    public static let absoluteTarget = Message(
        .absoluteTarget,
        "geweigerd: de aanvraag noemt een volledig adres in plaats van een pad; deze formulierserver is geen proxy")
    public static let pdfBusy = Message(
        .pdfBusy,
        "er worden al PDF's gemaakt; probeer 'Download PDF' over een ogenblik opnieuw")
    /// An error page for a status without a message of its own.
    public static func status(_ code: Int) -> Message {
        let text =
            switch code {
            case 404: "deze pagina bestaat niet; ga terug naar het begin"
            case 413:
                "de aanvraag is te groot (hoogstens \(2 * Limits.maximumFileBytes) bytes); een stuk is hoogstens \(Limits.maximumFileBytes) bytes"
            case 400..<500:
                "de aanvraag kan niet worden gelezen (HTTP \(code)); ga terug naar het begin en probeer het opnieuw"
            default:
                "er ging iets mis in de formulierserver (HTTP \(code)); probeer het opnieuw of start 'stukken serve' opnieuw"
            }
        return Message(.httpStatus, text)
    }
}
