import Foundation
import Testing
import Yams

@testable import Stukken

/// The reader's edges (issue 16): line breaks libyaml knows but an editor does not show,
/// how lines are counted, and reporting that stays linear in the number of diagnostics.
@Suite struct ReaderTests {
    // MARK: Invisible characters and line breaks

    /// The byte scan and the located scan must agree: a character the located scan refuses
    /// but the byte scan lets through would reach Yams unseen. Every Unicode scalar, alone
    /// and around line breaks.
    @Test func theFastScanAgreesWithTheLocatedScanForEveryScalar() {
        var disagreements: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "a: b" + String(Character(scalar)) + "c\n"
            let fast = YAMLReader.mayContainInvisible(text)
            let located = !YAMLReader.invisibleCharactersLocated(in: SourceFile(path: "t.yaml", text: text)).isEmpty
            if located && !fast { disagreements.append(String(value, radix: 16)) }
            // The fast scan may say "maybe" (a lead byte it shares), never "no" wrongly; for
            // these it must be exact too, or every text with é would be scanned twice.
            if fast != located && value < 0x80 { disagreements.append("ascii " + String(value, radix: 16)) }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(20))")
    }

    /// Random texts of line breaks, controls and ordinary letters (fixed seed): both scans agree.
    @Test func theFastScanAgreesWithTheLocatedScanOnMixedLineEndings() {
        let alphabet: [String] = [
            "a", "é", "\n", "\r", "\r\n", "\u{2028}", "\u{2029}", "\u{85}", "\t", " ", "#", "\u{202E}", "\u{FEFF}", "中",
        ]
        var generator = SeededGenerator(seed: 77)
        for _ in 0..<5_000 {
            let length = Int(generator.next() % 12)
            let text = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined()
            let fast = YAMLReader.mayContainInvisible(text)
            let located = YAMLReader.invisibleCharactersLocated(in: SourceFile(path: "t.yaml", text: text))
            #expect(
                fast == !located.isEmpty,
                "\(text.unicodeScalars.map { String($0.value, radix: 16) }): \(located.map(\.message))")
        }
    }

    /// libyaml itself ends a line at each of these: so a comment could hide a live key.
    @Test(arguments: ["\u{2028}", "\u{2029}", "\u{85}"])
    func libyamlReadsTheseAsLineBreaksAndTheReaderRefusesThem(_ brk: String) throws {
        let text = "soort: voorstel\n# openbaar: nee\(brk)openbaar: ja\n"
        let node = try #require(try Yams.compose(yaml: text, Resolver.basic, .default, .utf8))
        #expect(node.mapping?["openbaar"]?.string == "ja", "libyaml no longer reads it as a line break")
        guard case .failure(let e) = YAMLReader.read(SourceFile(path: "t.yaml", text: text)) else {
            Issue.record("accepted")
            return
        }
        #expect(e.diagnostics.first?.line == 2 && e.diagnostics.first?.column == 16, "\(e.diagnostics)")
    }

    /// A lone CR is a line break for libyaml too: a file of CR line endings reads as before,
    /// one among LF line endings is refused where it stands.
    @Test func aLoneCRIsALineEndingOnlyInAFileOfCRLineEndings() throws {
        let crOnly = validVoorstel.replacingOccurrences(of: "\n", with: "\r")
        #expect(throws: Never.self) { try load(crOnly).get() }
        let crlf = validVoorstel.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(throws: Never.self) { try load(crlf).get() }
        let mixed = validVoorstel + "\n# openbaar: nee\rregistratienummer: x\n"
        let d = diagnostics(mixed)
        #expect(
            d.contains { $0.line == 13 && $0.column == 16 && $0.message == Message.loneCarriageReturn.text }, "\(d)")
    }

    /// Lines are numbered as libyaml numbers them, whatever the line endings: a diagnostic
    /// of a CR-only or CRLF file points at the right line, and its excerpt is that line.
    @Test(arguments: ["\n", "\r\n", "\r"])
    func diagnosticsOfEveryLineEndingPointAtTheirLine(_ ending: String) throws {
        let text = voorstel(appending: "wethouder: X").replacingOccurrences(of: "\n", with: ending)
        let d = try #require(diagnostics(text).first { $0.message.hasPrefix("onbekend veld 'wethouder'") })
        #expect(d.line == 13 && d.column == 1)
        let printed = DiagnosticPrinter(sources: ["test.yaml": text]).format(d)
        #expect(printed.hasSuffix("\nwethouder: X\n^"), "\(printed)")
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func aDuplicateKeyIsLocatedWhateverTheLineEndings(_ ending: String) throws {
        let text = voorstel(appending: "openbaar: nee").replacingOccurrences(of: "\n", with: ending)
        let d = try #require(diagnostics(text).first)
        #expect(d.message == Message.duplicateKey("openbaar").text && d.line == 13 && d.column == 1, "\(d)")
    }

    // MARK: Reporting

    @Test func thePrinterShowsAHundredAFileThenHowManyMore() {
        var list: [Diagnostic] = []
        for i in 1...250 {
            list.append(
                Diagnostic(.error, file: "a.yaml", line: i, column: 1, message: Message(.yamlSyntax, "fout \(i)")))
        }
        for i in 1...3 {
            list.append(
                Diagnostic(
                    .warning, file: "a.yaml", line: i, column: 1, message: Message(.yamlSyntax, "waarschuwing \(i)")))
        }
        list.append(Diagnostic(.error, file: "b.yaml", line: 1, column: 1, message: Message(.yamlSyntax, "fout in b")))
        let text = String(repeating: "k: 1\n", count: 300)
        let out = DiagnosticPrinter(sources: ["a.yaml": text, "b.yaml": text]).format(list)
        #expect(out.components(separatedBy: "a.yaml:").count - 1 == DiagnosticPrinter.maximumPerFile + 1)
        #expect(out.contains("b.yaml:1:1: error: STK014: fout in b"))
        #expect(
            out.hasSuffix(
                "a.yaml: … en nog 150 fouten en 3 andere meldingen (niet getoond); verbeter eerst wat hierboven staat"),
            "\(out.suffix(200))")
        #expect(!out.contains("fout 101"))
    }

    // MARK: Footnotes (L1)

    @Test func onlyFootnoteReferencesCount() {
        func refs(_ n: Int) -> String { (1...n).map { "x[^\($0)]" }.joined(separator: " ") }
        func defs(_ n: Int) -> String { (1...n).map { "  [^\($0)]: noot" }.joined(separator: "\n") }
        let limit = Limits.maximumFootnoteReferences
        let atLimit = voorstel(replacing: "toelichting", with: "toelichting: |\n  \(refs(limit))\n\n\(defs(limit))")
        #expect(throws: Never.self) { try load(atLimit).get() }
        let over = voorstel(replacing: "toelichting", with: "toelichting: |\n  \(refs(limit + 1))\n\n\(defs(1))")
        #expect(
            diagnostics(over).contains { $0.message.contains("\(limit + 1) voetnootverwijzingen") },
            "\(diagnostics(over).map(\.message))")
        // A fence that does not start in the first column may be inside a list item that a
        // line further down leaves: its references count.
        let listFence =
            "toelichting: |\n  - a\n\n    ```\n" + String(repeating: "  x[^1]\n", count: limit + 1) + "\n  [^1]: noot"
        #expect(
            diagnostics(voorstel(replacing: "toelichting", with: listFence)).contains {
                $0.message.contains("voetnootverwijzingen")
            })
        // Raw HTML could hold the fence (an HTML block): then it is not trusted either.
        let htmlFence =
            "toelichting: |\n  <pre>\n  ```\n  </pre>\n" + String(repeating: "  x[^1]\n", count: limit + 1)
            + "\n  [^1]: noot"
        #expect(
            diagnostics(voorstel(replacing: "toelichting", with: htmlFence)).contains {
                $0.message.contains("voetnootverwijzingen")
            })
    }

    /// What the pre-check lets through, cmark must not count higher: rendered, the page has
    /// at most as many footnote back-references as the check counted.
    @Test func cmarkMakesNoMoreReferencesThanTheCheckCounts() throws {
        let cases = [
            "x[^1]\n[^1]: a\n[^1]: b\n",
            "para\n[^1]: def\ny [^1]\n",
            "| a | b |\n|---|---|\n| [^1] | c |\n[^1]: d\n\n[^1]: e\n",
            "```\n[^1]\n```\nz [^1]\n\n[^1]: n\n",
            "~~~~\n[^1]\n~~~\n[^1]\n~~~~\nz [^1]\n\n[^1]: n\n",
            "``` a`b\n[^1]\n```\n\n[^1]: n\n",
            "> ```\n[^1]\n\n[^1]: n\n",
        ]
        func made(_ markdown: String) -> Int {
            CommonMark.html(markdown).html.components(separatedBy: " data-footnote-ref").count - 1
        }
        #expect(made("x[^1] y[^1]\n\n[^1]: a\n") == 2, "the count of rendered references must see them")
        for markdown in cases {
            var budget = MarkdownShape.Budget()
            _ = MarkdownShape.problems(in: markdown, budget: &budget)
            let n = made(markdown)
            #expect(
                n <= budget.footnoteReferences,
                "\(markdown.debugDescription): cmark made \(n), counted \(budget.footnoteReferences)")
        }
    }
}

