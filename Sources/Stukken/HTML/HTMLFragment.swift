import Foundation

/// Markdown text produced by the template stage, ready for cmark-gfm.
public struct Markdown: Sendable, Equatable {
    public var text: String
    public init(_ text: String) { self.text = text }
}

/// A heading of a rendered body, with the anchor other pages can link to.
public struct Heading: Sendable, Equatable {
    public var level: Int
    public var text: String
    public var id: String = ""
}

/// HTML for a page's body, produced by cmark-gfm from our Markdown. Only `CommonMark`
/// makes these, so a page can never be fed unconverted Markdown.
public struct HTMLFragment: Sendable, Equatable {
    public private(set) var html: String
    public private(set) var headings: [Heading]

    /// Adds heading ids and makes cmark-gfm's own markup accessible (see `accessible`).
    static func make(html raw: String, headings raw_headings: [Heading]) -> HTMLFragment {
        var slugs = Slug.Registry()
        let headings = raw_headings.map { h -> Heading in
            var h = h
            h.id = slugs.unique(Slug.make(h.text))
            return h
        }
        // Safe mode drops raw HTML, so every `<hN>` in cmark's output is one of our headings.
        // Scanned as bytes: searching a Substring copies the rest each time (measured:
        // quadratic, 3 s for 90,000 headings).
        let bytes = Array(raw.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + headings.count * 24)
        var index = 0
        var runStart = 0
        var i = 0
        let lt = UInt8(ascii: "<"), h = UInt8(ascii: "h"), gt = UInt8(ascii: ">")
        while index < headings.count, let open = bytes[i...].firstIndex(of: lt) {
            if open + 3 < bytes.count, bytes[open + 1] == h, (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[open + 2]),
                bytes[open + 3] == gt
            {
                out += bytes[runStart..<open]
                out += Array("<h\(Character(Unicode.Scalar(bytes[open + 2]))) id=\"\(headings[index].id)\">".utf8)
                index += 1
                i = open + 4
                runStart = i
            } else {
                i = open + 1
            }
        }
        out += bytes[runStart...]
        let html = accessible(String(decoding: out, as: UTF8.self))
        return HTMLFragment(html: html, headings: headings)
    }

    /// cmark-gfm's own markup that the W3C Nu checker and axe-core flag, or that speaks
    /// English on a Dutch page. Safe mode drops raw HTML, so each string below can only
    /// come from cmark itself (never from a document's text, which arrives escaped).
    static func accessible(_ raw: String) -> String {
        var html = raw
        // Task-list items: an unlabelled, disabled `<input>` (axe: `label`, critical) that
        // WeasyPrint does not draw on paper either. A ballot-box glyph with a Dutch name
        // says the same on screen, to a screen reader and in print.
        html = html.replacingAll(
            "<input type=\"checkbox\" checked=\"\" disabled=\"\" />",
            with: "<span class=\"taak\" role=\"img\" aria-label=\"afgevinkt\">☒</span>")
        html = html.replacingAll(
            "<input type=\"checkbox\" disabled=\"\" />",
            with: "<span class=\"taak\" role=\"img\" aria-label=\"niet afgevinkt\">☐</span>")
        // Table headers: cmark-gfm puts `th` only in a table's first row, so each heads
        // its column; say so, as the heading tables of our templates do with `scope="row"`.
        html = html.replacingAll("<th>", with: "<th scope=\"col\">")
        html = html.replacingAll("<th style=", with: "<th scope=\"col\" style=")
        // Footnotes: the back-links' English label, the list's missing name, and reference
        // links whose only text is a number ("1" in a list of links says nothing).
        html = html.replacingAll("aria-label=\"Back to content\"", with: "aria-label=\"Terug naar de tekst\"")
        html = html.replacingAll(
            "<section class=\"footnotes\" data-footnotes>",
            with: "<section class=\"footnotes\" data-footnotes aria-label=\"Voetnoten\">")
        return labelFootnoteReferences(html)
    }

    /// `<a href="#fn-x" id="fnref-x" data-footnote-ref>1</a>` gets `aria-label="Voetnoot 1"`.
    private static func labelFootnoteReferences(_ html: String) -> String {
        let marker = "data-footnote-ref>"
        guard html.containsBytes(marker) else { return html }
        var result = ""
        var rest = Substring(html)
        while let found = rest.range(of: marker) {
            let number = rest[found.upperBound...].prefix { $0 != "<" }
            result += rest[..<found.lowerBound]
            result += "data-footnote-ref aria-label=\"Voetnoot \(number)\">"
            rest = rest[found.upperBound...]
        }
        return result + rest
    }
}

extension String {
    /// Literal replacement over UTF-8 bytes. Foundation's `contains`/`components` go
    /// through NSString here and were a fifth of a pack's time in the profile.
    func replacingAll(_ target: String, with replacement: String) -> String {
        let t = Array(target.utf8)
        guard let first = t.first else { return self }
        let bytes = Array(utf8)
        var out: [UInt8] = []
        var copied = 0
        var i = 0
        let last = bytes.count - t.count
        while i <= last {
            if bytes[i] == first && bytes[i..<(i + t.count)].elementsEqual(t) {
                if out.isEmpty { out.reserveCapacity(bytes.count + 64) }
                out += bytes[copied..<i]
                out += replacement.utf8
                i += t.count
                copied = i
            } else {
                i += 1
            }
        }
        if copied == 0 { return self }
        out += bytes[copied...]
        return String(decoding: out, as: UTF8.self)
    }

    func containsBytes(_ target: String) -> Bool {
        let t = Array(target.utf8)
        let bytes = Array(utf8)
        guard let first = t.first, bytes.count >= t.count else { return false }
        for i in 0...(bytes.count - t.count) where bytes[i] == first && bytes[i..<(i + t.count)].elementsEqual(t) {
            return true
        }
        return false
    }

}
