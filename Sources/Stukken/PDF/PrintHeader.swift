import Foundation

/// What a printed page shows besides the text: the running header in the top margin of
/// every page (seed 004: "VOORSTEL / DISTRICTELIJK VEILIGHEIDSOVERLEG TWENTE" on the left,
/// "ONDERWERP / DOORONTWIKKELING SAMENWERKING IVZ" beside it), the cover page, and the
/// PDF's metadata. One place decides it for every kind.
struct PrintHeader: Sendable, Equatable {
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

    init(soort: String, orgaan: String, label: String, onderwerp: String, afzender: [String], subject: String, capitals: Bool) {
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

    static func of(_ document: any DocumentKind) -> PrintHeader {
        switch document {
        case let v as Voorstel:
            return voorstel(orgaan: v.orgaanVan, onderwerp: v.onderwerp, agendapunt: v.agendapunt)
        case let n as Notitie:
            // A notitie that belongs to a voorstel carries that voorstel's header, as in seed 004.
            if let bij = n.bij {
                var h = voorstel(orgaan: bij.orgaan, onderwerp: bij.onderwerp, agendapunt: bij.agendapunt)
                h.subject = "Notitie bij het voorstel aan het \(bij.orgaan.naam)" + (bij.agendapunt.map { ", agendapunt \($0)" } ?? "")
                return h
            }
            return PrintHeader(
                soort: "NOTITIE", orgaan: "", label: "ONDERWERP", onderwerp: n.titel, afzender: platform, subject: "Notitie",
                capitals: false)
        case let m as Memo:
            // Seed 002 (a voorstel in memovorm) and seed 003 (a memo): the form, then its subject.
            return PrintHeader(
                soort: m.opmaak == .voorstel ? "VOORSTEL" : "MEMO", orgaan: "", label: "ONDERWERP", onderwerp: m.onderwerp ?? m.kopTitel,
                afzender: veiligheidsregio, subject: m.opmaak == .voorstel ? "Voorstel in memovorm" : "Memo", capitals: false)
        default:
            // The forms of the Platform IVZ: the form's name, then the project.
            let soort = type(of: document).soort
            let naam = soort.prefix(1).uppercased() + soort.dropFirst()
            return PrintHeader(
                soort: soort.uppercased(), orgaan: "Platform IVZ", label: "", onderwerp: document.titel, afzender: platform,
                subject: "\(naam) Platform IVZ", capitals: false)
        }
    }

    private static func voorstel(orgaan: Voorstel.Orgaan, onderwerp: String, agendapunt: String?) -> PrintHeader {
        PrintHeader(
            soort: "VOORSTEL", orgaan: orgaan.naam, label: "ONDERWERP", onderwerp: onderwerp,
            afzender: orgaan == .dvo ? platform : veiligheidsregio,
            subject: "Voorstel aan het \(orgaan.naam)" + (agendapunt.map { ", agendapunt \($0)" } ?? ""),
            capitals: orgaan == .dvo)
    }

    /// What `pagina.html.mustache` sees under `pdf`.
    func context(voorblad: Bool) -> [String: Any] {
        [
            "author": Self.author, "subject": subject, "soort": soort, "orgaan": orgaan, "label": label, "onderwerp": onderwerp,
            "voorblad": voorblad, "afzender": afzender,
            // Mustache counts "" as true: the cover asks with booleans.
            "heeft_orgaan": !orgaan.isEmpty, "heeft_label": !label.isEmpty, "heeft_onderwerp": !onderwerp.isEmpty,
        ]
    }
}