/// The nesting pre-check against libyaml itself (fixed seed): deep flow collections whose
/// scalars are quoted with escapes, `#`, brackets and line breaks inside.
@Suite struct NestingPrecheckTests {
    static func depth(_ node: Node) -> Int {
        switch node {
        case .scalar, .alias: 1
        case .sequence(let s): 1 + (s.map(depth).max() ?? 0)
        case .mapping(let m): 1 + (m.map { max(depth($0.key), depth($0.value)) }.max() ?? 0)
        }
    }

    /// Flow collections nested 25 to 40 deep, their scalars quoted with escapes, `#`, brackets
    /// and line breaks inside, spread over lines: whatever libyaml builds deeper than the
    /// limit, the pre-check must have refused.
    @Test func everyTreeDeeperThanTheLimitIsRefusedFirst() throws {
        let scalars = [
            "a", #""x\"y""#, "'it''s'", #""\\""#, ##""#""##, "'['", #""]""#, #""[[""#, "'{'", "\"a\n  b\"", "'x\n  y'",
            #""\"""#, "a#b", "\"a\\\n  [\"", "''''",
        ]
        var g = SeededGenerator(seed: 2016_12)
        func flow(_ depth: Int) -> String {
            if depth == 0 { return scalars.randomElement(using: &g)! }
            // One item goes all the way down; a second one, if any, is a scalar or shallow.
            var inner = [flow(depth - 1)]
            if Bool.random(using: &g) {
                inner.append(Bool.random(using: &g) ? flow(min(2, depth - 1)) : scalars.randomElement(using: &g)!)
            }
            if Bool.random(using: &g) { inner.reverse() }
            let separator = [", ", ",\n  ", " , "].randomElement(using: &g)!
            if Bool.random(using: &g) { return "[" + inner.joined(separator: separator) + "]" }
            return "{" + inner.enumerated().map { "k\($0.offset): " + $0.element }.joined(separator: separator) + "}"
        }
        var refused = 0
        var checked = 0
        for i in 0..<3_000 {
            let text =
                "a: " + scalars.randomElement(using: &g)! + "\nk: " + flow(Int.random(in: 25...40, using: &g)) + "\n"
            guard let node = try? Yams.compose(yaml: text, Resolver.basic, .default, .utf8) else { continue }
            checked += 1
            let deep = Self.depth(node) - 2 > Limits.maximumNesting  // the top mapping and the leaf
            let found = YAMLReader.tooDeep(SourceFile(path: "n.yaml", text: text)) != nil
            if found { refused += 1 }
            #expect(!deep || found, "#\(i): \(Self.depth(node)) levels let through: \(text.debugDescription)")
        }
        #expect(checked > 1_000 && refused > 100, "checked \(checked), refused \(refused)")
    }
}
