/// The projectplan / opdrachtomschrijving of the Platform IVZ (seed 004, bijlage 5,
/// "OPDRACHTNAAM"): fourteen rubrieken, the projectgroep and planning as tables.
public struct Projectplan: FormKind {
    public static let soort = "projectplan"

    /// The form's own explanation (bijlage 5, row OPDRACHTNAAM).
    public static let toelichting =
        "De opdrachtomschrijving dient bij zowel de opdrachtgever als opdrachtnemer helderheid te verschaffen over de opdracht. De opdrachtomschrijving is een gezamenlijk product, dat door de opdrachtnemer wordt opgesteld. Pas nadat de opdrachtgever en opdrachtnemer akkoord zijn met de opdrachtbeschrijving wordt begonnen aan het uitvoeren van de opdracht."

    public struct Lid: Sendable, Equatable {
        public var functie: String
        public var organisatie: String
        public var naam: String
    }

    public struct Projectgroep: Sendable, Equatable {
        public var leden: [Lid]
        public var frequentie: String
    }

    public struct Mijlpaal: Sendable, Equatable {
        public var datum: Datum
        public var omschrijving: String
    }

    public struct Planning: Sendable, Equatable {
        public var mijlpalen: [Mijlpaal]
        public var einddatum: Datum
    }

    static let formaatNaam = "PROJECTPLAN"
    static let toelichtingLabel = "OPDRACHTNAAM"
    static let toelichtingInTabel = true
    static let kopKeys: Set<String> = ["opdrachtnaam", "portefeuillehouder", "projectleider", "datum"]

    public var opdrachtnaam: String
    public var openbaar: Bool
    public var portefeuillehouder: String
    public var projectleider: String
    public var datum: Datum
    /// The Markdown rubrieken, in form order (projectgroep and planning apart).
    public var rubrieken: [Rubriek]
    public var projectgroep: Projectgroep
    public var planning: Planning

    public var titel: String { opdrachtnaam }

    public var printHeader: PrintHeader { Formulier.printHeader(soort: Self.soort, titel: titel) }
    public static let wooDocumentsoort: WooDocumentsoort? = .plan
    public var wooFacts: WooFacts { WooFacts(datum: datum, portefeuillehouder: portefeuillehouder) }

    static let projectgroepFields: [Field] = [
        Field(
            "leden", "Leden",
            .list(
                .record([
                    Field("functie", "Functie", .text, example: "Projectleider, IVZ-coördinator"),
                    Field("organisatie", "Organisatie", .text, example: "Gemeente Hengelo"),
                    Field("naam", "Naam", .text, example: "R. Nijhuis"),
                ]), minimum: 1),
            help: ["Per lid: functie, organisatie en naam."]),
        Field(
            "frequentie", "Frequentie", .text, help: ["Hoe vaak de projectgroep bijeenkomt."],
            example: "Eens per zes weken"),
    ]

    static let planningFields: [Field] = [
        Field(
            "mijlpalen", "Mijlpalen",
            .list(
                .record([
                    Field("datum", "Datum", .date, example: "2017-03-13"),
                    Field("omschrijving", "Mijlpaal", .text, example: "Vaststelling projectplan in het DVO Twente"),
                ]), minimum: 1),
            help: ["Per mijlpaal: datum en omschrijving."]),
        Field(
            "einddatum", "Einddatum", .date, help: ["Wanneer het project is afgerond; daarna volgt de evaluatie."],
            example: "2018-12-31"),
    ]

