import Foundation

/// The pack as Open Raadsinformatie-shaped JSON (`ori.json`): the vergadering, its
/// agendapunten and the informatieobjecten published with them.
///
/// A non-public agendapunt is its kenmerk, its place on the agenda and `besloten: true`,
/// nothing else: no title (not even an `openbare_titel`), no informatieobjecten.
enum ORIExport {
    static func json(_ p: WooPublication) -> Data {
        let v = p.vergadering
        var vergadering: [String: Any] = [
            "id": p.url("index.html"),
            "orgaan": v.orgaan.rawValue,
            "naam": v.orgaan.naam,
            "datum": v.datum.iso,
            "organisatie": ["naam": p.config.organisatie, "tooi": p.config.tooi],
            "links": [["url": p.url("index.html"), "formaat": "HTML"]],
        ]
        vergadering["aanvang"] = v.aanvang
        vergadering["locatie"] = v.locatie

        let agendapunten: [[String: Any]] = p.entries.enumerated().map { i, e in
            if e.nietOpenbaar {
                return ["kenmerk": e.agendapunt, "volgnummer": i + 1, "besloten": true]
            }
            var a: [String: Any] = [
                "kenmerk": e.agendapunt, "volgnummer": i + 1, "besloten": false,
                "informatieobjecten": p.documents.filter { $0.agendapunt == e.agendapunt }.map { p.url($0.path) },
            ]
            a["titel"] = e.titel
            return a
        }

        let informatieobjecten: [[String: Any]] = p.documents.map { d in
            var o: [String: Any] = [
                "id": p.url(d.path),
                "titel": d.titel,
                "type": d.rol.rawValue,
                "agendapunt": d.agendapunt,
                "links": [
                    ["url": p.url(d.path), "formaat": d.fileExtension.uppercased(), "rel": "document"],
                    ["url": p.url(WooPublication.metadataPath(d.path)), "formaat": "XML", "rel": "diwoo-metadata"],
                ],
            ]
            o["soort"] = d.kind?.soort ?? "bestand"
            o["portefeuillehouder"] = d.facts?.portefeuillehouder
            o["registratienummer"] = d.facts?.registratienummer
            o["bijlage_van"] = d.bijlageVan.map(p.url)
            return o
        }

        let object: [String: Any] = [
            "vergadering": vergadering,
            "agendapunten": agendapunten,
            "informatieobjecten": informatieobjecten,
        ]
        let data =
            (try? JSONSerialization.data(
                withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return data + Data("\n".utf8)
    }
}
