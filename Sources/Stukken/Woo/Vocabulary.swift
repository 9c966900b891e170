/// The TOOI and EU values a Woo publication uses, each with the label the DiWoo 0.9.8
/// value lists (`diwoo-metadata-lijsten.xsd`) give it. Which value a document gets is
/// decided here, from what its kind declares and its orgaan; docs/woo.md says why.
enum Vocabulary {
    struct Term: Sendable, Equatable {
        var uri: String
        var label: String
    }

    private static let kern = "https://identifier.overheid.nl/tooi/def/thes/kern/"

    // MARK: informatiecategorie (scw_woo_informatiecategorieen)

    /// Vergaderstukken of the algemeen bestuur of an openbaar lichaam (Wgr): the AB of
    /// the VRT, article 3.3 lid 2 sub c Woo (its werkdefinitie).
    static let vergaderstukkenDecentraal = Term(uri: kern + "c_db4862c3", label: "vergaderstukken decentrale overheden")
    /// The DVO Twente is a consultation of burgemeesters, OM and politie, not a body the
    /// Woo names in its categories: what it publishes is published under the general
    /// duty of article 3.1 Woo.
    static let inspanningsverplichting = Term(uri: kern + "c_816e508d", label: "inspanningsverplichting art 3.1 Woo")

    static func informatiecategorie(_ orgaan: Voorstel.Orgaan) -> Term {
        switch orgaan {
        case .ab: vergaderstukkenDecentraal
        case .dvo: inspanningsverplichting
        }
    }

    /// KOOP's number of a category in the name of its sitemap index
    /// (`sitemapindex-diwoo-infocat008.xml`); `nil` for a duty that is none of the 17
    /// categories of art. 3.3 Woo, which has no index a harvester reads.
    ///
    /// Inferred, not read: KOOP's handleiding "Sitemapindex en Sitemaps" requires the name
    /// but the published pages stop before the numbering rule. Its one example is infocat015
    /// for onderzoeksrapporten (lid 2 sub j); numbering the categories in the order of the
    /// law (lid 1 a–e = 001–005, lid 2 a–l = 006–017) gives exactly that, and 008 for lid 2
    /// sub c. docs/woo.md says so.
    static func infocatNummer(_ categorie: Term) -> String? {
        switch categorie {
        case vergaderstukkenDecentraal: "008"
        default: nil
        }
    }

    // MARK: documentsoort (ccw_plooi_documentsoorten)

    static let vergaderstuk = Term(uri: kern + "c_7f9dffa7", label: "vergaderstuk")
    static let beleidsnota = Term(uri: kern + "c_9376c730", label: "beleidsnota")
    static let plan = Term(uri: kern + "c_5b1055aa", label: "plan")
    static let evaluatierapport = Term(uri: kern + "c_38ba44de", label: "evaluatierapport")

    /// Every published document is a vergaderstuk; a kind with a more precise soort adds it
    /// (`DocumentKind.wooDocumentsoort`). `nil`: a file bijlage.
    static func documentsoorten(_ kind: (any DocumentKind.Type)?) -> [Term] {
        switch kind?.wooDocumentsoort {
        case nil: [vergaderstuk]
        case .beleidsnota: [vergaderstuk, beleidsnota]
        case .plan: [vergaderstuk, plan]
        case .evaluatierapport: [vergaderstuk, evaluatierapport]
        }
    }

    // MARK: soortHandeling (ccw_plooi_documenthandelingen: only these three exist)

    static let ondertekening = Term(uri: kern + "c_e1ec050e", label: "ondertekening")
    static let ontvangst = Term(uri: kern + "c_dfcee535", label: "ontvangst")
    static let vaststelling = Term(uri: kern + "c_641ecd76", label: "vaststelling")

    // MARK: documentrelatie (scw_documentrelatie)

    static let heeftBijlage = Term(uri: kern + "c_05f4a5f3", label: "heeft bijlage")

    // MARK: language and format (EU publications office authority tables)

    static let nederlands = Term(
        uri: "http://publications.europa.eu/resource/authority/language/NLD", label: "Nederlands")

    private static let fileType = "http://publications.europa.eu/resource/authority/file-type/"
    /// Every extension a pack publishes (`PackPlan.fileTypes` and html), in the format list.
    static func format(extension ext: String) -> Term? {
        let table: [String: (String, String)] = [
            "html": ("HTML", "HTML"), "pdf": ("PDF", "PDF"), "docx": ("DOCX", "Word DOCX"), "doc": ("DOC", "Word DOC"),
            "odt": ("ODT", "ODT"), "xlsx": ("XLSX", "Excel XLSX"), "ods": ("ODS", "ODS"),
            "pptx": ("PPTX", "PowerPoint PPTX"),
            "txt": ("TXT", "Plain text"), "csv": ("CSV", "CSV"),
        ]
        return table[ext.lowercased()].map { Term(uri: fileType + $0.0, label: $0.1) }
    }

    /// IANA media types for JSON-LD `encodingFormat`.
    static func mediaType(extension ext: String) -> String {
        switch ext.lowercased() {
        case "html": "text/html"
        case "pdf": "application/pdf"
        case "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case "doc": "application/msword"
        case "odt": "application/vnd.oasis.opendocument.text"
        case "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case "ods": "application/vnd.oasis.opendocument.spreadsheet"
        case "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation"
        case "txt": "text/plain"
        case "csv": "text/csv"
        default: "application/octet-stream"
        }
    }
}
