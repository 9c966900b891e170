import Foundation
import Testing

@testable import Stukken

/// `docs/velden/KIND.md` is what `stukken schema KIND --format markdown` prints, so the field
/// reference cannot drift from the field definitions. `RECORD_GOLDENS=1` rewrites the files
/// and still fails, so a recorded change is always looked at before it is committed.
@Suite struct FieldReferenceTests {
    static let folder = Package.root.appendingPathComponent("docs/velden")

    @Test(arguments: DocumentKinds.names)
    func committedReferenceMatchesTheFields(_ soort: String) throws {
        let kind = try #require(DocumentKinds.kind(named: soort))
        let url = Self.folder.appendingPathComponent("\(soort).md")
        let actual = FieldReference.markdown(for: kind)
        if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            Issue.record(
                "docs/velden/\(soort).md recorded: review the diff, commit it and run again without RECORD_GOLDENS")
            return
        }
        let committed = try? String(contentsOf: url, encoding: .utf8)
        #expect(
            committed == actual,
            "docs/velden/\(soort).md differs from the fields of \(soort): run RECORD_GOLDENS=1 swift test, review, commit"
        )
    }

    @Test func oneReferencePerKindAndNoOther() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".md") }
        #expect(names.sorted() == DocumentKinds.names.map { "\($0).md" }.sorted())
    }

    /// Every field at every depth has its row, with the path an author would look for.
    @Test func everyFieldHasARow() {
        let reference = FieldReference.markdown(for: Voorstel.self)
        for path in [
            "soort", "toelichting", "ondertekening.plaats", "ondertekening.secretaris.functie",
            "bijlagen[].bestand", "voorstel[].punten[].punten[].tekst",
        ] {
            #expect(reference.contains("\n| `\(path)` |"), "no row for \(path)")
        }
        #expect(reference.contains("| `toelichting` | bij `orgaan`: `AB` | Markdown |"))
        #expect(reference.contains("| `orgaan` | ja | `AB` of `DVO` |"))
    }

    @Test func schemaCommandPrintsTheReference() throws {
        let result = try CLI.run(["schema", "evaluatie", "--format", "markdown"])
        #expect(result.status == 0)
        #expect(result.stdout == FieldReference.markdown(for: Evaluatie.self))
        let json = try CLI.run(["schema", "evaluatie"])
        #expect(json.stdout == JSONSchema.json(for: Evaluatie.self))
    }
}
