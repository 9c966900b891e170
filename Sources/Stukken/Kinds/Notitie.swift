/// A notitie: a longer text with chapters, often a bijlage to a voorstel (seed 004:
/// "Notitie doorontwikkeling samenwerking Platform IVZ" with the DVO-voorstel E01A).
/// Its page gets a table of contents linking to the chapters.
public struct Notitie: DocumentKind {
    public static let soort = "notitie"

    /// The voorstel this notitie belongs to.
    public struct Bij: Sendable, Equatable {
        public var onderwerp: String
        public var orgaan: Voorstel.Orgaan
        public var agendapunt: String?
    }

    public var titel: String
    public var openbaar: Bool
    public var datum: Datum
    public var bij: Bij?
    public var inhoud: String
    public var bijlagen: [Bijlage]

    public var printHeader: PrintHeader {
        // A notitie that belongs to a voorstel carries that voorstel's header, as in seed 004.
        if let bij {
            var h = Voorstel.printHeader(bij.orgaan, onderwerp: bij.onderwerp, agendapunt: bij.agendapunt)
            let punt = bij.agendapunt.map { ", agendapunt \($0)" } ?? ""
            h.subject = "Notitie bij het voorstel aan het \(bij.orgaan.naam)" + punt
            return h
        }
        return PrintHeader(
            soort: "NOTITIE", orgaan: "", label: "ONDERWERP", onderwerp: titel, afzender: PrintHeader.platform,
            subject: "Notitie", capitals: false)
    }

    public static let wooDocumentsoort: WooDocumentsoort? = .beleidsnota
    public var wooFacts: WooFacts { WooFacts(datum: datum) }

    public static let fields: [Field] = [
        CommonFields.soort(soort),
        CommonFields.openbaar,
        Field("titel", "Titel", .text, example: "Notitie doorontwikkeling samenwerking Platform IVZ"),
        Field("datum", "Datum", .date, example: "2016-10-10"),
        Field(
            "bij", "Bij voorstel",
            .record([
                Field("onderwerp", "Onderwerp", .text, example: "Doorontwikkeling samenwerking IVZ"),
                Field(
                    "orgaan", "Orgaan", .choice(["AB", "DVO"]),
                    help: [
                        "AB: Algemeen Bestuur Veiligheidsregio Twente; DVO: Districtelijk Veiligheidsoverleg Twente."
                    ],
                    example: "DVO"),
                Field("agendapunt", "Agendapunt", .text, .optional, example: "E01A"),
            ]), .optional,
            help: ["Het voorstel waar deze notitie bij hoort: onderwerp, orgaan (AB of DVO) en agendapunt."]),
        Field(
            "inhoud", "Inhoud", .markdown,
            help: [
                "De tekst van de notitie (Markdown); '## 1 Inleiding' voor een hoofdstuk, '### …' voor een paragraaf.",
                "De hoofdstukken vormen de inhoudsopgave.",
            ],
            headingLevel: 2),
        CommonFields.bijlagen,
        DataTableFields.tabellen,
    ]

    public init(_ r: Record) {
        titel = r.text("titel") ?? ""
        openbaar = r.jaNee("openbaar") ?? false
        datum = r.requiredDate("datum")
        bij = r.record("bij").map {
            Bij(
                onderwerp: $0.text("onderwerp") ?? "",
                orgaan: Voorstel.Orgaan(rawValue: $0.text("orgaan") ?? "") ?? .dvo,
                agendapunt: $0.text("agendapunt"))
        }
        inhoud = r.markdown("inhoud") ?? ""
        bijlagen = r.records("bijlagen").map(Bijlage.init)
    }

    public var context: [String: Any] {
        var c: [String: Any] = [
            "titel": titel,
            "niet_openbaar": !openbaar,
            "labels": Formulier.labels(Self.fields),
            "datum": datum.lang,
            "inhoud": inhoud,
            "bijlagen": Bijlage.context(bijlagen),
            "heeft_bijlagen": !bijlagen.isEmpty,
            "bijlagen_kop": bijlagen.count == 1 ? "Bijlage" : "Bijlagen",
            // Read by pagina.html.mustache: a notitie's page lists its chapters.
            "toon_inhoudsopgave": true,
        ]
        if let bij {
            c["bij"] =
                [
                    "onderwerp": bij.onderwerp, "orgaan": bij.orgaan.rawValue, "orgaan_naam": bij.orgaan.naam,
                    "agendapunt": bij.agendapunt ?? "", "heeft_agendapunt": bij.agendapunt != nil,
                ] as [String: Any]
        }
        return c
    }
}
