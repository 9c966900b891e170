import Foundation
import Testing

@testable import Stukken

/// One example of the GFM spec files (`Fixtures/spec/`, copied from ../shared/spec/cmark-gfm).
struct SpecExample: Sendable {
    var file: String
    var number: Int
    var markdown: String
    var html: String
    var section: String

    static let fence = String(repeating: "`", count: 32) + " example"

    static func load(_ file: String) -> [SpecExample] {
        let url = Package.fixtures.appendingPathComponent("spec/\(file)")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        var result: [SpecExample] = []
        var state = 0  // 0 outside, 1 Markdown, 2 HTML
        var markdown = ""
        var html = ""
        var section = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            switch state {
            case 0:
                if line.hasPrefix("#") { section = String(line.drop { $0 == "#" || $0 == " " }) }
                if line.hasPrefix(fence) {
                    state = 1
                    markdown = ""
                    html = ""
                }
            case 1:
                if line == "." { state = 2 } else { markdown += line + "\n" }
            default:
                if line.hasPrefix(String(repeating: "`", count: 32)) {
                    state = 0
                    result.append(
                        SpecExample(
                            file: file, number: result.count + 1,
                            markdown: markdown.replacingOccurrences(of: "→", with: "\t"),
                            html: html.replacingOccurrences(of: "→", with: "\t"), section: section))
                } else {
                    html += line + "\n"
                }
            }
        }
        return result
    }

    static let all: [SpecExample] = ["spec.txt", "extensions.txt", "regression.txt"].flatMap(load)
}

/// Our Markdown → HTML stage (`Stukken.htmlFragment`, with our options) against the GFM spec.
/// Every example must pass, except the ones listed in `Fixtures/spec/expected-differences.tsv`
/// with the reason: an option change (unsafe mode, an extension switched off, …) changes
/// this set and fails the test.
@Suite struct SpecTests {
    struct Difference: Hashable {
        var file: String
        var number: Int
    }

