import Foundation
import Testing

@testable import Stukken
@testable import StukkenServer

/// The same random strings every run (fixed seed); the seed and case are in every message.
struct FormSeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

enum FormGen {
    /// What authors type and paste, with every character libyaml reads as a line break.
    static let pieces: [String] = [
        "a", "tekst", "Regel", "E3", "ja", "nee", "~", "null", "true", "1.5", "0x1F", "2016-10-10", "10 oktober 2016",
        " ", "  ", "\t", "\n", "\n\n", "\r\n", "\r", "\u{85}", "\u{2028}", "\u{2029}", "\u{A0}", "\u{3000}",
        "#", "# ", ": ", ":", "- ", "-", "? ", "|", ">", "'", "\"", "\\", "&a", "*a", "!x", "!!str", "%", "@", "`",
        "{", "}", "[", "]", ",", "---", "...", "<b>", "&amp;", "[^1]", "    code", "> ", "1. ", "* ",
        "é", "e\u{301}", "ß", "д", "中文", "עברית", "😀", "👩‍👩‍👧", "\u{200B}", "\u{200D}",
        "\u{0}", "\u{1B}", "\u{7F}", "\u{9F}", "\u{202E}", "\u{2066}", "\u{FEFF}", "\u{E000}", "\u{FFFD}", "\u{10FFFF}",
    ]

    static func text<G: RandomNumberGenerator>(using g: inout G, from pool: [String] = pieces) -> String {
        (0..<Int.random(in: 0...8, using: &g)).map { _ in pool.randomElement(using: &g)! }.joined()
    }

    /// Form values along `fields`, as a submitted form would carry them.
    static func values<G: RandomNumberGenerator>(_ fields: [Field], using g: inout G) -> FormValue {
        var values: [String: FormValue] = [:]
        for field in fields where field.key != "soort" && Bool.random(using: &g) {
            values[field.key] = value(field.type, using: &g)
        }
        return .record(values)
    }

    static func value<G: RandomNumberGenerator>(_ type: FieldType, using g: inout G) -> FormValue {
        switch type {
        case .list(let element, _):
            return .list((0..<Int.random(in: 0...3, using: &g)).map { _ in value(element, using: &g) })
        case .record(let fields), .textOrRecord(_, let fields):
            return values(fields, using: &g)
        default:
            return .scalar(text(using: &g))
        }
    }
}

/// Yams turns a scalar's bytes into a String with Foundation, which drops a byte-order mark
/// at its start (`"\uFEFFx"` reads as `x`); the validator refuses U+FEFF in any value anyway.
func withoutLeadingBOM(_ value: FormValue) -> FormValue {
    switch value {
    case .scalar(let s): return .scalar(s.hasPrefix("\u{FEFF}") ? String(s.dropFirst()) : s)
    case .list(let items): return .list(items.map(withoutLeadingBOM))
    case .record(let values): return .record(values.mapValues(withoutLeadingBOM))
    }
}

@Suite struct FormPropertyTests {
    static let seed: UInt64 = 16_2026_12
    static let iterations = 3_000

    /// Any form input, of any kind → "Download YAML" (with the comments of an unfinished
    /// file) → the reader accepts it, it reopens to the same form, and writing that form
    /// again gives the same YAML.
    @Test func anyFormInputGivesYAMLThatReopensTheSame() throws {
        var g = FormSeededGenerator(state: Self.seed)
        var failures = 0
        for i in 0..<Self.iterations {
            let kind = DocumentKinds.all.randomElement(using: &g)!
            // Through the form's own reading: names and values as a browser posts them.
            var form: [String: String] = [:]
            for (name, value) in formPairs(FormGen.values(kind.fields, using: &g), fields: kind.fields) {
                form[name] = value
            }
            let values = try FormValue.read(form: form, fields: kind.fields)
            let yaml = Package.workbench.download(kind: kind, values: values)
            let context = "seed \(Self.seed) #\(i) \(kind.soort): \(yaml.debugDescription)"
            guard case .success(let node) = YAMLReader.read(SourceFile(path: "f.yaml", text: yaml)) else {
                Issue.record("the reader refuses \(context)")
                failures += 1
                if failures > 5 { return } else { continue }
            }
            let reopened = FormValue.read(node: node, fields: kind.fields)
            #expect(pruned(reopened) == pruned(withoutLeadingBOM(values)), "\(context)")
            #expect(
                YAMLWriter.yaml(kind: kind, values: reopened)
                    == YAMLWriter.yaml(kind: kind, values: withoutLeadingBOM(values)), "\(context)")
        }
    }

    /// A valid stuk with random text in its Markdown and text fields (no character the
    /// reader refuses as invisible): `check` accepts the form's YAML, and it holds the text.
    @Test(arguments: ["ab-ts-s.yaml", "memo-weerbaarheidsscans.yaml", "projectplan-woninginbraken.yaml"])
    func validFormStaysValid(_ example: String) throws {
        let allowed = FormGen.pieces.filter { !$0.unicodeScalars.contains(where: YAMLReader.isForbidden) }
        let (kind, base, _) = try formValues(example)
        var g = FormSeededGenerator(state: Self.seed &+ UInt64(example.utf8.count))
        for i in 0..<(Self.iterations / 3) {
            let values = Self.replacingText(base, fields: kind.fields, using: &g) { g in
                var s = FormGen.text(using: &g, from: allowed)
                if s.allSatisfy(\.isWhitespace) { s += "x" }
                return s
            }
            let yaml = YAMLWriter.yaml(kind: kind, values: values)
            switch Stukken.load(SourceFile(path: example, text: yaml)) {
            case .success: break
            case .failure(let e):
                Issue.record("seed \(Self.seed) #\(i) \(example): \(e.diagnostics.map(\.description))\n\(yaml)")
                return
            }
        }
    }

    /// Each Markdown field, and the one-line text fields that take any text, with new text.
    static let freeText: Set<String> = [
        "onderwerp", "portefeuillehouder", "behandeld_door", "tekst", "project", "plaats",
    ]

    static func replacingText<G: RandomNumberGenerator>(
        _ value: FormValue, fields: [Field], using g: inout G, _ make: (inout G) -> String
    ) -> FormValue {
        guard case .record(var values) = value else { return value }
        for field in fields {
            guard let current = values[field.key] else { continue }
            switch field.type {
            case .markdown where !current.isBlank:
                values[field.key] = .scalar(make(&g))
            case .text where freeText.contains(field.key) && !current.isBlank:
                values[field.key] = .scalar(make(&g))
            case .record(let sub), .textOrRecord(_, let sub):
                values[field.key] = replacingText(current, fields: sub, using: &g, make)
            case .list(.record(let sub), _), .list(.textOrRecord(_, let sub), _):
                values[field.key] = .list(current.items.map { replacingText($0, fields: sub, using: &g, make) })
            default:
                break
            }
        }
        return .record(values)
    }
}
