/// The questions the Platform IVZ's projectopdracht and projectplan (seed 004, bijlagen 4
/// and 5) print under the rubrieken they share, word for word in both forms. The forms
/// label these rubrieken slightly differently, so only the help is shared. Each `…Vragen`
/// range says which lines the printed form lists under "Hulpvragen:" (`Field.questions`).
enum ProjectHelp {
    static let aanleidingVragen = 1..<5
    static let doelstellingVragen = 1..<4
    static let afbakeningVragen = 1..<7
    static let risicosVragen = 1..<5

    static let aanleiding = [
        "Beschrijft welke gebeurtenis het project acuut maakt, de reden waarom het 'nu' op de agenda staat.",
        "Waar, wanneer en bij wie is het idee voor dit project ontstaan?",
        "Wat is het probleem en in welke uitdaging is dat te vertalen?",
        "Waarom is het een uitdaging?",
        "Wat gebeurt er als de uitdaging niet wordt opgepakt?",
    ]

    static let doelstelling = [
        "Wat is de \"hogere ambitie\" van het project. De hogere ambitie hoeft niet in het project te worden gerealiseerd. Het project draagt er aan bij. Het projectresultaat wordt wel gerealiseerd in het project (zie hierna).",
        "Wat wil de organisatie bereiken met dit project?",
        "Waar moet het project een bijdrage aan leveren?",
        "Hoe verhoudt het project zich tot de missie, visie en strategie van de organisatie als geheel?",
        "Concreet kun je een doelstelling formuleren met betrekking tot de vraag: wanneer zijn we tevreden/wanneer is het project klaar?",
    ]

    static let betrokkenPartners = ["Welke partners zijn er bij betrokken en wat doen zij?"]

    static let afbakening = [
        "Beschrijf de zaken die je wel zou kunnen doen om de doelstelling dichterbij te brengen, maar die je niet gaat doen.",
        "Wat is niet het resultaat van het project?",
        "Wanneer stopt het project, en wat gebeurt pas na het project? (Afbakening naar fase)",
        "Waar stopt het project? (Afbakening naar inhoud)",
        "Wat valt buiten het project en krijgt de opdrachtgever niet?",
        "Zijn de grenzen van wat wel en wat niet tot het project behoort voor anderen ook duidelijk?",
        "Wat moet/behoort door anderen te worden opgeleverd of verzorgd?",
    ]

    static let risicos = [
        "Beschrijf de kanttekeningen/bedreigingen/consequenties die de uitvoering van het project in de ruimste zin kan hebben.",
        "Wat kan het behalen van de projectresultaten in de weg staan?",
        "Wat zijn mogelijke neveneffecten?",
        "Wat zijn mogelijke negatieve effecten?",
        "Wat zijn mogelijke positieve effecten?",
    ]
}
