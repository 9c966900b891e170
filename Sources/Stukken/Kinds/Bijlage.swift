import Foundation

/// A bijlage named by a document: a title and what it is (a file, or a text printed after
/// the document), perhaps with its own openbaar; in a pack, also how it is published.
public struct Bijlage: Sendable, Equatable {
    public enum Vorm: Sendable, Equatable {
        /// A title, and the file that goes with it when there is one (pdf, docx, a stukken-YAML).
        case bestand(String?)
        /// A text appendix: Markdown printed after the document, as bijlage 1 and 7 of seed 004.
        case tekst(String)
        // A `formulier:` shape (a blank form printed as the appendix) is the next case.
    }

    /// How a pack publishes this bijlage; set by the pack, never read from the YAML.
    public struct Publicatie: Sendable, Equatable {
        /// The published file, relative to the page.
        public var link: String?
        /// What the link leads to ("PDF, 230 kB", "HTML"); `nil` on paper, where a bijlage
        /// line names the document and not a file format.
        public var formaat: String?
        public var nietOpenbaar: Bool

        /// Stable text for the page's content hash (`bron`).
        var canonical: String {
            "\(link.map { "\($0.utf8.count):\($0)" } ?? "-")|\(formaat ?? "-")|\(nietOpenbaar ? "n" : "o")"
        }
    }

    public var titel: String
    public var vorm: Vorm
    /// `nil`: follows its document.
    public var openbaar: Bool?
    public var publicatie: Publicatie?

    public init(_ r: Record) {
        titel = r.text("titel") ?? ""
        openbaar = r.jaNee("openbaar")
        vorm = r.markdown("inhoud").map(Vorm.tekst) ?? .bestand(r.text("bestand"))
    }

    /// The anchor of a text appendix on its page: stable, whatever its title.
    static func anker(_ nummer: Int) -> String { "bijlage-\(nummer)" }

    /// Every key is always set (`false` when absent: an empty string counts as true in
    /// Mustache, and a missing key would be looked up in the enclosing context). A text
    /// appendix links to its place on the page unless the pack published it elsewhere.
    static func context(_ bijlagen: [Bijlage]) -> [[String: Any]] {
        bijlagen.enumerated().map { i, b in
            var link = b.publicatie?.link
            if link == nil, case .tekst = b.vorm { link = "#" + anker(i + 1) }
            return [
                "nummer": String(i + 1), "titel": b.titel,
                "link": orFalse(link), "formaat": orFalse(b.publicatie?.formaat),
                "niet_openbaar": b.publicatie?.nietOpenbaar ?? false,
            ] as [String: Any]
        }
    }

    /// The text appendices, in list order with their list number: "BIJLAGE 1  OVERZICHT …".
    static func appendices(_ bijlagen: [Bijlage]) -> [[String: Any]] {
        bijlagen.enumerated().compactMap { i, b in
            guard case .tekst(let inhoud) = b.vorm else { return nil }
            return [
                "nummer": String(i + 1), "anker": anker(i + 1),
                "kop": b.titel.uppercased(with: Locale(identifier: "nl_NL")), "inhoud": inhoud,
                "niet_openbaar": b.publicatie?.nietOpenbaar ?? false,
            ] as [String: Any]
        }
    }

    /// A bijlage is a file or a text, not both: the text would print and the file be lost.
    static func check(_ record: Record, file: String) -> [Diagnostic] {
        record.records("bijlagen").enumerated().compactMap { i, b in
            guard b.values["inhoud"] != nil, let bestand = b.text("bestand") else { return nil }
            let at = b.locations["inhoud"] ?? b.location
            return Diagnostic(
                .error, file: file, line: at?.line, column: at?.column, field: "bijlagen[\(i + 1)].inhoud",
                message: AppendixMessage.fileAndText(bestand))
        }
    }
}
