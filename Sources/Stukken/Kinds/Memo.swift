/// A memo (seed 003: MEMO with AAN / VAN / DATUM / ONDERWERP), or a short voorstel in
/// memo form (seed 002: title, then "Aan: / Van: / Opgesteld: / Datum:" between rules).
public struct Memo: DocumentKind {
    public static let soort = "memo"

    public enum Opmaak: String, Sendable {
        /// Seed 003: the heading block as a table AAN / VAN / DATUM / ONDERWERP.
        case memo
        /// Seed 002: "Aan: / Van: / Opgesteld: / Datum:" between two rules.
        case voorstel
    }

    /// The `titel:` field: what the `h1` prints ("MEMO", or a voorstel's title).
    public var kopTitel: String
    public var opmaak: Opmaak
    public var openbaar: Bool
    public var aan: String
    public var van: [String]
    public var opgesteld: String?
    public var datum: Datum
    public var onderwerp: String?
    public var inhoud: String
    public var bijlagen: [Bijlage]

    /// For `<title>` and indexes: the onderwerp says more than "MEMO".
    public var titel: String { onderwerp ?? kopTitel }

    /// Seed 002 (a voorstel in memovorm) and seed 003 (a memo): the form, then its subject.
    public var printHeader: PrintHeader {
        PrintHeader(
            soort: opmaak == .voorstel ? "VOORSTEL" : "MEMO", orgaan: "", label: "ONDERWERP",
            onderwerp: onderwerp ?? kopTitel, afzender: PrintHeader.veiligheidsregio,
            subject: opmaak == .voorstel ? "Voorstel in memovorm" : "Memo", capitals: false)
    }

    public static let wooDocumentsoort: WooDocumentsoort? = nil
    public var wooFacts: WooFacts { WooFacts(datum: datum) }

    public static let fields: [Field] = [
        CommonFields.soort(soort),
        CommonFields.openbaar,
        Field(
            "titel", "Titel", .text, .optional,
            help: ["Het opschrift boven de memo; bij een voorstel in memovorm de titel van het voorstel."],
            default: "MEMO", example: "MEMO"),
        Field(
            "opmaak", "Opmaak", .choice(["memo", "voorstel"]), .optional,
            help: [
                "memo: kop AAN / VAN / DATUM / ONDERWERP als tabel.",
                "voorstel: een voorstel in memovorm, met Aan: / Van: / Opgesteld: / Datum: tussen twee lijnen.",
            ],
            default: "memo", example: "memo"),
        Field("aan", "AAN", .text, example: "De Twentse burgemeesters"),
        Field(
            "van", "VAN", .list(.text, minimum: 1),
            help: ["Een afzender, of een lijst als de memo van meer personen komt."],
            example: "Secretaris VRT H. Meuleman"),
        Field(
            "opgesteld", "Opgesteld", .text, .optional,
            help: ["Wie de memo heeft opgesteld, als dat een ander is dan de afzender."],
            example: "Violette van Heek"),
        Field("datum", "DATUM", .date, example: "2022-02-17"),
        Field(
            "onderwerp", "ONDERWERP", .text, .requiredWhen(key: "opmaak", equals: ["memo"]),
            help: ["Verplicht bij opmaak memo."],
            example: "Regionale input veiligheid tbv lokale coalitieakkoorden"),
        Field(
            "inhoud", "Inhoud", .markdown,
            help: ["De tekst van de memo (Markdown); '## Kop' voor een paragraaf, [^1] voor een voetnoot."],
            headingLevel: 2),
        CommonFields.bijlagen,
        DataTableFields.tabellen,
    ]

    public init(_ r: Record) {
        kopTitel = r.text("titel") ?? "MEMO"
        opmaak = Opmaak(rawValue: r.text("opmaak") ?? "") ?? .memo
        openbaar = r.jaNee("openbaar") ?? false
        aan = r.text("aan") ?? ""
        van = r.texts("van")
        opgesteld = r.text("opgesteld")
        datum = r.requiredDate("datum")
        onderwerp = r.text("onderwerp")
        inhoud = r.markdown("inhoud") ?? ""
        bijlagen = r.records("bijlagen").map(Bijlage.init)
    }

    public var context: [String: Any] {
        var c: [String: Any] = [
            "titel": kopTitel,
            "opmaak_memo": opmaak == .memo,
            "opmaak_voorstel": opmaak == .voorstel,
            "niet_openbaar": !openbaar,
            "labels": Formulier.labels(Self.fields),
            "aan": aan,
            "van": van.enumerated().map { i, naam in ["naam": naam, "eerste": i == 0, "laatste": i == van.count - 1] },
            "van_tekst": van.joined(separator: "; "),
            "datum": datum.lang,
            "inhoud": inhoud,
            "bijlagen": Bijlage.context(bijlagen),
            "heeft_bijlagen": !bijlagen.isEmpty,
            "bijlagen_kop": bijlagen.count == 1 ? "Bijlage" : "Bijlagen",
        ]
        c["opgesteld"] = opgesteld
        c["onderwerp"] = onderwerp
        return c
    }
}
