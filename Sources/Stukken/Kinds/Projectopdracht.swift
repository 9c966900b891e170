/// The intake form of the Platform IVZ (seed 004, bijlage 4 "FORMAT PROJECTOPDRACHT"):
/// what the opdracht is, and whether it meets the selection criteria.
public struct Projectopdracht: FormKind {
    public static let soort = "projectopdracht"

    /// The form's own explanation, printed under its title (bijlage 4, row OPDRACHT).
    public static let toelichting =
        "De projectopdracht dient helderheid te verschaffen over de opdracht en behoort tot het intake proces."

    /// "Beoordeling/ selectiecriteria": four judged by the author, one computed.
    public struct Selectiecriteria: Sendable, Equatable {
        public var primaatOpenbareOrdeEnVeiligheid: Bool
        public var dvoBesluitvormendOrgaan: Bool
        public var actueelUrgentHoogAfbreukrisico: Bool
        public var haalbaar: Bool
        /// Distinct, in the order of `Twente.gemeenten`.
        public var gemeenten: [String]

        /// "Speelt in ≥ 7 Twentse gemeenten".
        public var speeltInGenoegGemeenten: Bool { gemeenten.count >= Projectopdracht.minimumGemeenten }
    }

    static let formaatNaam = "PROJECTOPDRACHT"
    static let toelichtingLabel = "OPDRACHT"
    static let toelichtingInTabel = true
    static let kopKeys: Set<String> = ["titel", "indiener", "datum"]
    static func vakjes(_ key: String) -> [String] { key == "selectiecriteria" ? criteriumLabels : [] }

    /// The five criteria's labels in the order of the seed form.
    static var criteriumLabels: [String] {
        let label = { (key: String) in Formulier.field(key, in: criteriumFields).label }
        return [
            label("primaat_openbare_orde_en_veiligheid"), label("dvo_besluitvormend_orgaan"),
            label("actueel_urgent_hoog_afbreukrisico"), speeltInLabel, label("haalbaar"),
        ]
    }

    public static let minimumGemeenten = 7
    static let speeltInLabel = "Speelt in ≥ 7 Twentse gemeenten"

    public var titel: String
    public var openbaar: Bool
    public var indiener: String?
    public var datum: Datum
    public var rubrieken: [Rubriek]
    public var selectiecriteria: Selectiecriteria

    public var printHeader: PrintHeader { Formulier.printHeader(soort: Self.soort, titel: titel) }
    public static let wooDocumentsoort: WooDocumentsoort? = .plan
    public var wooFacts: WooFacts { WooFacts(datum: datum) }

    static let criteriumFields: [Field] = [
        Field("primaat_openbare_orde_en_veiligheid", "Primaat Openbare Orde en Veiligheid", .jaNee, example: "ja"),
        Field("dvo_besluitvormend_orgaan", "DVO besluitvormend orgaan", .jaNee, example: "ja"),
        Field("actueel_urgent_hoog_afbreukrisico", "Actueel/urgent/hoog afbreukrisico", .jaNee, example: "ja"),
        Field(
            "haalbaar", "Is haalbaar binnen de planning/legt realistisch beslag op de middelen", .jaNee,
            example: "ja"),
        Field(
            "gemeenten", "Gemeenten", .list(.text, minimum: 1),
            help: [
                "De Twentse gemeenten waarin het probleem speelt, een per regel.",
                "Het criterium 'Speelt in ≥ 7 Twentse gemeenten' wordt hieruit geteld.",
            ],
            example: "Enschede"),
    ]

    public static let fields: [Field] = [
        CommonFields.soort(soort),
        CommonFields.openbaar,
        Field("titel", "Titel", .text, help: ["De naam van de opdracht."], example: "Borging aanpak woninginbraken"),
        Field(
            "indiener", "Indiener", .text, .optional, help: ["Wie de opdracht indient of verstrekt."], example: "DVO"),
        Field("datum", "Datum", .date, example: "2016-12-12"),
        Field(
            "aanleiding", "Aanleiding van probleem/ uitdaging", .markdown,
            help: ProjectHelp.aanleiding, questions: ProjectHelp.aanleidingVragen),
        Field(
            "doelstelling", "Doelstelling", .markdown,
            help: ProjectHelp.doelstelling, questions: ProjectHelp.doelstellingVragen),
        Field(
            "betrokken_partners", "Betrokken partners", .markdown,
            help: ProjectHelp.betrokkenPartners),
        Field(
            "afbakening", "Afbakening", .markdown, .optional,
            help: ProjectHelp.afbakening, questions: ProjectHelp.afbakeningVragen),
        Field(
            "risicos", "Risico's/ onverwachte zaken/ effecten", .markdown, .optional,
            help: ProjectHelp.risicos, questions: ProjectHelp.risicosVragen),
        Field(
            "selectiecriteria", "Beoordeling/ selectiecriteria", .record(criteriumFields),
            help: [
                "Per criterium ja of nee; 'Speelt in ≥ 7 Twentse gemeenten' volgt uit de lijst gemeenten."
            ]),
        DataTableFields.tabellen,
    ]

