/// An agenda proposal to the Algemeen Bestuur (seeds 000, 001) or the DVO (seed 004).
public struct Voorstel: DocumentKind {
    public static let soort = "voorstel"

    public enum Orgaan: String, Sendable {
        case ab = "AB"
        case dvo = "DVO"

        /// "Aldus vastgesteld in de vergadering van …" (seed 000).
        public var vergaderingVan: String {
            switch self {
            case .ab: "het algemeen bestuur"
            case .dvo: "het Districtelijk Veiligheidsoverleg Twente"
            }
        }

        public var naam: String {
            switch self {
            case .ab: "Algemeen Bestuur"
            case .dvo: "Districtelijk Veiligheidsoverleg Twente"
            }
        }
    }

    /// One point of the voorstel (ADVIES); nested up to three levels, printed 1. / a) / 1).
    public struct Punt: Sendable, Equatable {
        public var tekst: String
        public var punten: [Punt]
    }

    public struct Persoon: Sendable, Equatable {
        public var naam: String
        public var functie: String
    }

    public struct Ondertekening: Sendable, Equatable {
        public var plaats: String
        public var datum: Datum
        public var namens: String
        public var secretaris: Persoon
        public var voorzitter: Persoon
    }

    public struct Vaststelling: Sendable, Equatable {
        public var datum: Datum
        public var secretaris: Persoon
        public var voorzitter: Persoon
    }

    public var orgaanVan: Orgaan
    public var onderwerp: String
    public var agendapunt: String?
    public var datum: Datum
    public var openbaar: Bool
    public var behandeldDoor: String
    public var registratienummer: String?
    public var telefoonnummer: String?
    public var portefeuillehouder: String
    public var concept: Bool
    public var openbareTitel: String?
    public var besluit: String?
    public var voorstel: [Punt]
    public var samenvatting: String?
    public var toelichting: String?
    public var bijlagen: [Bijlage]
    public var ondertekening: Ondertekening?
    public var vaststelling: Vaststelling?

    public var titel: String { onderwerp }
    public var orgaan: String? { orgaanVan.rawValue }
    public var vergaderdatum: Datum? { datum }
    public var isConcept: Bool { concept }

    public var printHeader: PrintHeader {
        Self.printHeader(orgaanVan, onderwerp: onderwerp, agendapunt: agendapunt)
    }

    /// A voorstel's header, which a notitie that belongs to one carries too (seed 004).
    static func printHeader(_ orgaan: Orgaan, onderwerp: String, agendapunt: String?) -> PrintHeader {
        PrintHeader(
            soort: "VOORSTEL", orgaan: orgaan.naam, label: "ONDERWERP", onderwerp: onderwerp,
            afzender: orgaan == .dvo ? PrintHeader.platform : PrintHeader.veiligheidsregio,
            subject: "Voorstel aan het \(orgaan.naam)" + (agendapunt.map { ", agendapunt \($0)" } ?? ""),
            capitals: orgaan == .dvo)
    }

    public static let wooDocumentsoort: WooDocumentsoort? = nil

    public var wooFacts: WooFacts {
        WooFacts(
            datum: datum, registratienummer: registratienummer, portefeuillehouder: portefeuillehouder,
            samenvatting: samenvatting, ondertekend: ondertekening?.datum, vastgesteld: vaststelling?.datum)
    }

    static let maximumDepth = 3

    static func punt(depth: Int) -> FieldType {
        var fields = [Field("tekst", "Tekst", .text, example: "Instemmen met de verantwoording van TS&S;")]
        if depth < maximumDepth {
            fields.append(
                Field(
                    "punten", "Punten", .list(punt(depth: depth + 1), minimum: 1), .optional,
                    help: ["Onderdelen van dit punt; genummerd a), b), … en daaronder 1), 2), …"]))
        }
        return .textOrRecord(shorthand: "tekst", fields)
    }

    static func ondertekenaar(_ key: String, _ label: String) -> Field {
        Field(
            key, label, CommonFields.persoon,
            help: ["Een naam, of {naam, functie} als de functie anders is dan '\(label)'."])
    }

    public static let fields: [Field] = [
        CommonFields.soort(soort),
        Field(
            "orgaan", "Orgaan", .choice(["AB", "DVO"]),
            help: ["AB: Algemeen Bestuur Veiligheidsregio Twente; DVO: Districtelijk Veiligheidsoverleg Twente."],
            example: "AB"),
        Field("onderwerp", "ONDERWERP", .text, example: "Verantwoording en voorstel voor vervolg TS&S"),
        Field("agendapunt", "AGENDAPUNT", .text, example: "E3"),
        Field("datum", "DATUM", .date, help: ["Datum van de vergadering."], example: "2016-10-10"),
        CommonFields.openbaar,
        Field("behandeld_door", "BEHANDELD DOOR", .text, example: "H. Meuleman", contactDetail: true),
        Field("registratienummer", "REGISTRATIENUMMER", .text, .optional, example: "2016/1234"),
        Field("telefoonnummer", "TELEFOONNUMMER", .text, .optional, example: "06 - 13009389", contactDetail: true),
        Field("portefeuillehouder", "PORTEFEUILLEHOUDER", .text, example: "Burgemeester Hofland"),
        Field(
            "status", "Status", .choice(["concept", "definitief"]), .optional,
            help: ["concept of definitief; een concept wordt zichtbaar als CONCEPT gemarkeerd."],
            default: "definitief", example: "definitief"),
        Field(
            "openbare_titel", "Openbare titel", .text, .optional,
            help: ["De titel die een openbare agenda mag tonen als het stuk niet openbaar is."]),
        Field(
            "besluit", "Besluit", .markdown, .optional,
            help: ["Het besluit van de vergadering; in te vullen na de vergadering."]),
        Field(
            "voorstel", "Voorstel", .list(punt(depth: 1), minimum: 1),
            help: [
                "De punten waarmee de vergadering instemt, een per regel.",
                "Een punt met onderdelen: {tekst, punten}.",
            ]),
        Field("samenvatting", "Samenvatting", .markdown, .optional, help: ["Korte samenvatting (Markdown)."]),
        Field(
            "toelichting", "Aan het algemeen bestuur", .markdown, .requiredWhen(key: "orgaan", equals: ["AB"]),
            help: ["De toelichting (Markdown); verplicht voor het AB."]),
        CommonFields.bijlagen,
        Field(
            "ondertekening", "Ondertekening",
            .record([
                Field("plaats", "Plaats", .text, example: "Enschede"),
                Field("datum", "Datum", .date, example: "2016-09-21"),
                Field("namens", "Namens", .text, .optional, default: "Het dagelijks bestuur"),
                ondertekenaar("secretaris", "Secretaris"),
                ondertekenaar("voorzitter", "Voorzitter"),
            ]), .optional),
        Field(
            "vaststelling", "Vaststelling",
            .record([
                Field("datum", "Datum", .date, example: "2016-10-10"),
                ondertekenaar("secretaris", "Secretaris"),
                ondertekenaar("voorzitter", "Voorzitter"),
            ]), .optional,
            help: ["Na de vergadering: 'Aldus vastgesteld in de vergadering … d.d. …'."]),
        DataTableFields.tabellen,
    ]

