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