    public init(_ r: Record) {
        titel = r.text("titel") ?? ""
        openbaar = r.jaNee("openbaar") ?? false
        indiener = r.text("indiener")
        datum = r.requiredDate("datum")
        rubrieken = Rubriek.all(Self.fields, r)
        let s = r.record("selectiecriteria") ?? Record()
        let genoemd = Set(s.texts("gemeenten"))
        selectiecriteria = Selectiecriteria(
            primaatOpenbareOrdeEnVeiligheid: s.jaNee("primaat_openbare_orde_en_veiligheid") ?? false,
            dvoBesluitvormendOrgaan: s.jaNee("dvo_besluitvormend_orgaan") ?? false,
            actueelUrgentHoogAfbreukrisico: s.jaNee("actueel_urgent_hoog_afbreukrisico") ?? false,
            haalbaar: s.jaNee("haalbaar") ?? false,
            gemeenten: Twente.gemeenten.filter(genoemd.contains))
    }

    /// Every gemeente must be one of the fourteen, once.
    public static func check(_ record: Record, file: String) -> [Diagnostic] {
        guard let s = record.record("selectiecriteria") else { return [] }
        var diagnostics: [Diagnostic] = []
        var seen: Set<String> = []
        for (i, naam) in s.texts("gemeenten").enumerated() {
            let path = "selectiecriteria.gemeenten[\(i + 1)]"
            let message: Message
            if !Twente.gemeenten.contains(naam) {
                message = Message.unknownGemeente(
                    naam, suggestion: Spelling.nearest(to: naam, in: Twente.gemeenten), gemeenten: Twente.gemeenten)
            } else if !seen.insert(naam).inserted {
                message = Message.duplicateGemeente(naam)
            } else {
                continue
            }
            let at = s.location(of: "gemeenten", item: i)
            diagnostics.append(
                Diagnostic(.error, file: file, line: at?.line, column: at?.column, field: path, message: message))
        }
        return diagnostics
    }

    /// The five criteria in the order of the seed form, with whether each is met.
    public var criteria: [(label: String, voldaan: Bool)] {
        let s = selectiecriteria
        let voldaan = [
            s.primaatOpenbareOrdeEnVeiligheid, s.dvoBesluitvormendOrgaan, s.actueelUrgentHoogAfbreukrisico,
            s.speeltInGenoegGemeenten, s.haalbaar,
        ]
        return zip(Self.criteriumLabels, voldaan).map { (label: $0, voldaan: $1) }
    }

    public var voldoetAanAlleCriteria: Bool { criteria.allSatisfy(\.voldaan) }

    public var context: [String: Any] {
        let s = selectiecriteria
        let aantal = s.gemeenten.count
        let gemeenten =
            aantal == Twente.gemeenten.count
            ? "alle \(aantal) Twentse gemeenten"
            : "\(aantal) \(aantal == 1 ? "gemeente" : "gemeenten"): \(Formulier.opsomming(s.gemeenten))"
        let niet = criteria.filter { !$0.voldaan }.map(\.label)
        let criteriumLabel = Formulier.field("selectiecriteria", in: Self.fields).label
        return [
            "toelichting_label": Self.toelichtingLabel,
            "titel": titel,
            "toelichting": Self.toelichting,
            "niet_openbaar": !openbaar,
            "labels": Formulier.labels(Self.fields),
            "indiener": indiener ?? "-",
            "datum": datum.lang,
            "rubrieken": rubrieken.map(\.context),
            "selectiecriteria_label": criteriumLabel,
            "criteria": criteria.enumerated().map { i, c in
                [
                    "nummer": String(i + 1), "label": c.label, "voldaan": c.voldaan,
                    // Only the computed criterion says what it was computed from.
                    "detail": c.label == Self.speeltInLabel ? gemeenten : "",
                    "heeft_detail": c.label == Self.speeltInLabel,
                ] as [String: Any]
            },
            "voldoet": niet.isEmpty,
            "niet_voldaan": niet.joined(separator: "; "),
        ]
    }
}

/// The fourteen Twentse gemeenten, as they write their names.
public enum Twente {
    public static let gemeenten = [
        "Almelo", "Borne", "Dinkelland", "Enschede", "Haaksbergen", "Hellendoorn", "Hengelo",
        "Hof van Twente", "Losser", "Oldenzaal", "Rijssen-Holten", "Tubbergen", "Twenterand", "Wierden",
    ]
}
