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
    /// The voorstel as the mapping form of `bij:` names it; `nil` when `bij:` is a path.
    public var bij: Bij?
    /// `bij: voorstel.yaml`: the path as written, and the voorstel itself once loaded (a
    /// reader that follows no files, the web form, leaves it `nil` and shows a placeholder).
    public var bijBestand: String?
    public var voorstel: Voorstel?
    public var inhoud: String
    public var bijlagen: [Bijlage]

    public var printHeader: PrintHeader {
        // A notitie that belongs to a voorstel carries that voorstel's header, as in seed 004.
        if let voorstel {
            var h = voorstel.printHeader
            h.subject =
                "Notitie bij het voorstel aan het \(voorstel.orgaanVan.naam)"
                + (voorstel.agendapunt.map { ", agendapunt \($0)" } ?? "")
            return h
        }
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
            .textOrRecord(
                shorthand: "bestand",
                [
                    Field(
                        "bestand", "Voorstel", .text, .optional,
                        help: [
                            "Pad naar de YAML van het voorstel, vanaf de map van deze notitie (bij: voorstel.yaml).",
                            "De notitie drukt dan de kop van dat voorstel af; onderwerp en orgaan blijven weg.",
                        ]),
                    Field("onderwerp", "Onderwerp", .text, .optional, example: "Doorontwikkeling samenwerking IVZ"),
                    Field(
                        "orgaan", "Orgaan", .choice(["AB", "DVO"]), .optional,
                        help: [
                            "AB: Algemeen Bestuur Veiligheidsregio Twente; DVO: Districtelijk Veiligheidsoverleg Twente."
                        ],
                        example: "DVO"),
                    Field("agendapunt", "Agendapunt", .text, .optional, example: "E01A"),
                ]), .optional,
            help: [
                "Het voorstel waar deze notitie bij hoort: het pad naar zijn YAML (bij: voorstel.yaml),",
                "of onderwerp, orgaan (AB of DVO) en agendapunt.",
            ]),
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
        bijBestand = r.record("bij")?.text("bestand")
        bij = r.record("bij").flatMap {
            guard $0.text("bestand") == nil else { return nil }
            return Bij(
                onderwerp: $0.text("onderwerp") ?? "",
                orgaan: Voorstel.Orgaan(rawValue: $0.text("orgaan") ?? "") ?? .dvo,
                agendapunt: $0.text("agendapunt"))
        }
        inhoud = r.markdown("inhoud") ?? ""
        bijlagen = r.records("bijlagen").map(Bijlage.init)
    }

    public static func reference(in record: Record) -> (path: String, location: SourceLocation?, field: String)? {
        guard let bij = record.record("bij"), let path = bij.text("bestand") else { return nil }
        return (path, bij.locations["bestand"] ?? record.locations["bij"], "bij")
    }

    public mutating func attach(_ referenced: (any DocumentKind)?) {
        voorstel = referenced as? Voorstel
        // Withheld: its file name may say as much as its onderwerp.
        if referenced == nil { bijBestand = nil }
    }

    /// `bij:` names its voorstel by path, or gives onderwerp and orgaan: one of the two.
    public static func check(_ record: Record, file: String) -> [Diagnostic] {
        guard let bij = record.record("bij") else { return [] }
        let byPath = bij.text("bestand") != nil
        let byFields = ["onderwerp", "orgaan", "agendapunt"].contains { bij.values[$0] != nil }
        let complete = bij.text("onderwerp") != nil && bij.text("orgaan") != nil
        guard byPath == byFields || (!byPath && !complete) else { return [] }
        let at = bij.location ?? record.locations["bij"]
        return [
            Diagnostic(
                .error, file: file, line: at?.line, column: at?.column, field: "bij",
                message: AppendixMessage.bijFileOrFields)
        ]
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
        if let voorstel {
            // The voorstel's whole heading block, as seed 004 repeats it above the notitie.
            c["bij_voorstel"] = voorstel.context
        } else if let bijBestand {
            c["bij_bestand"] = bijBestand
        }
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
