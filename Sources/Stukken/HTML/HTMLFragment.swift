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
        // Safe mode drops raw HTML, so every `<hN>` in cmark's output is one of our
        // headings. Scanned as bytes: ASCII markers never occur inside UTF-8 sequences.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.utf8.count + headings.count * 24)
        let source = Array(raw.utf8)
        var index = 0
        var i = 0
        while i < source.count {
            if index < headings.count, source[i] == UInt8(ascii: "<"), i + 3 < source.count,
                source[i + 1] == UInt8(ascii: "h"), (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(source[i + 2]),
                source[i + 3] == UInt8(ascii: ">")
            {
                bytes += Array("<h".utf8) + [source[i + 2]] + Array(" id=\"\(headings[index].id)\">".utf8)
                index += 1
                i += 4
                continue
            }
            bytes.append(source[i])
            i += 1
        }
        var html = String(decoding: bytes, as: UTF8.self)
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
