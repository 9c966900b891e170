import Foundation

/// DiWoo 0.9.8 metadata (standaarden.overheid.nl/diwoo/metadata) as XML text, the
/// sitemap entries that carry it.
///
/// Written by hand, element by element, because the order and the bytes must be the same
/// on every run; every text and attribute value goes through `escape`.
enum DiWoo {
    static let namespace = "https://standaarden.overheid.nl/diwoo/metadata/"
    static let sitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9"

    /// `<diwoo:Document>` for one document, indented to sit inside a sitemap `<url>`.
    static func metadata(_ d: WooDocument, publication p: WooPublication) -> String {
        let publisher = term(Vocabulary.Term(uri: p.config.tooi, label: p.config.organisatie))
        var lines: [String] = ["<diwoo:Document>", "  <diwoo:DiWoo>"]
        func add(_ line: String, _ depth: Int) { lines.append(String(repeating: "  ", count: depth) + line) }
        if let nummer = d.facts?.registratienummer {
            add("<diwoo:identifiers>", 2)
            add("<diwoo:identifier>\(escape(nummer))</diwoo:identifier>", 3)
            add("</diwoo:identifiers>", 2)
        }
        add("<diwoo:publisher\(publisher)</diwoo:publisher>", 2)
        add("<diwoo:titelcollectie>", 2)
        add("<diwoo:officieleTitel>\(escape(d.titel))</diwoo:officieleTitel>", 3)
        add("</diwoo:titelcollectie>", 2)
        if let omschrijving = WooPublication.omschrijving(d.facts) {
            add("<diwoo:omschrijvingen>", 2)
            add("<diwoo:omschrijving>\(escape(omschrijving))</diwoo:omschrijving>", 3)
            add("</diwoo:omschrijvingen>", 2)
        }
        add("<diwoo:classificatiecollectie>", 2)
        add("<diwoo:informatiecategorieen>", 3)
        add(
            "<diwoo:informatiecategorie\(term(Vocabulary.informatiecategorie(p.vergadering.orgaan)))</diwoo:informatiecategorie>",
            4)
        add("</diwoo:informatiecategorieen>", 3)
        add("<diwoo:documentsoorten>", 3)
        for soort in Vocabulary.documentsoorten(d.kind) {
            add("<diwoo:documentsoort\(term(soort))</diwoo:documentsoort>", 4)
        }
        add("</diwoo:documentsoorten>", 3)
        add("</diwoo:classificatiecollectie>", 2)
        add("<diwoo:language\(term(Vocabulary.nederlands))</diwoo:language>", 2)
        if let format = Vocabulary.format(extension: d.fileExtension) {
            add("<diwoo:format\(term(format))</diwoo:format>", 2)
        }
        add("<diwoo:documenthandelingen>", 2)
        for h in d.handelingen {
            add("<diwoo:documenthandeling>", 3)
            add("<diwoo:soortHandeling\(term(h.soort))</diwoo:soortHandeling>", 4)
            // The documents give a date, not a time: the start of that day.
            add("<diwoo:atTime>\(h.datum.iso)T00:00:00</diwoo:atTime>", 4)
            add("<diwoo:wasAssociatedWith\(publisher)</diwoo:wasAssociatedWith>", 4)
            add("</diwoo:documenthandeling>", 3)
        }
        add("</diwoo:documenthandelingen>", 2)
        if !d.bijlagen.isEmpty {
            add("<diwoo:documentrelaties>", 2)
            for b in d.bijlagen {
                add("<diwoo:documentrelatie>", 3)
                add("<diwoo:role\(term(Vocabulary.heeftBijlage))</diwoo:role>", 4)
                add("<diwoo:relation\(term(Vocabulary.Term(uri: p.url(b.path), label: b.titel)))</diwoo:relation>", 4)
                add("</diwoo:documentrelatie>", 3)
            }
            add("</diwoo:documentrelaties>", 2)
        }
        lines += ["  </diwoo:DiWoo>", "</diwoo:Document>"]
        return lines.joined(separator: "\n")
    }

    /// The metadata of one document as a file of its own (`diwoo/<pad>.xml`).
    static func standalone(_ metadata: String) -> String {
        let root = metadata.replacingOccurrences(
            of: "<diwoo:Document>", with: "<diwoo:Document xmlns:diwoo=\"\(namespace)\">", options: .anchored)
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + root + "\n"
    }

    /// One sitemap `<url>` whose `<loc>` is the document itself, with its DiWoo metadata.
    static func urlEntry(_ u: (loc: String, lastmod: String, metadata: String)) -> String {
        var text = "  <url>\n    <loc>\(escape(u.loc))</loc>\n    <lastmod>\(u.lastmod)</lastmod>\n"
        text += u.metadata.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n") + "\n"
        return text + "  </url>\n"
    }

    /// ` resource="URI">label`: the shape of every DiWoo value from a list.
    private static func term(_ t: Vocabulary.Term) -> String {
        " resource=\"\(escape(t.uri))\">\(escape(t.label))"
    }

    /// Text and attribute values: the five XML specials, and line breaks kept as such.
    /// Scalar by scalar: a `Character` loop let `&` or `<` followed by a combining mark
    /// through (one grapheme), which made the XML not well-formed.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\r": out += "&#13;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
