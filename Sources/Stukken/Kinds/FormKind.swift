/// A Platform IVZ form (seed 004, bijlagen 4–6): printed, blank or filled, as the seed's
/// two-column table, a bold label left and the explanation, hulpvragen or answer right.
protocol FormKind: DocumentKind {
    /// The format's own name, "PROJECTOPDRACHT" in "BIJLAGE 4 FORMAT PROJECTOPDRACHT".
    static var formaatNaam: String { get }
    /// The label of the row (or, for the evaluatie, the heading) that carries `toelichting`:
    /// "OPDRACHT", "OPDRACHTNAAM", "EVALUATIE".
    static var toelichtingLabel: String { get }
    /// Whether `toelichting` is the table's first row (bijlagen 4, 5) or a paragraph above
    /// it (bijlage 6).
    static var toelichtingInTabel: Bool { get }
    static var toelichting: String { get }
    /// The fields the seed format lacks (indiener, datum, …): a heading table above the
    /// filled form, absent from the blank one.
    static var kopKeys: Set<String> { get }
    /// The boxes a field prints unticked on a blank form (the selectiecriteria); empty for
    /// every other field.
    static func vakjes(_ key: String) -> [String]
}

extension FormKind {
    static func vakjes(_ key: String) -> [String] { [] }

    /// The rows of the form: every field but `soort`, `openbaar`, the heading fields and
    /// `tabellen` (the data tables an answer places with `[tabel: id]`, no row of its own).
    static var formRows: [Field] {
        fields.filter {
            $0.key != "soort" && $0.key != "openbaar" && $0.key != DataTableFields.tabellen.key
                && !kopKeys.contains($0.key)
        }
    }
}

/// A field's help as a printed form shows it: explanation, "Hulpvragen:" with the
/// questions, and a closing remark, each a list of lines (Mustache sections).
enum Hulp {
    static func context(_ field: Field) -> [String: Any] {
        let lines = field.help
        let questions = field.questions.map { $0.clamped(to: lines.indices) } ?? lines.endIndex..<lines.endIndex
        let uitleg = Array(lines[..<questions.lowerBound])
        let vragen = Array(lines[questions])
        let na = Array(lines[questions.upperBound...])
        // Every key on every row, so Mustache never finds a parent's value instead.
        return [
            "uitleg": uitleg, "vragen": vragen, "na": na,
            "heeft_vragen": !vragen.isEmpty, "heeft_hulp": !lines.isEmpty,
        ]
    }
}

extension DocumentKinds {
    /// A Platform IVZ form, whose rows have hulpvragen to print (`serve` offers the choice).
    public static func isForm(_ kind: any DocumentKind.Type) -> Bool { kind is any FormKind.Type }
}
