import Foundation

/// What goes into a pack, decided in one place per audience.
///
/// The writer only ever sees `PackEntry` values. For the public pack they are made by
/// `PublicPack.entries`, whose one door for a document is `PublishedDocument.init?`: it
/// refuses a non-public item, and a refused item enters the pack as its agendapunt and
/// the `openbare_titel` it chose, nothing else. A non-public bijlage of a public document
/// is removed from the document's own record before rendering, so its title, file and
/// content never reach a page.
public enum PackAudience: Sendable, Equatable {
    /// The public pack; civil servants' names and numbers only when asked for.
    case openbaar(metContactgegevens: Bool)
    /// The members' pack: everything, non-public items marked on every page.
    case besloten

    var name: String { self == .besloten ? "besloten" : "openbaar" }
}

/// One line of the agenda and what it publishes.
struct PackEntry: Sendable {
    var agendapunt: String
    /// `nil` for a non-public item without an `openbare_titel`.
    var titel: String?
    var nietOpenbaar: Bool
    var page: PageJob?
    var bijlagen: [BijlageEntry]
}

struct BijlageEntry: Sendable {
    var nummer: Int
    var titel: String?
    var nietOpenbaar: Bool
    var job: Job?

    enum Job: Sendable {
        case page(PageJob)
        case copy(from: PlannedFile, to: String, extension: String)
    }

    var path: String? {
        switch job {
        case .page(let p): p.path
        case .copy(_, let to, _): to
        case nil: nil
        }
    }
}

/// A document to render into the pack at `path`: which stuk, and how it is published.
///
/// The job holds the recipe, not the rendered record, so a pack of any size holds no
/// loaded document beyond the pages being rendered; `load()` applies the recipe that
/// `PublishedDocument`, `MembersPack` or `Publication.bijlageEntry` decided.
struct PageJob: Sendable {
    var path: String
    var source: PlannedStuk
    /// `Publication.record`'s arguments.
    var publishedBijlagen: [BijlageEntry]
    var contact: Bool
    /// A public pack: what the stuk itself marks `openbaar: nee` is withheld.
    var publicPack: Bool
    var kind: String
    var agendapunt: String
    var titel: String
    var nietOpenbaar: Bool
    /// Link from the page back to the agenda.
    var terug: String

    /// The stuk as this page publishes it; `paper`: as its PDF prints it.
    func load(paper: Bool = false) throws(PlannedStuk.LoadFailure) -> Stuk {
        let stuk = try source.load()
        return stuk.with(
            record: Publication.record(
                stuk.record, kind: stuk.kind, bijlagen: publishedBijlagen, contact: contact, publicPack: publicPack),
            publicatie: Publication.facts(
                stuk.record, bijlagen: publishedBijlagen, publicPack: publicPack, paper: paper),
            contact: contact, publicPack: publicPack)
    }
}

enum PackLayout {
    /// `E3` → `e3.html`; bijlagen in `e3-bijlagen/1-notitie-doorontwikkeling.html`.
    static func page(_ agendapunt: String) -> String { Slug.make(agendapunt) + ".html" }
    static func bijlage(_ agendapunt: String, _ nummer: Int, _ titel: String, extension ext: String) -> String {
        let name = String(Slug.make(titel).prefix(60)).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        return "\(Slug.make(agendapunt))-bijlagen/\(nummer)-\(name).\(ext)"
    }
    /// The stylesheet every HTML page of the pack links.
    static let stylesheet = "stijl.css"
    /// The stylesheet as a page at `path` links it (bijlage pages sit one folder down).
    static func stylesheet(from path: String) -> String {
        String(repeating: "../", count: path.split(separator: "/").count - 1) + stylesheet
    }
    static func zip(_ v: Vergadering, audience: PackAudience) -> String {
        "\(v.orgaan.rawValue.lowercased())-\(v.datum.iso)-\(audience.name).zip"
    }
}

