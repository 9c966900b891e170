import Foundation
import Testing

@testable import Stukken

/// One row of `Fixtures/battery/expectations.tsv`.
struct BatteryCase: CustomTestStringConvertible, Sendable {
    enum Outcome: String, Sendable { case error, warning, safe }
    var file: String
    var outcome: Outcome
    var line: Int?
    var column: Int?
    /// `STK012: text`: the code and the message as printed after the severity.
    var message: String?
    var shown: String?
    var testDescription: String { file }

    static let folder = Package.fixtures.appendingPathComponent("battery")

    static let all: [BatteryCase] = {
        guard let table = try? String(contentsOf: folder.appendingPathComponent("expectations.tsv"), encoding: .utf8)
        else {
            return []
        }
        return table.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { row in
            let c = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            func opt(_ i: Int) -> String? { i < c.count && c[i] != "-" ? c[i] : nil }
            return BatteryCase(
                file: c[0], outcome: Outcome(rawValue: c[1]) ?? .error, line: opt(2).flatMap(Int.init),
                column: opt(3).flatMap(Int.init), message: opt(4), shown: opt(5))
        }
    }()
}

/// The bad-input battery: every fixture file is refused with its pinned diagnostic, or
/// renders safely with every value it holds visible as text.
@Suite struct BatteryTests {
    @Test func theBatteryIsComplete() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: BatteryCase.folder.path).filter {
            $0.hasSuffix(".yaml")
        }
        #expect(BatteryCase.all.count >= 30)
        #expect(Set(files) == Set(BatteryCase.all.map(\.file)), "every fixture has one row in expectations.tsv")
    }

    @Test(arguments: BatteryCase.all)
    func fixture(_ c: BatteryCase) throws {
        let path = BatteryCase.folder.appendingPathComponent(c.file).path
        let started = Date()
        let result = Stukken.load(path: path)
        let seconds = Date().timeIntervalSince(started)
        switch (c.outcome, result) {
        case (.error, .failure(let e)):
            let match = e.diagnostics.contains {
                $0.severity == .error && $0.line == c.line && $0.column == c.column && $0.coded == c.message
            }
            #expect(
                match,
                "\(c.file): expected \(c.line ?? 0):\(c.column ?? 0) \(c.message ?? ""); got \(e.diagnostics.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.coded)" })"
            )
            // Refusal is the fast path: the billion-laughs file must never reach Yams.
            if c.file.contains("billion") { #expect(seconds < 1, "refusing took \(seconds) s") }
        case (.error, .success):
            Issue.record("\(c.file) was accepted; expected: \(c.message ?? "")")
        case (.warning, .success(let stuk)), (.safe, .success(let stuk)):
            if c.outcome == .warning {
                #expect(
                    stuk.warnings.contains { $0.line == c.line && $0.column == c.column && $0.coded == c.message },
                    "\(c.file): \(stuk.warnings.map(\.coded))")
            }
            try Self.expectSafe(stuk, shown: c.shown, file: c.file)
        case (_, .failure(let e)):
            Issue.record("\(c.file) was refused: \(e.diagnostics.map(\.message))")
        }
    }

    /// Every plain text value is present verbatim in the visible text; nothing active appears.
    static func expectSafe(_ stuk: Stuk, shown: String?, file: String) throws {
        let html = Stukken.html(stuk, templates: Package.templateSet).html
        let text = visibleText(html)
        for value in plainTexts(stuk.record, fields: stuk.kind.fields) {
            #expect(text.contains(folded(value)), "\(file): '\(value)' is not visible as text")
        }
        if let shown { #expect(text.contains(folded(shown)), "\(file): '\(shown)' is not visible") }
        // Only real tags count: an escaped `&lt;img onerror=…&gt;` is harmless text.
        let tags = Self.tags(html.lowercased())
        for active in [
            "<script", "<img", "<iframe", "<object", " onerror=", " onclick=", "href=\"javascript:", "href=\"data:",
        ] {
            #expect(!tags.contains { $0.contains(active) }, "\(file): \(active) in a tag of the page")
        }
        #expect(tags.filter { $0.hasPrefix("<h1") }.count <= 1, "\(file): more than one h1")
    }

    /// The free-text leaves of a record (not choices like `orgaan`, which print as labels,
    /// nor Markdown, which is rendered on purpose), by the kind's field definitions.
    static func plainTexts(_ record: Record, fields: [Field]) -> [String] {
        fields.flatMap { field in record[field.key].map { plainTexts($0, type: field.type) } ?? [] }
    }

    static func plainTexts(_ value: Value, type: FieldType) -> [String] {
        switch (value, type) {
        case (.text(let s), .text), (.text(let s), .textOrRecord): [s]
        case (.list(let items), .list(let element, _)): items.flatMap { plainTexts($0, type: element) }
        case (.record(let r), .record(let fields)), (.record(let r), .textOrRecord(_, let fields)):
            plainTexts(r, fields: fields)
        default: []
        }
    }

    static func tags(_ html: String) -> [Substring] {
        var result: [Substring] = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
            result.append(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        return result
    }

    /// The page as a reader sees it: tags (and cmark's e-mail comment) removed, entities decoded, whitespace folded.
    static func visibleText(_ html: String) -> String {
        var out = ""
        var inTag = false
        // The style sheet is not text a reader sees; an e-mail address is split by an
        // empty comment after its `@` (docs/garanties-en-limieten.md, "Guarantees"): joined again.
        var page = html.replacingOccurrences(of: "@<!-- raw HTML omitted -->", with: "@")
        if let s = page.range(of: "<style"), let e = page.range(of: "</style>") {
            page.removeSubrange(s.lowerBound..<e.upperBound)
        }
        for c in page {
            if c == "<" {
                inTag = true
                out.append(" ")
                continue
            }
            if c == ">" && inTag {
                inTag = false
                continue
            }
            if !inTag { out.append(c) }
        }
        return folded(decodeEntities(out))
    }

    static func decodeEntities(_ s: String) -> String {
        var out = ""
        var rest = Substring(s)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[amp...]
            if let semi = after.prefix(12).firstIndex(of: ";") {
                let name = after[after.index(after: amp)..<semi]
                var decoded: String? = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}"][
                    String(name)]
                if decoded == nil, name.hasPrefix("#") {
                    let digits = name.dropFirst()
                    let code =
                        digits.hasPrefix("x") || digits.hasPrefix("X")
                        ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
                    decoded = code.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                }
                if let decoded {
                    out += decoded
                    rest = after[after.index(after: semi)...]
                    continue
                }
            }
            out += "&"
            rest = after.dropFirst()
        }
        return out + rest
    }

    static func folded(_ s: String) -> String { PropertyTests.fold(s) }
}

extension Diagnostic {
    /// `STK012: text`, the part of the printed line the tables pin.
    var coded: String { "\(code.rawValue): \(message)" }
}
