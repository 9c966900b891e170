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

    /// A body put together from fragments that each came from `make` (a form's table).
    static func assembled(html: String, headings: [Heading]) -> HTMLFragment {
        HTMLFragment(html: html, headings: headings)
    }

    /// Adds heading ids and makes cmark-gfm's own markup accessible, in one pass over the
    /// bytes (a pass per replacement, each copying the page, was 6 % of rendering a
    /// thousand voorstellen).
    ///
    /// Safe mode drops raw HTML and a document's text arrives escaped, so every `<` in
    /// cmark's output opens a tag cmark wrote: every `<hN>` is one of our headings, and
    /// each tag rewritten below can only come from cmark itself. The rewrites, for what
    /// the W3C Nu checker and axe-core flag or what speaks English on a Dutch page:
    /// - task-list items: an unlabelled, disabled `<input>` (axe: `label`, critical) that
    ///   WeasyPrint does not draw on paper either; a ballot-box glyph with a Dutch name
    ///   says the same on screen, to a screen reader and in print;
    /// - table headers: cmark-gfm puts `th` only in a table's first row, so each heads its
    ///   column; say so, as the heading tables of our templates do with `scope="row"`;
    /// - footnotes: the back-links' English label, the list's missing name, and reference
    ///   links whose only text is a number ("1" in a list of links says nothing).
    static func make(html raw: String, headings rawHeadings: [Heading]) -> HTMLFragment {
        var slugs = Slug.Registry()
        return make(html: raw, headings: rawHeadings, slugs: &slugs)
    }

    /// `slugs`: the anchors a page already has, when it is made of several fragments (a
    /// form's answers, each in its table cell), so every anchor stays unique on the page.
    static func make(html raw: String, headings rawHeadings: [Heading], slugs: inout Slug.Registry) -> HTMLFragment {
        let headings = withIDs(rawHeadings, slugs: &slugs)
        let bytes = Array(raw.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + headings.count * 24 + 256)
        var heading = 0
        var copied = 0  // bytes before this index are in `out`
        var i = 0
        func matches(_ pattern: [UInt8], at p: Int) -> Bool {
            p + pattern.count <= bytes.count && bytes[p..<(p + pattern.count)].elementsEqual(pattern)
        }
        func replace(_ count: Int, at p: Int, with replacement: [UInt8]) {
            out += bytes[copied..<p]
            out += replacement
            copied = p + count
            i = copied
        }
        while let open = bytes[i...].firstIndex(of: UInt8(ascii: "<")) {
            i = open + 1
            guard open + 3 < bytes.count else { break }
            let next = bytes[open + 1]
            if next == UInt8(ascii: "h"), heading < headings.count,
                (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[open + 2]),
                bytes[open + 3] == UInt8(ascii: ">")
            {
                replace(
                    4, at: open,
                    with: Array("<h\(Character(Unicode.Scalar(bytes[open + 2]))) id=\"\(headings[heading].id)\">".utf8))
                heading += 1
            } else if next == UInt8(ascii: "i") {
                for (pattern, replacement) in Rewrite.inputs where matches(pattern, at: open) {
                    replace(pattern.count, at: open, with: replacement)
                    break
                }
            } else if next == UInt8(ascii: "t") {
                for (pattern, replacement) in Rewrite.tableHeaders where matches(pattern, at: open) {
                    replace(pattern.count, at: open, with: replacement)
                    break
                }
            } else if next == UInt8(ascii: "s"), matches(Rewrite.footnotes.0, at: open) {
                replace(Rewrite.footnotes.0.count, at: open, with: Rewrite.footnotes.1)
            } else if next == UInt8(ascii: "a"), bytes[open + 2] == UInt8(ascii: " "),
                let close = bytes[open...].firstIndex(of: UInt8(ascii: ">"))
            {
                let tag = footnoteLink(bytes, open: open, close: close)
                if !tag.elementsEqual(bytes[open...close]) { replace(close + 1 - open, at: open, with: tag) }
            }
        }
        out += bytes[copied...]
        return HTMLFragment(html: String(decoding: out, as: UTF8.self), headings: headings)
    }

    /// Each heading with a unique anchor made from its text.
    static func withIDs(_ headings: [Heading], slugs: inout Slug.Registry) -> [Heading] {
        headings.map { h -> Heading in
            var h = h
            h.id = slugs.unique(Slug.make(h.text))
            return h
        }
    }

    /// The `<a …>` tag from `open` to `close` as published: a footnote back-link with a
    /// Dutch label, a footnote reference named by its number; any other link as it was.
    private static func footnoteLink(_ bytes: [UInt8], open: Int, close: Int) -> [UInt8] {
        var tag = Array(bytes[open...close])
        tag = tag.replacing(Rewrite.backLabel.0, with: Rewrite.backLabel.1)
        if tag.count >= Rewrite.reference.count,
            tag.suffix(Rewrite.reference.count).elementsEqual(Rewrite.reference)
        {
            let number = bytes[(close + 1)...].prefix { $0 != UInt8(ascii: "<") }
            tag.removeLast()
            tag += Array(" aria-label=\"Voetnoot ".utf8) + number + Array("\">".utf8)
        }
        return tag
    }

    /// The tags `make` rewrites, as bytes: (what cmark-gfm writes, what we publish).
    private enum Rewrite {
        static let inputs: [([UInt8], [UInt8])] = [
            bytes(
                "<input type=\"checkbox\" checked=\"\" disabled=\"\" />",
                "<span class=\"taak\" role=\"img\" aria-label=\"afgevinkt\">☒</span>"),
            bytes(
                "<input type=\"checkbox\" disabled=\"\" />",
                "<span class=\"taak\" role=\"img\" aria-label=\"niet afgevinkt\">☐</span>"),
        ]
        static let tableHeaders: [([UInt8], [UInt8])] = [
            bytes("<th>", "<th scope=\"col\">"),
            bytes("<th style=", "<th scope=\"col\" style="),
        ]
        static let footnotes = bytes(
            "<section class=\"footnotes\" data-footnotes>",
            "<section class=\"footnotes\" data-footnotes aria-label=\"Voetnoten\">")
        static let backLabel = bytes("aria-label=\"Back to content\"", "aria-label=\"Terug naar de tekst\"")
        static let reference = Array(" data-footnote-ref>".utf8)

        static func bytes(_ a: String, _ b: String) -> ([UInt8], [UInt8]) { (Array(a.utf8), Array(b.utf8)) }
    }
}