enum PublicPack {
    static func entries(_ plan: PackPlan, metContactgegevens: Bool) -> [PackEntry] {
        plan.items.map { item in
            if item.stuk == nil {
                return PackEntry(
                    agendapunt: item.agendapunt, titel: item.titel, nietOpenbaar: false, page: nil, bijlagen: [])
            }
            guard let published = PublishedDocument(item, metContactgegevens: metContactgegevens) else {
                // The agendapunt, and the public title the document itself offers: nothing else.
                return PackEntry(
                    agendapunt: item.agendapunt, titel: item.stuk?.openbareTitel, nietOpenbaar: true,
                    page: nil, bijlagen: [])
            }
            return published.entry
        }
    }
}

/// A public document as it may be published. Only made from a public item.
struct PublishedDocument {
    let entry: PackEntry

    init?(_ item: PackPlan.Item, metContactgegevens: Bool) {
        guard item.openbaar, let stuk = item.stuk, stuk.openbaar else { return nil }
        var bijlagen: [BijlageEntry] = []
        for b in item.bijlagen {
            guard b.openbaar else {
                bijlagen.append(BijlageEntry(nummer: b.nummer, titel: nil, nietOpenbaar: true, job: nil))
                continue
            }
            bijlagen.append(
                Publication.bijlageEntry(
                    b, agendapunt: item.agendapunt, nietOpenbaar: false, contact: metContactgegevens, publicPack: true))
        }
        let page = PageJob(
            path: PackLayout.page(item.agendapunt), source: stuk, publishedBijlagen: bijlagen,
            contact: metContactgegevens, publicPack: true, kind: stuk.kind.soort,
            agendapunt: item.agendapunt, titel: item.titel, nietOpenbaar: false, terug: "index.html")
        entry = PackEntry(
            agendapunt: item.agendapunt, titel: item.titel, nietOpenbaar: false, page: page, bijlagen: bijlagen)
    }
}

enum MembersPack {
    static func entries(_ plan: PackPlan) -> [PackEntry] {
        plan.items.map { item in
            guard let stuk = item.stuk else {
                return PackEntry(
                    agendapunt: item.agendapunt, titel: item.titel, nietOpenbaar: false, page: nil, bijlagen: [])
            }
            let bijlagen = item.bijlagen.map {
                Publication.bijlageEntry(
                    $0, agendapunt: item.agendapunt, nietOpenbaar: !$0.openbaar, contact: true, publicPack: false)
            }
            let page = PageJob(
                path: PackLayout.page(item.agendapunt), source: stuk, publishedBijlagen: bijlagen, contact: true,
                publicPack: false, kind: stuk.kind.soort,
                agendapunt: item.agendapunt, titel: item.titel, nietOpenbaar: !item.openbaar, terug: "index.html")
            return PackEntry(
                agendapunt: item.agendapunt, titel: item.titel, nietOpenbaar: !item.openbaar, page: page,
                bijlagen: bijlagen)
        }
    }
}

enum Publication {
    static func bijlageEntry(
        _ b: PackPlan.Bijlage, agendapunt: String, nietOpenbaar: Bool, contact: Bool, publicPack: Bool
    ) -> BijlageEntry {
        switch b.content {
        case .none:
            return BijlageEntry(nummer: b.nummer, titel: b.titel, nietOpenbaar: nietOpenbaar, job: nil)
        case .file(let file, let ext):
            let path = PackLayout.bijlage(agendapunt, b.nummer, b.titel, extension: ext)
            return BijlageEntry(
                nummer: b.nummer, titel: b.titel, nietOpenbaar: nietOpenbaar,
                job: .copy(from: file, to: path, extension: ext))
        case .stuk(let stuk):
            let path = PackLayout.bijlage(agendapunt, b.nummer, b.titel, extension: "html")
            // A bijlage's own bijlagen are listed, not linked (the pack publishes one level),
            // each as the plan decided it.
            let listed = b.bijlagen.map { inner in
                BijlageEntry(
                    nummer: inner.nummer, titel: publicPack && !inner.openbaar ? nil : inner.titel,
                    nietOpenbaar: !inner.openbaar, job: nil)
            }
            let page = PageJob(
                path: path, source: stuk, publishedBijlagen: listed, contact: contact, publicPack: publicPack,
                kind: stuk.kind.soort, agendapunt: agendapunt, titel: b.titel, nietOpenbaar: nietOpenbaar,
                terug: "../index.html")
            return BijlageEntry(nummer: b.nummer, titel: b.titel, nietOpenbaar: nietOpenbaar, job: .page(page))
        }
    }

