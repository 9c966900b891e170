/// The texts of the checks on `tabellen:` (see `DataTableCheck`).
public enum TableMessage {
    static func unknownTableID(_ id: String, suggestion: String?, known: [String]) -> Message {
        if let suggestion {
            return Message(.unknownTableID, "'[tabel: \(id)]' noemt een onbekende tabel; bedoelde u '\(suggestion)'?")
        }
        if known.isEmpty {
            return Message(
                .unknownTableID,
                "'[tabel: \(id)]' noemt een tabel, maar er zijn geen tabellen; voeg onder 'tabellen:' een tabel met id '\(id)' toe"
            )
        }
        return Message(
            .unknownTableID,
            "'[tabel: \(id)]' noemt een onbekende tabel; de tabellen zijn: \(known.joined(separator: ", "))")
    }
    static func duplicateTableID(_ id: String) -> Message {
        Message(.duplicateTableID, "er zijn twee tabellen met id '\(id)'; geef elke tabel een eigen id")
    }
    static func rowWidth(_ rij: String, values: Int, columns: Int) -> Message {
        Message(
            .tableRowWidth,
            "rij '\(rij)' heeft \(values) \(values == 1 ? "waarde" : "waarden") en de tabel \(columns) \(columns == 1 ? "kolom" : "kolommen"); geef één waarde per kolom, in de volgorde van de kolommen"
        )
    }
    static func notANumber(_ value: String, kolom: String) -> Message {
        Message(
            .tableValueNotANumber,
            "'\(value)' in kolom '\(kolom)' is geen getal; schrijf bijvoorbeeld 2,44 of 2.44 (zonder scheidingsteken voor duizendtallen), of geef de kolom 'soort: tekst'"
        )
    }
    static func unknownCategory(_ naam: String, suggestion: String?, known: [String]) -> Message {
        if let suggestion {
            return Message(
                .unknownTableCategory, "categorie '\(naam)' bestaat niet in deze tabel; bedoelde u '\(suggestion)'?")
        }
        let list =
            known.isEmpty
            ? "de tabel heeft geen 'categorieen'" : "de categorieën zijn: \(known.joined(separator: ", "))"
        return Message(.unknownTableCategory, "categorie '\(naam)' bestaat niet in deze tabel; \(list)")
    }
    static func idNotAName(_ id: String) -> Message {
        Message(
            .tableIDNotAName,
            "tabel-id '\(id)' kan niet in '[tabel: id]' staan; gebruik alleen letters, cijfers, '-' en '_', zoals 'incidentie'"
        )
    }
}
