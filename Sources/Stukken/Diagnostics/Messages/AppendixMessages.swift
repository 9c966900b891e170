/// The texts about bijlagen that are text (an appendix printed after the document) and
/// about the voorstel a notitie names with `bij:`.
public enum AppendixMessage {
    public static func fileAndText(_ bestand: String) -> Message {
        Message(
            .appendixFileAndText,
            "een bijlage is een bestand of een tekst, niet allebei: deze noemt bestand '\(bestand)' en heeft inhoud; haal 'bestand' of 'inhoud' weg"
        )
    }
}

extension AppendixMessage {
    public static func voorstelMissing(_ path: String) -> Message {
        Message(
            .bijVoorstelMissing,
            "bij: het voorstel '\(path)' bestaat niet; geef het pad vanaf de map van deze notitie, zoals bij: voorstel.yaml"
        )
    }
    public static func voorstelHasErrors(_ path: String) -> Message {
        Message(
            .bijVoorstelHasErrors,
            "bij: het voorstel '\(path)' heeft fouten (hieronder); verbeter die eerst, de notitie neemt er haar kop uit"
        )
    }
    public static func notAVoorstel(_ path: String, soort: String) -> Message {
        Message(
            .bijNotAVoorstel,
            "bij: '\(path)' is een \(soort), geen voorstel; noem het voorstel waar deze notitie bij hoort")
    }
    public static let bijFileOrFields = Message(
        .bijFileOrFields,
        "bij: noem het voorstel (een pad: bij: voorstel.yaml) of geef onderwerp en orgaan, niet allebei en niet geen van beide"
    )
    public static func bijDisagrees(notitie: String, names: String, listedBy: String) -> Message {
        Message(
            .bijDisagrees,
            "de notitie '\(notitie)' hoort volgens bij: bij '\(names)', maar staat als bijlage in '\(listedBy)'; laat bij: naar '\(listedBy)' wijzen"
        )
    }
}
