import Foundation
import Testing

@testable import Stukken

/// `stukken new` and `stukken schema` come from the same fields as the validator.
@Suite struct AuthoringTests {
    static let kinds = DocumentKinds.names

    @Test(arguments: kinds)
    func filledNewFilePassesCheck(_ soort: String) throws {
        let kind = try #require(DocumentKinds.kind(named: soort))
        let yaml = NewDocument.yaml(for: kind, filled: true)
        let result = load(yaml, name: "nieuw-\(soort).yaml")
        if case .failure(let error) = result {
            Issue.record("filled `new \(soort)` fails check:\n\(error)\n\(yaml)")
        }
    }

    @Test(arguments: kinds)
    func unfilledNewFileNamesEveryRequiredField(_ soort: String) throws {
        let kind = try #require(DocumentKinds.kind(named: soort))
        let errors = diagnostics(NewDocument.yaml(for: kind))
        let required = kind.fields.filter { $0.presence == .required && $0.key != "soort" }.map(\.key)
        for key in required {
            #expect(errors.contains { $0.field == key }, "no diagnostic for empty required '\(key)'")
        }
        // openbaar is left for the author: never defaulted to public.
        #expect(errors.contains { $0.field == "openbaar" })
    }

    @Test(arguments: kinds)
    func newFileCarriesEveryFieldAndItsHelp(_ soort: String) throws {
        let kind = try #require(DocumentKinds.kind(named: soort))
        let yaml = NewDocument.yaml(for: kind)
        for field in kind.fields {
            #expect(yaml.contains("\n\(field.key):"), "\(field.key) missing")
            for line in field.help { #expect(yaml.contains("#   \(line)\n"), "help of \(field.key) missing") }
        }
    }

    @Test func newRefusesToOverwrite() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("nieuw.yaml").path
        let first = try CLI.run(["new", "voorstel", "-o", path])
        #expect(first.status == 0)
        try Data("eigen tekst".utf8).write(to: URL(fileURLWithPath: path))
        let second = try CLI.run(["new", "voorstel", "-o", path])
        #expect(second.status == 1)
        #expect(second.stderr.contains("bestaat al"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "eigen tekst")
    }

    @Test(arguments: kinds)
    func schemaIsValidDraft2020JSON(_ soort: String) throws {
        let result = try CLI.run(["schema", soort])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(object?["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(
            (object?["properties"] as? [String: Any])?.keys.sorted()
                == DocumentKinds.kind(named: soort)!.fields.map(\.key).sorted())
    }

    /// The schema accepts every example of its kind and rejects the broken example,
    /// judged by Python's `jsonschema`, an independent implementation.
    @Test func schemaAcceptsExamplesAndRejectsBrokenOnes() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var byKind: [String: [String]] = [:]
        for name in Package.exampleFiles {
            guard let stuk = try? loadExample(name) else { continue }
            byKind[stuk.kind.soort, default: []].append(Package.examples.appendingPathComponent(name).path)
        }
        for (soort, files) in byKind {
            let schemaPath = dir.appendingPathComponent("\(soort).schema.json")
            try Data(JSONSchema.json(for: DocumentKinds.kind(named: soort)!).utf8).write(to: schemaPath)
            let result = try Python.run(["Scripts/jsonschema-check.py", schemaPath.path] + files)
            #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        }
        let broken = Package.examples.appendingPathComponent("fout/voorstel-met-fouten.yaml").path
        let schemaPath = dir.appendingPathComponent("voorstel.schema.json")
        let result = try Python.run(["Scripts/jsonschema-check.py", schemaPath.path, broken])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("fail "))
    }
}

enum Python {
    static func run(_ arguments: [String]) throws -> CLI.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        process.currentDirectoryURL = Package.root
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLI.Result(
            status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
            stderr: String(decoding: e, as: UTF8.self))
    }
}

@Suite struct SchemaAgreementTests {
    /// A memo without `opmaak` (default: memo) still needs an onderwerp: in `check` and in the schema.
    @Test func defaultedSiblingCountsForRequiredWhen() throws {
        let dir = try temporaryDirectory()
        let memo = """
            soort: memo
            openbaar: ja
            aan: De Twentse burgemeesters
            van: Secretaris VRT H. Meuleman
            datum: 2022-02-17
            inhoud: |
              Tekst.
            """
        #expect(diagnostics(memo).contains { $0.field == "onderwerp" })
        let file = dir.appendingPathComponent("memo.yaml")
        try memo.write(to: file, atomically: true, encoding: .utf8)
        let schema = dir.appendingPathComponent("memo.schema.json")
        try Data(JSONSchema.json(for: Memo.self).utf8).write(to: schema)
        let result = try Python.run(["Scripts/jsonschema-check.py", schema.path, file.path])
        #expect(result.status == 1, "\(result.stdout)")
        #expect(result.stdout.contains("onderwerp"))
    }
}