    public static let fields: [Field] = [
        CommonFields.soort(soort),
        CommonFields.openbaar,
        Field("opdrachtnaam", "Opdrachtnaam", .text, example: "Borging aanpak woninginbraken"),
        Field("portefeuillehouder", "Portefeuillehouder", .text, example: "Burgemeester E. Lansink"),
        Field("projectleider", "Projectleider", .text, example: "R. Nijhuis"),
        Field("datum", "Datum", .date, example: "2017-03-13"),
        Field(
            "aanleiding", "Aanleiding van probleem/uitdaging", .markdown,
            help: ProjectHelp.aanleiding, questions: ProjectHelp.aanleidingVragen),
        Field(
            "betrokken_partners", "Betrokken partners", .markdown,
            help: ProjectHelp.betrokkenPartners),
        Field(
            "doelstelling", "Doelstelling", .markdown,
            help: ProjectHelp.doelstelling, questions: ProjectHelp.doelstellingVragen),
        Field(
            "projectresultaat", "Projectresultaat", .markdown,
            help: [
                "Beschrijf de instrumenten die je in het project ontwikkeld om de doelstelling dichterbij te brengen.",
                "Wat is tastbaar of zichtbaar als het project klaar is?",
                "Wat zie ik voor me?",
                "Is het resultaat wel het juiste middel om de doelstelling te realiseren?",
                "Komt de doelstelling dichterbij wanneer het resultaat er is?",
                "Lost het resultaat de uitdaging (grotendeels) op?",
            ], questions: 1..<6),
        Field(
            "prestatie_indicatoren", "Prestatie-Indicatoren", .markdown, .optional,
            help: ["Benoem hier de indicatoren die de projectresultaten meetbaar maken om te monitoren"]),
        Field(
            "monitoring", "Monitoring/voortgangsbewaking", .markdown, .optional,
            help: [
                "Beschrijf hier op welke wijze de voortgang bewaakt wordt en de resultaten (procesmatig en cijfermatig) inzichtelijk worden gemaakt."
            ]),
        Field(
            "randvoorwaarden", "Randvoorwaarden", .markdown, .optional,
            help: [
                "Wat zijn de randvoorwaarden gezien vanuit de opdracht?",
                "Wat zijn de randvoorwaarden gezien vanuit de opdrachtgever?",
            ], questions: 0..<2),
        Field(
            "afbakening", "Afbakening", .markdown, .optional,
            help: ProjectHelp.afbakening, questions: ProjectHelp.afbakeningVragen),
        Field(
            "relatie_andere_initiatieven", "Relatie andere initiatieven en ontwikkelingen", .markdown, .optional,
            help: [
                "Meestal spelen meerdere trajecten naast elkaar. Over het algemeen hebben die trajecten iets met elkaar te maken. Het is dan ook goed om die in samenhang te bekijken. Beschrijf de samenhang en ook de aard van de samenhang. De aard kan omschreven worden als aanvullend of concurrerend.",
                "Welke projecten lopen gelijktijdig en hebben raakvlakken met dit project? Wat zijn die raakvlakken?",
                "Welke andere zaken zijn concurrerend met dit project?",
                "Welke onderdelen van de organisatie zullen moeten worden aangepast moeten worden om de resultaten mogelijk te maken?",
            ], questions: 1..<4),
        Field(
            "risicos", "Risico's/onverwachte zaken / effecten", .markdown, .optional,
            help: ProjectHelp.risicos, questions: ProjectHelp.risicosVragen),
        Field(
            "projectgroep", "Projectgroep", .record(projectgroepFields),
            help: [
                "Beschrijf de samenstelling (functie/organisatie/naam) van de projectgroep en de frequentie waarmee deze bijeen komt."
            ]),
        Field(
            "planning", "Planning en mijlpalen", .record(planningFields),
            help: ["Beschrijf de planning van de werkzaamheden en wanneer het project is afgerond."]),
        Field(
            "communicatie", "Communicatie", .markdown, .optional,
            help: [
                "Beschrijf op welke wijze er vorm en inhoud wordt gegeven aan interne en externe communicatie naar doelgroep, partners en betrokkenen, bestuur."
            ]),
        Field(
            "financien", "Financiën", .markdown,
            help: [
                "Beschrijf op welke wijze het project wordt gefinancierd. Is er een budget beschikbaar (regionaal of lokaal)?"
            ]),
        DataTableFields.tabellen,
    ]

    public init(_ r: Record) {
        opdrachtnaam = r.text("opdrachtnaam") ?? ""
        openbaar = r.jaNee("openbaar") ?? false
        portefeuillehouder = r.text("portefeuillehouder") ?? ""
        projectleider = r.text("projectleider") ?? ""
        datum = r.requiredDate("datum")
        rubrieken = Rubriek.all(Self.fields, r)
        let groep = r.record("projectgroep") ?? Record()
        projectgroep = Projectgroep(
            leden: groep.records("leden").map {
                Lid(
                    functie: $0.text("functie") ?? "", organisatie: $0.text("organisatie") ?? "",
                    naam: $0.text("naam") ?? "")
            },
            frequentie: groep.text("frequentie") ?? "")
        let p = r.record("planning") ?? Record()
        planning = Planning(
            mijlpalen: p.records("mijlpalen").map {
                Mijlpaal(datum: $0.requiredDate("datum"), omschrijving: $0.text("omschrijving") ?? "")
            },
            einddatum: p.requiredDate("einddatum"))
    }

    /// A mijlpaal after the einddatum contradicts the plan the evaluatie is held against.
    public static func check(_ record: Record, file: String) -> [Diagnostic] {
        guard let p = record.record("planning"), let eind = p.date("einddatum") else { return [] }
        var diagnostics: [Diagnostic] = []
        for (i, m) in p.records("mijlpalen").enumerated() {
            guard let d = m.date("datum"), d > eind else { continue }
            let at = m.locations["datum"] ?? p.location(of: "mijlpalen", item: i)
            diagnostics.append(
                Diagnostic(
                    .error, file: file, line: at?.line, column: at?.column,
                    field: "planning.mijlpalen[\(i + 1)].datum",
                    message: Message.mijlpaalNaEinddatum(d.lang, einddatum: eind.lang)))
        }
        return diagnostics
    }

    public var context: [String: Any] {
        // Projectgroep and planning stand between the Markdown rubrieken, in field order;
        // every item carries every flag the template tests.
        let items: [[String: Any]] = Self.fields.compactMap { field in
            var item: [String: Any] = ["is_projectgroep": false, "is_planning": false, "is_tekst": false]
            if field.key == "projectgroep" || field.key == "planning" {
                item["label"] = field.label
                item["hulp"] = Hulp.context(field)
                item["is_" + field.key] = true
                return item
            }
            guard let rubriek = rubrieken.first(where: { $0.key == field.key }) else { return nil }
            item.merge(rubriek.context) { $1 }
            item["is_tekst"] = true
            return item
        }
        return [
            "titel": opdrachtnaam,
            "toelichting": Self.toelichting,
            "toelichting_label": Self.toelichtingLabel,
            "niet_openbaar": !openbaar,
            "labels": Formulier.labels(Self.fields),
            "portefeuillehouder": portefeuillehouder,
            "projectleider": projectleider,
            "datum": datum.lang,
            "rubrieken": items,
            "projectgroep": [
                "leden": projectgroep.leden.map {
                    ["functie": $0.functie, "organisatie": $0.organisatie, "naam": $0.naam]
                },
                "frequentie": projectgroep.frequentie,
            ] as [String: Any],
            "planning": [
                "mijlpalen": planning.mijlpalen.map { ["datum": $0.datum.lang, "omschrijving": $0.omschrijving] },
                "einddatum": planning.einddatum.lang,
            ] as [String: Any],
        ]
    }
}
