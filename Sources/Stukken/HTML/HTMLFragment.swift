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

    /// Adds heading ids and replaces cmark-gfm's English accessibility texts.
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
        var html = String(decoding: out, as: UTF8.self)
        html = html.replacingAll("aria-label=\"Back to content\"", with: "aria-label=\"Terug naar de tekst\"")
        return HTMLFragment(html: html, headings: headings)
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard contains(target) else { return self }
        return components(separatedBy: target).joined(separator: replacement)
    }
}