    static func expectedDifferences() -> [Difference: String] {
        let url = Package.fixtures.appendingPathComponent("spec/expected-differences.tsv")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [:] }
        var result: [Difference: String] = [:]
        for row in text.split(separator: "\n") where !row.hasPrefix("#") {
            let c = row.split(separator: "\t").map(String.init)
            if c.count >= 3, let n = Int(c[1]) { result[Difference(file: c[0], number: n)] = c[2] }
        }
        return result
    }

    @Test func examplesPassExceptTheListedDifferences() throws {
        let examples = SpecExample.all
        #expect(examples.count == 720, "spec files changed: \(examples.count) examples")
        let expected = Self.expectedDifferences()
        var failing: [Difference: String] = [:]
        for e in examples {
            let ours = Stukken.htmlFragment(Markdown(e.markdown)).html
            if Self.normalise(ours) != Self.normalise(e.html) {
                failing[Difference(file: e.file, number: e.number)] = ours
            }
        }
        let passed = examples.count - failing.count
        #expect(passed == examples.count - expected.count, "passed \(passed) of \(examples.count)")
        for (d, ours) in failing.sorted(by: { ($0.key.file, $0.key.number) < ($1.key.file, $1.key.number) })
        where expected[d] == nil {
            let e = examples.first { $0.file == d.file && $0.number == d.number }!
            Issue.record(
                "\(d.file) example \(d.number) (\(e.section)) differs, and is not a listed difference:\nmarkdown: \(e.markdown.debugDescription)\nexpected: \(e.html.debugDescription)\nours:     \(ours.debugDescription)"
            )
        }
        for (d, reason) in expected where failing[d] == nil {
            Issue.record(
                "\(d.file) example \(d.number) now passes (listed as: \(reason)): did an option change? Update expected-differences.tsv"
            )
        }
        if ProcessInfo.processInfo.environment["RECORD_SPEC"] == "1" {
            let rows = failing.keys.sorted { ($0.file, $0.number) < ($1.file, $1.number) }.map { d in
                "\(d.file)\t\(d.number)\t\(expected[d] ?? Self.classify(failing[d]!, example: examples.first { $0.file == d.file && $0.number == d.number }!))"
            }
            try (Self.header + rows.joined(separator: "\n") + "\n").write(
                to: Package.fixtures.appendingPathComponent("spec/expected-differences.tsv"), atomically: true,
                encoding: .utf8)
        }
    }

    /// Safe mode is on, whatever else changes.
    @Test func rawHTMLAndDangerousLinksNeverPass() {
        let html = Stukken.htmlFragment(
            Markdown("<script>x</script>\n\n[a](javascript:alert(1)) <b onclick=\"x\">b</b>\n")
        ).html
        #expect(!html.contains("<script") && !html.contains("onclick") && !html.contains("javascript:"), "\(html)")
    }

    static let header = """
        # GFM spec examples (Fixtures/spec/*.txt) whose output through Stukken.htmlFragment differs from the
        # spec's, after normalisation (SpecTests.normalise). Each is a consequence of a deliberate option:
        #   safe mode: raw HTML is omitted and javascript:/data: link targets are emptied (never CMARK_OPT_UNSAFE);
        #   extensions always on: table, strikethrough, autolink, tagfilter, tasklist apply to spec.txt too;
        #   footnotes on: [^x] is a footnote reference;
        #   heading ids / Dutch aria-label / style alignment: what HTMLFragment and our render options add;
        #   accessibility markup: th scope="col", task-list glyphs with a Dutch name, footnote labels
        #   (HTMLFragment.accessible: what the Nu checker and axe-core require, README Toegankelijkheid).
        # file, example number (1-based, per file), reason

        """

    static func classify(_ ours: String, example: SpecExample) -> String {
        if ours.contains("scope=\"col\"") || ours.contains("class=\"taak\"") || ours.contains("aria-label=\"Voetnoot") {
            return "accessibility markup"
        }
        if ours.contains("<!-- raw HTML omitted -->") || ours.contains("href=\"\"") || ours.contains("src=\"\"") {
            return "safe mode"
        }
        if ours.contains("<table") || ours.contains("<del>") || ours.contains("<a href=\"http")
            || ours.contains("checkbox")
            || ours.contains("mailto:") || ours.contains("&lt;title") || ours.contains("&lt;xmp")
        {
            return "extensions always on"
        }
        if ours.contains("footnote") { return "footnotes on" }
        if ours.contains("style=\"text-align") { return "style alignment" }
        return "other (reviewed)"
    }

    /// Roughly upstream's spec_tests.py normalisation: whitespace between tags and at line
    /// ends does not count; `<br />` equals `<br>`; attributes are compared as written.
    /// Heading ids and the Dutch back-link label are ours and are taken out first.
    static func normalise(_ html: String) -> String {
        var s = html
        s = s.replacingOccurrences(of: #"<h([1-6]) id="[^"]*">"#, with: "<h$1>", options: .regularExpression)
        s = s.replacingOccurrences(of: "aria-label=\"Terug naar de tekst\"", with: "aria-label=\"Back to content\"")
        s = s.replacingOccurrences(of: " />", with: ">")
        s = s.replacingOccurrences(of: #"\s*\n\s*"#, with: "\n", options: .regularExpression)
        s = s.replacingOccurrences(of: #">\s+<"#, with: "><", options: .regularExpression)
        s = s.replacingOccurrences(of: #"\n"#, with: " ", options: .regularExpression)
        s = s.replacingOccurrences(of: #"[ \t]+"#, with: " ", options: .regularExpression)
        s = s.replacingOccurrences(
            of: #" ?(</?(p|li|ul|ol|blockquote|h[1-6]|table|thead|tbody|tr|th|td|pre|hr|div|section)[^>]*>) ?"#,
            with: "$1", options: .regularExpression)
        return s.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
