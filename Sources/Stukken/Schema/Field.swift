/// One field of a document kind.
///
/// The field list of a kind is the single source of truth: the validator, `stukken new`,
/// `stukken schema` (JSON Schema) and any form are all generated from it.
public struct Field: Sendable {
    /// The YAML key, exactly as authors write it.
    public var key: String
    /// The Dutch label the document prints (or, for fields the seeds leave unlabelled,
    /// a plain Dutch name used in messages and forms).
    public var label: String
    public var type: FieldType
    public var presence: Presence
    /// What the form asks: the hulpvragen of the seed forms, or a short explanation.
    public var help: [String]
    /// Which lines of `help` a printed form lists under "Hulpvragen:"; the lines before
    /// are its explanation, the lines after a closing remark (seed 004, bijlagen 4 and 5).
    /// `nil`: every line is explanation.
    public var questions: Range<Int>?
    /// Value used when the field is absent.
    public var defaultValue: String?
    /// An example value, used by `stukken new` and the JSON Schema.
    public var example: String?
    /// For Markdown fields: the level its own top headings get (the page has the one `h1`).
    public var headingLevel: Int
    /// A civil servant's name or number: left out of public packs unless asked for.
    public var isContactDetail: Bool

    public init(
        _ key: String, _ label: String, _ type: FieldType, _ presence: Presence = .required,
        help: [String] = [], questions: Range<Int>? = nil, default defaultValue: String? = nil, example: String? = nil,
        headingLevel: Int = 3, contactDetail: Bool = false
    ) {
        self.isContactDetail = contactDetail
        self.headingLevel = headingLevel
        self.key = key
        self.label = label
        self.type = type
        self.presence = presence
        self.help = help
        self.questions = questions
        self.defaultValue = defaultValue
        self.example = example
    }
}

public enum Presence: Sendable, Equatable {
    case required
    case optional
    /// Required when the sibling field `key` has one of `values` (toelichting for an AB-voorstel).
    case requiredWhen(key: String, equals: [String])
}

public indirect enum FieldType: Sendable {
    /// One line of plain text; inserted escaped, so it can never become Markdown structure.
    case text
    /// Markdown on purpose (toelichting, samenvatting, …).
    case markdown
    /// ISO `2016-10-10` or Dutch `10 oktober 2016`.
    case date
    /// `ja` or `nee`, nothing else: YAML booleans are refused so `no` can never mean "public".
    case jaNee
    /// One of a fixed list of words.
    case choice([String])
    /// A list of values; `minimum` items at least.
    case list(FieldType, minimum: Int = 0)
    /// A mapping with its own fields.
    case record([Field])
    /// Either a plain text (short form) or a mapping; the text stands for `{shorthand: text}`.
    case textOrRecord(shorthand: String, [Field])
}
