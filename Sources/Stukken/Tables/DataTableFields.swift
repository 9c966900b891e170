/// The `tabellen:` field every kind with a Markdown field carries: data tables that Markdown
/// cannot say (column groups, row groups, numbers ranked and coloured from their values,
/// named categories with a legend). A Markdown field places one with a paragraph of its own,
/// `[tabel: id]` (see `TableReference`). One field list drives check, new, schema, the form
/// and docs/velden, so the table's whole shape is written here once.
enum DataTableFields {
    static let rangorde = ["laag-eerst", "hoog-eerst"]
    static let kleuren = ["blauw", "paars", "oranje", "grijs"]
    static let kolomsoorten = ["getal", "tekst"]

    static let tabellen = Field(
        "tabellen", "Tabellen", .list(.record(tabel)), .optional,
        help: [
            "Tabellen met cijfers die in een Markdown-veld komen te staan: zet '[tabel: id]' als eigen alinea in de tekst.",
            "Getallen mogen 2,44 of 2.44 zijn; ze worden als 2,44 gedrukt, rechts uitgelijnd.",
        ])

    static let tabel: [Field] = [
        Field(
            "id", "Id", .text, help: ["Korte naam zonder spaties, zoals in '[tabel: incidentie]'."],
            example: "incidentie"),
        Field(
            "bijschrift", "Bijschrift", .text, help: ["Wat de tabel laat zien; staat boven de tabel."],
            example: "Incidentie per 1.000 inwoners, districten Oost-Nederland, 2015"),
        Field(
            "kop", "Kop van de eerste kolom", .text, help: ["Waar de rijen over gaan, zoals 'Districten'."],
            example: "Districten"),
        Field(
            "groepskop", "Kop van de kolomgroepen", .text, .optional,
            help: ["Waar de kolomgroepen over gaan, zoals 'Veiligheids-thema'."], example: "Veiligheids-thema"),
        Field(
            "rangorde", "Rangorde", .choice(rangorde), .optional,
            help: [
                "Zet in elke getallenkolom een rangorde: laag-eerst geeft de laagste waarde plaats 1.",
                "Gelijke waarden delen een plaats; de volgende waarde krijgt de volgende plaats.",
                "Plaats 1 tot en met 5 kleuren van groen naar rood; de plaats staat er ook als tekst bij.",
            ], example: "laag-eerst"),
        Field(
            "categorieen", "Categorieën", .list(.record(categorie)), .optional,
            help: ["Namen voor gemarkeerde kolommen, met een kleur en uitleg voor de legenda."]),
        Field("kolomgroepen", "Kolomgroepen", .list(.record(kolomgroep), minimum: 1)),
        Field("rijgroepen", "Rijgroepen", .list(.record(rijgroep), minimum: 1)),
    ]

    static let categorie: [Field] = [
        Field("naam", "Naam", .text, example: "speerpunt"),
        Field("kleur", "Kleur", .choice(kleuren), example: "blauw"),
        Field("uitleg", "Uitleg", .text, example: "Speerpunt van het Platform IVZ"),
    ]

    static let kolomgroep: [Field] = [
        Field(
            "naam", "Naam", .text, .optional, help: ["De kop boven de kolommen van deze groep."],
            example: "Veilige woon- en leefomgeving"),
        Field("kolommen", "Kolommen", .list(.record(kolom), minimum: 1)),
    ]

    static let kolom: [Field] = [
        Field("naam", "Naam", .text, example: "Woninginbraken"),
        Field("soort", "Soort", .choice(kolomsoorten), .optional, default: "getal", example: "getal"),
        Field(
            "categorie", "Categorie", .text, .optional, help: ["De naam van een van de categorieën."],
            example: "speerpunt"),
        Field(
            "rangorde", "Rangorde", .jaNee, .optional,
            help: ["'nee' laat deze kolom buiten de rangorde van de tabel."], default: "ja", example: "ja"),
    ]

    static let rijgroep: [Field] = [
        Field(
            "naam", "Naam", .text, .optional, help: ["Een kop boven de rijen van deze groep."], example: "Districten"),
        Field(
            "totaal", "Totaal", .jaNee, .optional,
            help: ["'ja' voor totaal- of gemiddelderijen: die tellen niet mee in de rangorde."], default: "nee",
            example: "nee"),
        Field("rijen", "Rijen", .list(.record(rij), minimum: 1)),
    ]

    static let rij: [Field] = [
        Field("naam", "Naam", .text, example: "Twente"),
        Field(
            "waarden", "Waarden", .list(.text, minimum: 1),
            help: ["Eén waarde per kolom, in de volgorde van de kolommen; '-' waar een getal ontbreekt."],
            example: "2,79"),
    ]
}
