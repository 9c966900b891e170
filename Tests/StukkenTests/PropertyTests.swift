import Foundation
import Testing

@testable import Stukken

/// Hand-rolled generators with a fixed seed: the same strings every run, so a failure
/// can be reproduced; the seed and iteration are in every message.
enum Gen {
    static let pools: [[String]] = [
        (0x20...0x7E).map { String(Character(Unicode.Scalar($0)!)) },  // all printable ASCII
        [
            "#", "-", "+", "*", "_", "`", "~", "|", ">", "<", "&", "[", "]", "(", ")", "!", "\\", ":", "@", "=", ".",
            "1.",
        ],
        [" ", "  ", "\t", "\n", "\n\n", "\u{A0}", "\u{2003}", "\u{3000}", "\u{2028}"],
        ["é", "e\u{301}", "ß", "Ø", "ĳ", "Ω", "д", "中文", "עברית", "العربية", "ﬁ", "Å", "ñ"],
        ["😀", "👩‍👩‍👧", "🇳🇱", "✔︎", "→", "«", "»", "…", "€", "\u{200B}", "\u{301}"],
        [
            "www.", "https://", "http://x.nl", "naam@example.com", "a@b", "[^1]", "[1]: x", "<!--", "-->", "```", "~~~",
            "---", "===", "***", "- [ ] ", "&amp;", "&#x41;", "&copy;", "javascript:", "<script>", "</td>",
            "<b onclick=x>",
            "{{x}}", "{{{x}}}", "    ", "1) ", "# ", "> ", "| a | b |", "\\*", "*a*", "_a_", "![x](y)", "[a](b)",
        ],
    ]
    /// Characters the reader must refuse (C0/C1 controls, bidi overrides, a BOM inside).
    static let forbidden: [Unicode.Scalar] = [
        0x00, 0x01, 0x07, 0x08, 0x0B, 0x0C, 0x1B, 0x7F, 0x85, 0x9F, 0x200E, 0x202A, 0x202E, 0x2066, 0x2069, 0xFEFF,
    ]
    .map { Unicode.Scalar($0)! }

    static func string<G: RandomNumberGenerator>(using g: inout G) -> String {
        var s = ""
        for _ in 0..<Int.random(in: 1...12, using: &g) {
            let pool = pools.randomElement(using: &g)!
            s += pool.randomElement(using: &g)!
        }
        return s
    }
}

/// Properties that hold for any input, not just the cases someone thought of.
@Suite struct PropertyTests {
    static let seed: UInt64 = 9_2016_10_10
    static let iterations = 150

    /// Plain text fields of a voorstel that the page shows, with the line each stands on:
    /// the heading block (HTML template) and the body (Markdown template: a punt, a bijlage).
    static let textFields: [(key: String, line: Int)] = [
        ("onderwerp", 3), ("agendapunt", 4), ("behandeld_door", 7), ("portefeuillehouder", 8),
        ("voorstel[1]", 10), ("bijlagen[1]", 14), ("ondertekening.plaats", 14),
    ]

    /// `validVoorstel` with `field` set to the YAML scalar `scalar`.
    static func yaml(_ field: String, _ scalar: String) -> String {
        switch field {
        case "voorstel[1]":
            return validVoorstel.replacingOccurrences(of: "  - Instemmen met de verantwoording", with: "  - " + scalar)
        case "bijlagen[1]":
            return voorstel(appending: "bijlagen:\n  - " + scalar)
        case "ondertekening.plaats":
            return voorstel(
                appending: "ondertekening:\n  plaats: " + scalar
                    + "\n  datum: 2016-09-21\n  secretaris: H. Meuleman\n  voorzitter: G. van Veldhuizen")
        default:
            return voorstel(replacing: field, with: "\(field): " + scalar)
        }
    }

