/// A kind of stuk (voorstel, memo, …): its fields, its typed model, what its templates
/// see, its printed header and what a Woo publication says about it.
///
/// Adding a kind takes: a new type conforming to this, in its own file under `Kinds/`;
/// its templates in `Templates/<soort>/` (`kop`, `inhoud`, `slot`; see `TemplateSet`);
/// an example in `examples/` with its goldens; and one line in `DocumentKinds.all`. The
/// reader, validator, HTML and PDF stages, the pack and the Woo files stay as they are.
/// CONTRIBUTING.md ("Adding a kind") gives the steps.
public protocol DocumentKind: Sendable {
    /// The value of `soort:` and the name of the template folder.
    static var soort: String { get }
    /// Every field, in the order the form prints them.
    static var fields: [Field] { get }
    /// Builds the model from a record the validator accepted.
    init(_ record: Record)
    /// Checks no field type can express (the gemeenten of a projectopdracht, …).
    static func check(_ record: Record, file: String) -> [Diagnostic]

    /// The document's title: `<title>`, PDF metadata, pack index.
    var titel: String { get }
    var openbaar: Bool { get }
    /// What the templates see: keys are the YAML keys, values pre-formatted strings,
    /// lists and dictionaries (Mustache cannot call methods or format dates).
    var context: [String: Any] { get }

    /// The agendapunt the document itself names (a voorstel does), for agenda packs.
    var agendapunt: String? { get }
    /// The orgaan (AB/DVO) the document is for, when it says; a pack checks it matches.
    var orgaan: String? { get }
    /// The meeting date the document names, when it does.
    var vergaderdatum: Datum? { get }
    /// `status: concept`: refused in a public pack.
    var isConcept: Bool { get }
    /// The title a public agenda may show for a non-public document.
    var openbareTitel: String? { get }

    /// The running header of its printed pages, its cover page and its PDF metadata.
    var printHeader: PrintHeader { get }
    /// The documentsoort a Woo publication gives it besides `vergaderstuk`, if any.
    static var wooDocumentsoort: WooDocumentsoort? { get }
    /// What the Woo files say about the document: date, identifier, summary, signatures.
    var wooFacts: WooFacts { get }
    /// Its bijlagen, for a kind that has them: the pack sets how each is published, and
    /// the text appendices among them print after the document.
    var bijlagen: [Bijlage] { get set }
    /// The file this document takes values from, if its record names one (a notitie's
    /// `bij: voorstel.yaml`): the path as written, where it stands, and the field.
    static func reference(in record: Record) -> (path: String, location: SourceLocation?, field: String)?
    /// Takes in the referenced document, loaded and checked (see `Reference`); `nil`: it is
    /// withheld (a public page of a non-public voorstel), so show neither it nor its path.
    mutating func attach(_ referenced: (any DocumentKind)?)
}

extension DocumentKind {
    public static func check(_ record: Record, file: String) -> [Diagnostic] { [] }
    public var agendapunt: String? { nil }
    public var orgaan: String? { nil }
    public var vergaderdatum: Datum? { nil }
    public var isConcept: Bool { false }
    public var openbareTitel: String? { nil }
    public var bijlagen: [Bijlage] {
        get { [] }
        set {}
    }
    public static func reference(in record: Record) -> (path: String, location: SourceLocation?, field: String)? {
        nil
    }
    public mutating func attach(_ referenced: (any DocumentKind)?) {}
}

/// Every kind stukken knows, by `soort`.
public enum DocumentKinds {
    public static let all: [any DocumentKind.Type] = [
        Voorstel.self,
        Memo.self,
        Notitie.self,
        Projectopdracht.self,
        Projectplan.self,
        Evaluatie.self,
    ]

    public static func kind(named soort: String) -> (any DocumentKind.Type)? {
        all.first { $0.soort == soort }
    }

    public static var names: [String] { all.map { $0.soort } }
}

/// Fields several kinds share, so their label and rules are defined once.
enum CommonFields {
    static func soort(_ name: String) -> Field {
        Field("soort", "Soort", .choice([name]), help: ["Soort stuk; niet wijzigen."], example: name)
    }

    static let openbaar = Field(
        "openbaar", "OPENBAAR", .jaNee,
        help: [
            "Mag dit stuk openbaar worden gepubliceerd?",
            "Er is geen standaard: een stuk zonder 'openbaar' wordt geweigerd.",
        ], example: "ja")

    static let bijlage = FieldType.textOrRecord(
        shorthand: "titel",
        [
            Field("titel", "Titel", .text, example: "Notitie doorontwikkeling samenwerking Platform IVZ"),
            Field(
                "bestand", "Bestand", .text, .optional,
                help: ["Pad naar het bestand, vanaf de map van dit stuk (pdf, docx of een stukken-YAML)."],
                example: "bijlagen/notitie.yaml"),
            Field(
                "openbaar", "Openbaar", .jaNee, .optional,
                help: ["Alleen invullen als de bijlage anders is dan het stuk zelf (een vertrouwelijke bijlage)."],
                example: "nee"),
            Field(
                "inhoud", "Inhoud", .markdown, .optional,
                help: [
                    "De tekst van een bijlage die in het stuk zelf staat (Markdown), zonder bestand.",
                    "Ze komt na het stuk als 'BIJLAGE N  TITEL', in PDF op een nieuwe pagina.",
                ]),
        ])

    static let bijlagen = Field(
        "bijlagen", "Bijlage(n)", .list(bijlage), .optional,
        help: [
            "Een titel per bijlage, of {titel, bestand} als het bestand meegaat,",
            "of {titel, inhoud} voor een bijlage met tekst die na het stuk wordt afgedrukt.",
        ])

    /// A person who signs: a name, or {naam, functie} when the functie differs from the role.
    static let persoon = FieldType.textOrRecord(
        shorthand: "naam",
        [
            Field("naam", "Naam", .text, example: "H.G.W. Meuleman"),
            Field("functie", "Functie", .text, .optional, example: "Vice Voorzitter"),
        ])
}