    /// The record as published: contact details out (unless kept), and in a public pack a
    /// non-public bijlage reduced to "Bijlage N (niet openbaar)": its title, file and text
    /// leave the record, so they cannot reach a page.
    ///
    /// Every page, at every level, shows a bijlage in a public pack only when the plan
    /// decided that bijlage is public (an entry with a title); a bijlage the plan made no
    /// entry for is withheld (fail closed).
    static func record(
        _ record: Record, kind: any DocumentKind.Type, bijlagen: [BijlageEntry], contact: Bool, publicPack: Bool
    ) -> Record {
        var r = contact ? record : record.removingContactDetails(kind.fields)
        let own = r.list("bijlagen")
        guard !own.isEmpty else { return r }
        // By number once: a search per line was quadratic in a list of thousands.
        let entries = byNumber(bijlagen)
        r.values["bijlagen"] = .list(
            own.enumerated().map { index, original in
                let withheld = entries[index + 1].map { $0.titel == nil } ?? publicPack
                guard withheld else { return original }
                let location: SourceLocation? = if case .record(let b) = original { b.location } else { nil }
                return .record(
                    Record(["titel": .text(PackText.bijlageWithheld(index + 1))], location: location))
            })
        return r
    }

    /// How each listed bijlage is published, by number, for the page to link: the file
    /// relative to the page, what it leads to, and whether it is marked non-public. `paper`:
    /// for a PDF, whose bijlage lines name the document, not a file format.
    static func facts(_ record: Record, bijlagen: [BijlageEntry], publicPack: Bool, paper: Bool)
        -> [Int: Bijlage.Publicatie]
    {
        let entries = byNumber(bijlagen)
        var facts: [Int: Bijlage.Publicatie] = [:]
        for (index, original) in record.list("bijlagen").enumerated() {
            let ownNietOpenbaar: Bool =
                if case .record(let b) = original { b.jaNee("openbaar") == false } else { false }
            guard let entry = entries[index + 1] else {
                // Without an entry a public pack withheld it (see `record`): nothing to mark.
                if ownNietOpenbaar && !publicPack { facts[index + 1] = Bijlage.Publicatie(nietOpenbaar: true) }
                continue
            }
            guard entry.titel != nil else { continue }  // withheld
            var formaat: String?
            switch entry.job {
            // Type and size in the link text, as on the agenda page: the pack copies the file
            // byte for byte (and refuses it if it changed since the plan).
            case .copy(let file, let path, _): formaat = AgendaPage.formaat(path, size: file.size)
            case .page: formaat = "HTML"
            case nil: formaat = nil
            }
            facts[index + 1] = Bijlage.Publicatie(
                link: entry.path, formaat: paper ? nil : formaat, nietOpenbaar: entry.nietOpenbaar)
        }
        return facts
    }

    private static func byNumber(_ bijlagen: [BijlageEntry]) -> [Int: BijlageEntry] {
        Dictionary(bijlagen.map { ($0.nummer, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

enum PackText {
    static func bijlageWithheld(_ n: Int) -> String { "Bijlage \(n) (niet openbaar)" }
}

extension Record {
    /// This record without the fields marked as contact details, at any depth.
    func removingContactDetails(_ fields: [Field]) -> Record {
        var r = self
        for field in fields {
            if field.isContactDetail {
                r.values[field.key] = nil
                continue
            }
            switch (r.values[field.key], field.type) {
            case (.record(let inner)?, .record(let f)), (.record(let inner)?, .textOrRecord(_, let f)):
                r.values[field.key] = .record(inner.removingContactDetails(f))
            case (.list(let items)?, .list(.record(let f), _)), (.list(let items)?, .list(.textOrRecord(_, let f), _)):
                r.values[field.key] = .list(
                    items.map {
                        if case .record(let inner) = $0 { .record(inner.removingContactDetails(f)) } else { $0 }
                    })
            default:
                break
            }
        }
        return r
    }
}
