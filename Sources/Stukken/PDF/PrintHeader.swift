import Foundation

/// What a printed page shows besides the text: the running header in the top margin of
/// every page (seed 004: "VOORSTEL / DISTRICTELIJK VEILIGHEIDSOVERLEG TWENTE" on the left,
/// "ONDERWERP / DOORONTWIKKELING SAMENWERKING IVZ" beside it), the cover page, and the
/// PDF's metadata. Each kind decides its own (`DocumentKind.printHeader`).
public struct PrintHeader: Sendable, Equatable {
    /// Left block: the kind of document and for whom ("VOORSTEL", "Algemeen Bestuur").
    var soort: String
    var orgaan: String
    /// Right block: "ONDERWERP" and the subject (empty label for the forms).
    var label: String
    var onderwerp: String
    /// Top of the cover page: who sends it ("PLATFORM IVZ", "SAMEN STERK VOOR EEN VEILIG TWENTE").
    var afzender: [String]
    /// PDF metadata.
    var subject: String

    static let author = "Veiligheidsregio Twente"
    static let platform = ["PLATFORM IVZ", "SAMEN STERK VOOR EEN VEILIG TWENTE"]
    static let veiligheidsregio = ["VEILIGHEIDSREGIO TWENTE"]

    init(
        soort: String, orgaan: String, label: String, onderwerp: String, afzender: [String], subject: String,
        capitals: Bool
    ) {
        // The DVO's capitals (seed 004) are a matter of print: the HTML does them in CSS,
        // but margin boxes print strings as they are, so here they are made upper case.
        func up(_ s: String) -> String { capitals ? s.uppercased(with: Locale(identifier: "nl_NL")) : s }
        self.soort = up(soort)
        self.orgaan = up(orgaan)
        self.label = up(label)
        self.onderwerp = up(onderwerp)
        self.afzender = afzender
        self.subject = subject
    }

    /// Each kind says its own (`DocumentKind.printHeader`).
    static func of(_ document: any DocumentKind) -> PrintHeader { document.printHeader }

    /// What `pagina.html.mustache` sees under `pdf`.
    func context(voorblad: Bool) -> [String: Any] {
        [
            "author": Self.author, "subject": subject, "soort": soort, "orgaan": orgaan, "label": label,
            "onderwerp": onderwerp,
            "voorblad": voorblad, "afzender": afzender,
            // Mustache counts "" as true: the cover asks with booleans.
            "heeft_orgaan": !orgaan.isEmpty, "heeft_label": !label.isEmpty, "heeft_onderwerp": !onderwerp.isEmpty,
        ]
    }
}