    /// Any string in any text field is shown back as text (after the documented
    /// normalisation: Unicode whitespace runs fold to one space, trimmed) and creates no
    /// markup; the same input renders to the same bytes.
    @Test func anyStringInAnyTextFieldComesBackAsText() throws {
        var g = SeededGenerator(seed: Self.seed)
        let baselineTags = Self.tagNames(try Self.page(value: "Xq", field: "onderwerp"))
        var covered: Set<String> = []
        defer { #expect(covered.count == Self.textFields.count, "fields never tried: \(covered)") }
        for i in 0..<Self.iterations {
            var value = Gen.string(using: &g)
            let (field, _) = Self.textFields.randomElement(using: &g)!
            if Self.fold(value).isEmpty { value += "x" }
            let html = try Self.page(value: value, field: field)
            let text = BatteryTests.visibleText(html)
            // cmark renders the autolink-breaking comment after an address's `@`
            // (docs/garanties-en-limieten.md, "Guarantees").
            let expected = Self.fold(value)
            covered.insert(field)
            #expect(
                Self.containsBytes(Self.fold(text), expected),
                "seed \(Self.seed) #\(i): \(field) = \(value.debugDescription) not shown as text")
            let tags = Self.tagNames(html)
            let fieldBaseline =
                field == "onderwerp" ? baselineTags : Self.tagNames(try Self.page(value: "Xq", field: field))
            #expect(
                tags == fieldBaseline,
                "seed \(Self.seed) #\(i): \(field) = \(value.debugDescription) changed the markup")
            #expect(try Self.page(value: value, field: field) == html, "seed \(Self.seed) #\(i): not deterministic")
        }
    }

    /// A forbidden character anywhere in a value is refused with a located error, written
    /// raw or as a YAML escape.
    @Test func controlCharactersAreRefusedWithALocation() throws {
        var g = SeededGenerator(seed: Self.seed + 1)
        for i in 0..<Self.iterations {
            var scalars = Array(Gen.string(using: &g).unicodeScalars.filter { $0 != "\n" && $0 != "\u{2028}" })
            let bad = Gen.forbidden.randomElement(using: &g)!
            let at = Int.random(in: 0...scalars.count, using: &g)
            scalars.insert(bad, at: at)
            let value = String(String.UnicodeScalarView(scalars))
            let (field, line) = Self.textFields.randomElement(using: &g)!
            for raw in [true, false] {
                let yaml = Self.yaml(field, Self.quote(value, escapingInvisible: !raw))
                let result = load(yaml)
                guard case .failure(let e) = result else {
                    Issue.record(
                        "seed \(Self.seed + 1) #\(i): \(value.debugDescription) in \(field) was accepted (raw: \(raw))")
                    continue
                }
                #expect(
                    e.diagnostics.contains { $0.line == line && $0.message.hasPrefix("onzichtbaar ") },
                    "seed \(Self.seed + 1) #\(i): \(e.diagnostics.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.message)" })"
                )
            }
        }
    }

    /// `check` never crashes: the examples, cut, spliced and with bytes changed at random,
    /// always give a Stuk or diagnostics (a crash would end this test process).
    @Test func checkNeverCrashesOnMutatedExamples() throws {
        var g = SeededGenerator(seed: Self.seed + 2)
        let examples = try Package.exampleFiles.map {
            try Data(contentsOf: Package.examples.appendingPathComponent($0))
        }
        let tokens = Array(": - | > & * ! % @ ` \" ' [ ] { } # --- ... \t \n  \u{FEFF} \u{202E} \u{0}".utf8)
        var outcomes = [0, 0]
        for i in 0..<400 {
            var bytes = [UInt8](examples.randomElement(using: &g)!)
            for _ in 0..<Int.random(in: 1...8, using: &g) {
                let at = Int.random(in: 0..<bytes.count, using: &g)
                switch Int.random(in: 0..<5, using: &g) {
                case 0: bytes[at] = UInt8.random(in: 0...255, using: &g)
                case 1: bytes.insert(tokens.randomElement(using: &g)!, at: at)
                case 2: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...40, using: &g)))
                case 3: bytes = Array(bytes[..<at])
                default:
                    let other = [UInt8](examples.randomElement(using: &g)!)
                    let from = Int.random(in: 0..<other.count, using: &g)
                    bytes.insert(contentsOf: other[from..<min(other.count, from + 200)], at: at)
                }
                if bytes.isEmpty { bytes = [0x61] }
            }
            let result = SourceFile.decode(Data(bytes), path: "mutant-\(i).yaml").flatMap(Stukken.load)
            switch result {
            case .success(let stuk):
                outcomes[0] += 1
                _ = Stukken.html(stuk, templates: Package.templateSet)
            case .failure(let e):
                outcomes[1] += 1
                #expect(!e.diagnostics.isEmpty, "mutant \(i) refused without a diagnostic")
                #expect(e.diagnostics.allSatisfy { !$0.message.isEmpty })
            }
        }
        // Both paths were exercised, or the mutations were too weak or too strong to mean anything.
        #expect(outcomes[0] > 0 && outcomes[1] > 0, "\(outcomes)")
    }

    // MARK: Helpers

    static func page(value: String, field: String) throws -> String {
        let yaml = Self.yaml(field, quote(value, escapingInvisible: false))
        switch load(yaml) {
        case .success(let stuk): return Stukken.html(stuk, templates: Package.templateSet).html
        case .failure(let e):
            Issue.record("\(value.debugDescription) refused: \(e.diagnostics.map(\.message))")
            return ""
        }
    }

    /// A double-quoted YAML scalar holding exactly `s`; forbidden characters are left raw
    /// (for the reader to find) or written as `\uXXXX` escapes (for the validator to find).
    static func quote(_ s: String, escapingInvisible: Bool) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                // A raw line separator is refused as a hidden line break: as an escape it is text.
                if (escapingInvisible && YAMLReader.isForbidden(scalar)) || scalar == "\u{2028}" || scalar == "\u{2029}"
                {
                    out += "\\u" + String(format: "%04X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// The documented normalisation: runs of Unicode White_Space fold to one space, trimmed.
    static func fold(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var pending = false
        for scalar in s.unicodeScalars {
            if scalar.properties.isWhitespace {
                pending = !out.isEmpty
                continue
            }
            if pending { out.append(" ") }
            pending = false
            out.append(scalar)
        }
        return String(out)
    }

    /// Searches bytes, not Characters: a value may begin with a combining mark.
    static func containsBytes(_ haystack: String, _ needle: String) -> Bool {
        let h = Array(haystack.utf8)
        let n = Array(needle.utf8)
        guard !n.isEmpty, h.count >= n.count else { return n.isEmpty }
        outer: for i in 0...(h.count - n.count) where h[i] == n[0] {
            for j in 1..<n.count where h[i + j] != n[j] { continue outer }
            return true
        }
        return false
    }

    /// The sequence of tag names in a page, without attributes or text.
    static func tagNames(_ html: String) -> [String] {
        // The empty comment after an e-mail address's `@` is documented (docs/garanties-en-limieten.md, "Guarantees").
        BatteryTests.tags(html.replacingOccurrences(of: "@<!-- raw HTML omitted -->", with: "@")).map { tag in
            String(tag.dropFirst().prefix { $0 != " " && $0 != ">" && $0 != "\n" })
        }
    }
}