    public init(_ r: Record) {
        orgaanVan = Orgaan(rawValue: r.text("orgaan") ?? "") ?? .ab
        onderwerp = r.text("onderwerp") ?? ""
        agendapunt = r.text("agendapunt")
        datum = r.requiredDate("datum")
        openbaar = r.jaNee("openbaar") ?? false
        behandeldDoor = r.text("behandeld_door") ?? ""
        registratienummer = r.text("registratienummer")
        telefoonnummer = r.text("telefoonnummer")
        portefeuillehouder = r.text("portefeuillehouder") ?? ""
        concept = r.text("status") == "concept"
        openbareTitel = r.text("openbare_titel")
        besluit = r.markdown("besluit")
        voorstel = r.records("voorstel").map(Self.punt)
        samenvatting = r.markdown("samenvatting")
        toelichting = r.markdown("toelichting")
        bijlagen = r.records("bijlagen").map(Bijlage.init)
        ondertekening = r.record("ondertekening").map {
            Ondertekening(
                plaats: $0.text("plaats") ?? "", datum: $0.requiredDate("datum"),
                namens: $0.text("namens") ?? "Het dagelijks bestuur",
                secretaris: Self.persoon($0.record("secretaris"), "Secretaris"),
                voorzitter: Self.persoon($0.record("voorzitter"), "Voorzitter"))
        }
        vaststelling = r.record("vaststelling").map {
            Vaststelling(
                datum: $0.requiredDate("datum"),
                secretaris: Self.persoon($0.record("secretaris"), "Secretaris"),
                voorzitter: Self.persoon($0.record("voorzitter"), "Voorzitter"))
        }
    }

    static func punt(_ r: Record) -> Punt {
        Punt(tekst: r.text("tekst") ?? "", punten: r.records("punten").map(punt))
    }

    static func persoon(_ r: Record?, _ rol: String) -> Persoon {
        Persoon(naam: r?.text("naam") ?? "", functie: r?.text("functie") ?? rol)
    }

    public var context: [String: Any] {
        var c: [String: Any] = [
            "ab": orgaanVan == .ab,
            "dvo": orgaanVan == .dvo,
            "orgaan": orgaanVan.rawValue,
            "orgaan_naam": orgaanVan.naam,
            "onderwerp": onderwerp,
            "agendapunt": agendapunt ?? "",
            "datum": datum.lang,
            "openbaar": openbaar ? "ja" : "nee",
            // Left out of a public pack (contact details): printed as "-" like any empty part.
            "behandeld_door": behandeldDoor.isEmpty ? "-" : behandeldDoor,
            "registratienummer": registratienummer ?? "-",
            "telefoonnummer": telefoonnummer ?? "-",
            "portefeuillehouder": portefeuillehouder,
            "concept": concept,
            // A single point without parts prints as a sentence, as in seed 001.
            "enkelvoudig": voorstel.count == 1 && voorstel[0].punten.isEmpty,
            "voorstel": voorstel.map(Self.context),
            "bijlagen": Bijlage.context(bijlagen),
        ]
        c["besluit"] = besluit
        c["samenvatting"] = samenvatting
        c["toelichting"] = toelichting
        if let o = ondertekening {
            c["ondertekening"] =
                [
                    "plaats": o.plaats, "datum": o.datum.lang, "namens": o.namens,
                    "secretaris": Self.context(o.secretaris), "voorzitter": Self.context(o.voorzitter),
                ] as [String: Any]
        }
        if let v = vaststelling {
            c["vaststelling"] =
                [
                    "datum": v.datum.lang, "vergadering_van": orgaanVan.vergaderingVan,
                    "secretaris": Self.context(v.secretaris), "voorzitter": Self.context(v.voorzitter),
                ] as [String: Any]
        }
        return c
    }

    static func context(_ p: Punt) -> [String: Any] {
        // Every level carries `punten`, so Mustache never finds a parent's list instead.
        ["tekst": p.tekst, "punten": p.punten.map(context)]
    }

    static func context(_ p: Persoon) -> [String: Any] {
        ["naam": p.naam, "functie": p.functie]
    }
}
