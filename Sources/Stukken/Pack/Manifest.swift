import Foundation

/// `manifest.json`: every published file with its title, kind, agendapunt, SHA-256 and
/// size, and `bron`, a hash of what it was made from. A rebuild reads the previous
/// pack's manifest to reuse unchanged pages, so no cache outside what is published.
struct Manifest {
    struct Entry: Sendable {
        var path: String
        var sha256: String
        var bron: String?
        /// `--woo`: the `lastmod` the DiWoo sitemap gives this document.
        var lastmod: String? = nil
        /// What the file is (`sitemap`, `agenda`, …): `stukken site` finds the sitemaps by it.
        var soort: String? = nil
    }

    var soort: String
    var files: [Entry]
    /// `orgaan` and `datum` of the meeting the pack is of ("AB 2016-10-10").
    var vergadering: String
    var zip: String
    /// The meeting's `orgaan`, `datum`, `locatie` and `aanvang` as the manifest gives them
    /// (for the home page of `stukken site`).
    var meeting: [String: String] = [:]

    /// `manifest.json` of a new pack, written straight from the file list: pretty-printed
    /// with sorted keys, the same bytes `JSONSerialization` gave (a test compares them).
    /// Building Foundation dictionaries for every file first was the peak of a pack's
    /// memory (+20 MB at ten thousand items) and 0.1 s on one core.
    static func json(vergadering v: Vergadering, soort: String, zip: String, files: [PackFile]) -> Data {
        var out = PrettyJSON()
        out.open("{")
        out.key("bestanden", first: true)
        out.open("[")
        for (i, f) in files.enumerated() {
            if i > 0 { out.comma() }
            out.newline()
            out.open("{")
            var first = true
            func field(_ name: String, _ value: String?) {
                guard let value else { return }
                out.key(name, first: first)
                out.string(value)
                first = false
            }
            // Alphabetical, as `sortedKeys` wrote them.
            field("agendapunt", f.agendapunt)
            field("bron", f.bron)
            out.key("grootte", first: first)
            out.raw(String(f.size))
            first = false
            field("lastmod", f.lastmod)
            field("pad", f.path)
            field("sha256", f.sha256)
            field("soort", f.soort)
            field("titel", f.titel)
            out.close("}")
        }
        if files.isEmpty { out.raw("\n") }
        out.close("]")
        out.key("soort", first: false)
        out.string(soort)
        out.key("vergadering", first: false)
        out.open("{")
        var first = true
        for (name, value) in [
            ("aanvang", v.aanvang), ("datum", v.datum.iso), ("locatie", v.locatie), ("orgaan", v.orgaan.rawValue),
        ] {
            guard let value else { continue }
            out.key(name, first: first)
            out.string(value)
            first = false
        }
        out.close("}")
        out.key("zip", first: false)
        out.string(zip)
        out.close("}")
        out.raw("\n")
        return Data(out.bytes)
    }

    /// How `vergadering` names a meeting.
    static func meeting(_ v: Vergadering) -> String { "\(v.orgaan.rawValue) \(v.datum.iso)" }

    /// The manifest of an existing pack folder, if it has one `json` could have written:
    /// a manifest.json of another program (a web app's, say) is not ours.
    static func read(from folder: URL) -> Manifest? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent("manifest.json").path),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let soort = object["soort"] as? String, ["openbaar", "besloten"].contains(soort),
            object["bestanden"] is [Any], let zip = object["zip"] as? String,
            let meeting = object["vergadering"] as? [String: Any], let orgaan = meeting["orgaan"] as? String,
            let datum = meeting["datum"] as? String
        else { return nil }
        let files = (object["bestanden"] as? [[String: Any]] ?? []).compactMap { e -> Entry? in
            guard let path = e["pad"] as? String, let sha = e["sha256"] as? String else { return nil }
            return Entry(
                path: path, sha256: sha, bron: e["bron"] as? String, lastmod: e["lastmod"] as? String,
                soort: e["soort"] as? String)
        }
        return Manifest(
            soort: soort, files: files, vergadering: "\(orgaan) \(datum)", zip: zip,
            meeting: meeting.compactMapValues { $0 as? String })
    }
}

/// JSON text as `JSONSerialization` pretty-prints it on Linux: two spaces an indent,
/// `" : "` after a key, an empty container on two lines, `/` unescaped
/// (`.withoutEscapingSlashes`), other control characters as `\\u00xx`.
struct PrettyJSON {
    private(set) var bytes: [UInt8] = []
    private var depth = 0

    mutating func raw(_ text: String) { bytes += text.utf8 }
    mutating func newline() {
        bytes.append(0x0A)
        bytes += repeatElement(0x20, count: 2 * depth)
    }
    mutating func comma() { bytes.append(UInt8(ascii: ",")) }
    mutating func open(_ bracket: Unicode.Scalar) {
        bytes.append(UInt8(ascii: bracket))
        depth += 1
    }
    mutating func close(_ bracket: Unicode.Scalar) {
        depth -= 1
        newline()
        bytes.append(UInt8(ascii: bracket))
    }
    mutating func key(_ name: String, first: Bool) {
        if !first { comma() }
        newline()
        string(name)
        raw(" : ")
    }
    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += [0x5C, 0x22]
            case 0x5C: bytes += [0x5C, 0x5C]
            case 0x0A: bytes += [0x5C, UInt8(ascii: "n")]
            case 0x0D: bytes += [0x5C, UInt8(ascii: "r")]
            case 0x09: bytes += [0x5C, UInt8(ascii: "t")]
            case 0x08: bytes += [0x5C, UInt8(ascii: "b")]
            case 0x0C: bytes += [0x5C, UInt8(ascii: "f")]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes += [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
