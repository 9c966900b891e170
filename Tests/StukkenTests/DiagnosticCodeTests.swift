import Foundation
import Testing

@testable import Stukken

/// Every diagnostic has a code of its own, and docs/diagnostics.md lists them all.
/// `RECORD_GOLDENS=1` rewrites the table and still fails, so a change is always looked at.
@Suite struct DiagnosticCodeTests {
    static let catalogue = Package.root.appendingPathComponent(
        "Sources/Stukken/Diagnostics/Messages")
    static let table = Package.root.appendingPathComponent("docs/diagnostics.md")

    @Test func codesAreUniqueWellFormedAndOnlyGrow() {
        let raw = Diagnostic.Code.allCases.map(\.rawValue)
        #expect(Set(raw).count == raw.count)
        #expect(raw.allSatisfy { $0.wholeMatch(of: /STK\d{3}/) != nil }, "\(raw)")
        // A new code takes the next number at the end: declaration order is number order.
        #expect(raw == raw.sorted())
        #expect(Diagnostic.Code.allCases.allSatisfy { !$0.summary.isEmpty })
    }

    /// Read from the catalogue's source: each entry (a `static let`, `var` or `func` that makes a
    /// `Message`) names exactly one code, and no two entries share one.
    @Test func everyCatalogueEntryHasItsOwnCode() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.catalogue.path).filter {
            $0.hasSuffix(".swift")
        }
        var owners: [String: [String]] = [:]
        var entries = 0
        for file in files {
            let text = try String(contentsOf: Self.catalogue.appendingPathComponent(file), encoding: .utf8)
            for (name, body) in Self.entries(in: text) {
                let codes = Set(body.matches(of: /Message\(\s*\.(\w+)/).map { String($0.1) })
                if file == "MessageParts.swift" {
                    #expect(codes.isEmpty, "\(name): a part of a message carries no code")
                    continue
                }
                guard body.contains("Message") else { continue }
                entries += 1
                #expect(codes.count == 1, "\(file): \(name) names \(codes.sorted()), not one code")
                for code in codes { owners[code, default: []].append(name) }
            }
        }
        let shared = owners.filter { $0.value.count > 1 }
        #expect(shared.isEmpty, "codes used by more than one entry: \(shared)")
        let cases = Set(Diagnostic.Code.allCases.map { "\($0)" })
        #expect(
            Set(owners.keys) == cases,
            "unused: \(cases.subtracting(owners.keys)); unknown: \(Set(owners.keys).subtracting(cases))")
        #expect(entries == cases.count)
    }

    @Test func committedTableMatchesTheCodes() throws {
        let actual = Diagnostic.Code.reference
        if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
            try Data(actual.utf8).write(to: Self.table)
            Issue.record(
                "docs/diagnostics.md recorded: review the diff, commit it and run again without RECORD_GOLDENS")
            return
        }
        let committed = try? String(contentsOf: Self.table, encoding: .utf8)
        #expect(
            committed == actual, "docs/diagnostics.md differs from Diagnostic.Code: run RECORD_GOLDENS=1 swift test")
    }

    @Test func theLineCarriesTheCodeAfterTheSeverity() {
        let d = Diagnostic(.warning, file: "a.yaml", line: 3, column: 1, message: Message.duplicateGemeente("Hengelo"))
        #expect(d.code == .duplicateGemeente)
        #expect(d.description == "a.yaml:3:1: warning: STK037: gemeente 'Hengelo' staat twee keer in de lijst")
    }

    /// libyaml's English is translated where authors meet it, and marked as its own words elsewhere.
    @Test func libyamlProblemsReadAsDutch() throws {
        let escape = diagnostics("soort: voorstel\nonderwerp: \"a\\qb\"\n").first
        #expect(escape?.code == .yamlSyntax)
        #expect(escape?.message.hasPrefix("YAML-fout: onbekende escape") == true, "\(String(describing: escape))")
        let other = Message.yamlSyntax(problem: "found something new", context: "while parsing", line: "x")
        #expect(other.text.contains("(libyaml: \"found something new (while parsing)\")"), "\(other.text)")
    }

    /// Top-level declarations of the catalogue's enums and extensions, each with its text up
    /// to the next one.
    static func entries(in text: String) -> [(String, String)] {
        var result: [(String, String)] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if let m = line.wholeMatch(of: #/ {4}(?:public )?static (?:let|var|func) (\w+).*/#) {
                result.append((String(m.1), String(line)))
            } else if !result.isEmpty {
                result[result.count - 1].1 += "\n" + line
            }
        }
        return result
    }
}
