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
        var html = ""
        html.reserveCapacity(raw.utf8.count + headings.count * 24)
        // Safe mode drops raw HTML, so every `<hN>` in cmark's output is one of our headings.
        var rest = Substring(raw)
        var index = 0
        while let open = rest.range(of: "<h"), index < headings.count {
            let after = rest[open.upperBound...]
            if let digit = after.first, ("1"..."6").contains(digit), after.dropFirst().first == ">" {
                html += rest[..<open.lowerBound]
                html += "<h\(digit) id=\"\(headings[index].id)\">"
                rest = after.dropFirst(2)
                index += 1
            } else {
                html += rest[..<open.upperBound]
                rest = after
            }
        }
        html += rest
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
