import Foundation

/// schema.org JSON-LD for the pages of a Woo pack: the agenda as an `Event`, each
/// document as a `DigitalDocument` that is part of it.
enum JSONLD {
    static func meeting(_ p: WooPublication) -> [String: Any] {
        let v = p.vergadering
        var event: [String: Any] = [
            "@type": "Event",
            "name": "Vergadering \(v.orgaan.naam) \(v.datum.lang)",
            "startDate": startDate(v),
            "url": p.url("index.html"),
            "organizer": publisher(p.config),
            "inLanguage": "nl",
        ]
        if let locatie = v.locatie { event["location"] = ["@type": "Place", "name": locatie] }
        return event
    }

    /// The agenda page.
    static func agenda(_ p: WooPublication) -> String {
        var event = meeting(p)
        event["@context"] = "https://schema.org"
        event["subjectOf"] = p.documents.filter { $0.rol == .voorstel }.map { reference($0, p) }
        return script(event)
    }

    /// A document page (an item's document or a bijlage rendered from YAML).
    static func document(path: String, _ p: WooPublication) -> String? {
        guard let d = p.documents.first(where: { $0.path == path }) else { return nil }
        var object = reference(d, p)
        object["@context"] = "https://schema.org"
        object["inLanguage"] = "nl"
        object["publisher"] = publisher(p.config)
        object["identifier"] = d.facts?.registratienummer
        object["abstract"] = WooPublication.omschrijving(d.facts)
        if let parent = d.bijlageVan, let doc = p.documents.first(where: { $0.path == parent }) {
            object["isPartOf"] = reference(doc, p)
        } else {
            object["isPartOf"] = meeting(p)
        }
        if !d.bijlagen.isEmpty {
            object["hasPart"] = d.bijlagen.compactMap { b in
                p.documents.first { $0.path == b.path }.map { reference($0, p) }
            }
        }
        return script(object)
    }

    private static func reference(_ d: WooDocument, _ p: WooPublication) -> [String: Any] {
        [
            "@type": "DigitalDocument", "name": d.titel, "url": p.url(d.path),
            "encodingFormat": Vocabulary.mediaType(extension: d.fileExtension),
        ]
    }

    private static func publisher(_ c: SiteConfig) -> [String: Any] {
        ["@type": "GovernmentOrganization", "name": c.organisatie, "identifier": c.tooi]
    }

    /// `2016-10-10T19:30` when `aanvang` is a time, else the date alone.
    static func startDate(_ v: Vergadering) -> String {
        guard let aanvang = v.aanvang else { return v.datum.iso }
        let parts = aanvang.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0...23).contains(h),
            (0...59).contains(m),
            parts[1].count == 2
        else { return v.datum.iso }
        return v.datum.iso + "T" + (h < 10 ? "0" : "") + "\(h):" + parts[1]
    }

    /// JSON text safe inside `<script>`: `<`, `>` and `&` only ever occur inside JSON
    /// strings, where `\u003c` and friends mean the same, so no value can close the
    /// element (`</script>`) or open a comment (`<!--`).
    /// Byte by byte: Foundation's `replacingOccurrences` matches whole graphemes and left a
    /// `<` followed by a combining mark in place.
    static func script(_ object: [String: Any]) -> String {
        let data =
            (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data("{}".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(data.count + 32)
        for byte in data {
            switch byte {
            case UInt8(ascii: "<"): out.append(contentsOf: "\\u003c".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "\\u003e".utf8)
            case UInt8(ascii: "&"): out.append(contentsOf: "\\u0026".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
