/// The project evaluation of the Platform IVZ (seed 004, bijlage 6 "EVALUATIE"):
/// eleven questions, answered after the project's einddatum.
public struct Evaluatie: FormKind {
    public static let soort = "evaluatie"

    /// The form's own explanation (bijlage 6, under EVALUATIE).
    public static let toelichting =
        "Een projectevaluatie kan worden toegepast in elk project, en heeft als doel het goede te behouden en te borgen, en te leren van gemaakte fouten. Bij elk project is sprake van een vooraf gedefinieerde doelstelling en te behalen resultaten. Elk project wordt door projectmedewerkers uitgevoerd volgens een bepaalde aanpak, beschreven in een plan van aanpak. Door het uitvoeren van een projectevaluatie wordt antwoord gegeven op de vraag wat er is bereikt met het project (het effect in hoeverre is de doelstelling behaald), hoe het project organisatorisch is verlopen en wat projectmedewerkers of anderen van het project kunnen leren."

    static let formaatNaam = "EVALUATIE"
    static let toelichtingLabel = "EVALUATIE"
    static let toelichtingInTabel = false
    static let kopKeys: Set<String> = ["project", "projectleider", "datum"]

    public var project: String
    public var openbaar: Bool
    public var projectleider: String
    public var datum: Datum
    /// The eleven questions in form order, with their answers.
    public var rubrieken: [Rubriek]

    public var titel: String { project }

    public var printHeader: PrintHeader { Formulier.printHeader(soort: Self.soort, titel: titel) }
    public static let wooDocumentsoort: WooDocumentsoort? = .evaluatierapport
    /// Its summary of the project is what a Woo publication gives as its omschrijving.
    public var wooFacts: WooFacts {
        WooFacts(datum: datum, samenvatting: rubrieken.first { $0.key == "samenvatting" }?.antwoord)
    }

    public static let fields: [Field] = [
        CommonFields.soort(soort),
        CommonFields.openbaar,
        Field(
            "project", "Project", .text, help: ["De naam van het geëvalueerde project."],
            example: "Pilot regionaal dashboard woninginbraken"),
        Field("projectleider", "Projectleider", .text, example: "R. Nijhuis"),
        Field("datum", "Datum", .date, example: "2017-10-09"),
        Field("doelstelling", "Wat was de doelstelling van het project?", .markdown),
        Field("samenvatting", "Geef een samenvatting van de inhoud van het project?", .markdown),
        Field("beoogde_resultaten", "Wat waren de beoogde resultaten?", .markdown),
        Field("resultaten_behaald", "Zijn de resultaten behaald? Waarom wel / niet?", .markdown),
        Field(
            "overige_effecten", "Geef aan wat de overige gevolgen of effecten van dit project zijn geweest?",
            .markdown, .optional),
        Field("voortgang", "Hoe is de voortgang van het project verlopen?", .markdown),
        Field(
            "knelpunten", "Waren er knelpunten in de uitvoering en zo ja, hoe zijn deze overwonnen?", .markdown,
            .optional),
        Field("sterke_kanten", "Wat waren de sterke kanten van dit project?", .markdown, .optional),
        Field("leermomenten", "Wat waren de leermomenten?", .markdown),
        Field("rol_andere_organisaties", "Welke rol hadden andere betrokken organisaties?", .markdown, .optional),
        Field("financieel_als_begroot", "Is het project financieel verlopen als begroot?", .markdown),
        DataTableFields.tabellen,
    ]

    public init(_ r: Record) {
        project = r.text("project") ?? ""
        openbaar = r.jaNee("openbaar") ?? false
        projectleider = r.text("projectleider") ?? ""
        datum = r.requiredDate("datum")
        rubrieken = Rubriek.all(Self.fields, r)
    }

    public var context: [String: Any] {
        [
            "titel": project,
            "toelichting": Self.toelichting,
            "toelichting_label": Self.toelichtingLabel,
            "niet_openbaar": !openbaar,
            "labels": Formulier.labels(Self.fields),
            "projectleider": projectleider,
            "datum": datum.lang,
            "rubrieken": rubrieken.map(\.context),
        ]
    }
}
