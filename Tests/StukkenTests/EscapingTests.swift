import Foundation
import Testing

@testable import Stukken

/// Plain values can never become Markdown structure, HTML or links.
@Suite struct EscapingTests {
    static let hostile: [String] = [
        "# Kop", "- lijst", "+ lijst", "1. lijst", "2016. Een jaar", "3) punt", "> citaat", "---", "===",
        "a | b | c", "[link](https://example.com)", "[1]: https://example.com", "<script>alert(1)</script>",
        "<!-- commentaar", "```", "~~~", "*nadruk* en _nadruk_", "`code`", "&copy; &amp;", "\\\\ backslash",
        "https://example.com", "www.example.com", "naam@example.com", "a~b~c", "[^1]", "![beeld](x.png)",
        "    ingesprongen", "- [ ] taak", "x\ny", "javascript:alert(1)", "Rijssen-Holten", "H.G.W. Meuleman",
    ]

    @Test(arguments: hostile)
    func valueStaysTextInTheHTML(_ value: String) throws {
        let body = try Self.renderedMarkdownBody(onderwerp: value)
        let baseline = try Self.renderedMarkdownBody(onderwerp: "Gewoon onderwerp")
        let expected = Self.htmlEscaped(Self.folded(value))
        // The value appears as text in its table cell, whole, and creates nothing:
        // every element occurs as often as with a harmless value.
        #expect(body.contains("<td>" + expected + "</td>"), "\(value) → \(body.prefix(900))")
        for tag in ["<a ", "<script", "<h1", "<h2", "<li", "<blockquote", "<pre", "<code", "<em", "<del", "<img", "<hr", "<input", "<sup", "<td", "<tr", "<table", "<p>", "<!--"] {
            #expect(Self.count(tag, in: body) == Self.count(tag, in: baseline), "\(value) changed the number of \(tag)")
        }
    }

    @Test func punctuationThatCannotMeanAnythingStaysReadable() {
        #expect(MarkdownEscaping.escape("H.G.W. Meuleman, 06 - 13009389; (VRT)") == "H.G.W. Meuleman, 06 - 13009389; (VRT)")
        #expect(MarkdownEscaping.escape("TS&S") == "TS\\&S")
        #expect(MarkdownEscaping.escape("2016. Een") == "2016\\. Een")
        #expect(MarkdownEscaping.escape("  a \n\t b  ") == "a b")
    }

    /// The whole Markdown document (heading table included) through the HTML stage.
    static func renderedMarkdownBody(onderwerp: String) throws -> String {
        let yaml = voorstel(replacing: "onderwerp", with: "onderwerp: " + quoted(onderwerp))
        let stuk = try load(yaml).get()
        let html = CommonMark.html(Stukken.markdown(stuk, templates: Package.templateSet).text).html
        // Documented: an e-mail address is split by an empty comment so it is not linked.
        return html.replacingOccurrences(of: "@<!-- raw HTML omitted -->", with: "@")
    }

    static func count(_ needle: String, in haystack: String) -> Int {
        haystack.components(separatedBy: needle).count - 1
    }

    static func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n") + "\""
    }

    static func folded(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func htmlEscaped(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
