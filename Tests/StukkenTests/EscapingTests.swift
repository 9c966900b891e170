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
        for tag in [
            "<a ", "<script", "<h1", "<h2", "<li", "<blockquote", "<pre", "<code", "<em", "<del", "<img", "<hr",
            "<input", "<sup", "<td", "<tr", "<table", "<p>", "<!--",
        ] {
            #expect(Self.count(tag, in: body) == Self.count(tag, in: baseline), "\(value) changed the number of \(tag)")
        }
    }

    @Test func punctuationThatCannotMeanAnythingStaysReadable() {
        #expect(
            MarkdownEscaping.escape("H.G.W. Meuleman, 06 - 13009389; (VRT)") == "H.G.W. Meuleman, 06 - 13009389; (VRT)")
        #expect(MarkdownEscaping.escape("TS&S") == "TS\\&S")
        #expect(MarkdownEscaping.escape("2016. Een") == "2016\\. Een")
        #expect(MarkdownEscaping.escape("  a \n\t b  ") == "a b")
    }

    /// Every HTML template escapes byte by byte: a quote followed by a combining mark is one
    /// Swift `Character`, which swift-mustache's own escaper let through, ending the PDF
    /// page's `data-onderwerp="…"` attribute early.
    @Test func aCombiningMarkCannotCarryAQuoteOutOfAnAttribute() throws {
        for special in ["\"", "'", "<", ">", "&"] {
            #expect(HTMLEscaping.escape(special + "\u{338}x") == Self.htmlEscapedAll(special) + "\u{338}x")
        }
        #expect(HTMLEscaping.escape("Gewoon onderwerp, € 185.000") == "Gewoon onderwerp, € 185.000")

        // Single-quoted in YAML: `quoted` (Foundation's replacing) would not see the quote
        // inside the grapheme either.
        let stuk = try load(
            voorstel(replacing: "onderwerp", with: "onderwerp: 'Claim\"\u{338} data-x=1 style=\u{338}'")
        ).get()
        #expect(stuk.document.titel.unicodeScalars.contains("\u{338}"))
        for page in [
            PDFRenderer.printPage(stuk, templates: Package.templateSet, voorblad: true, extras: nil).html,
            Stukken.html(stuk, templates: Package.templateSet).html,
        ] {
            // Compared as bytes: `String.contains` matches whole graphemes only.
            let bytes = Array(page.utf8)
            let rawQuote = Self.contains(bytes, Array("\"\u{338}".utf8))
            let escaped = Self.contains(bytes, Array("&quot;\u{338} data-x=1".utf8))
            #expect(!rawQuote && escaped, "\(page.prefix(2000))")
        }
    }

    /// The pragma `TemplateSet` puts before an HTML template is not counted in its lines.
    @Test func aTemplateErrorIsReportedOnItsOwnLine() throws {
        let dir = try temporaryDirectory()
        try "<p>een</p>\n<p>twee</p>\n{{/niet-geopend}}\n".write(
            to: dir.appendingPathComponent("pagina.html.mustache"), atomically: true, encoding: .utf8)
        guard case .failure(let error) = TemplateSet.load(from: dir.path) else {
            Issue.record("a broken template loaded")
            return
        }
        #expect(error.diagnostics.first?.line == 3, "\(error)")
    }

    static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard bytes.count >= needle.count else { return false }
        return (0...(bytes.count - needle.count)).contains { i in bytes[i..<(i + needle.count)].elementsEqual(needle) }
    }

    static func htmlEscapedAll(_ s: String) -> String {
        htmlEscaped(s).replacingOccurrences(of: "'", with: "&#39;")
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
        "\""
            + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
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
