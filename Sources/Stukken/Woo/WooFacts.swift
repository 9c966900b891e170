/// What the Woo files (DiWoo metadata, JSON-LD, ORI export) say about one published
/// document, filled by its kind from its typed model, so no Woo code reads a kind's
/// fields by name.
public struct WooFacts: Sendable, Equatable {
    /// The document's own date: the day it counts as received when nothing was signed or adopted.
    var datum: Datum
    /// DiWoo and JSON-LD `identifier`, ORI `registratienummer`.
    var registratienummer: String? = nil
    /// ORI `portefeuillehouder`.
    var portefeuillehouder: String? = nil
    /// Markdown; its plain text is the DiWoo `omschrijving` and the JSON-LD `abstract`.
    var samenvatting: String? = nil
    /// The DiWoo handelingen `ondertekening` and `vaststelling`, when the document records them.
    var ondertekend: Datum? = nil
    var vastgesteld: Datum? = nil
}

/// The documentsoort (TOOI `ccw_plooi_documentsoorten`) a kind adds to `vergaderstuk`,
/// which every published document is; `Vocabulary` knows each one's URI and label.
public enum WooDocumentsoort: Sendable {
    case beleidsnota
    case plan
    case evaluatierapport
}
