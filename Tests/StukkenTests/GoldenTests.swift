import Foundation
import Testing

@testable import Stukken

/// Every example, rendered as Markdown and as HTML, byte for byte against its golden.
/// The examples fill every field, so a misspelt template key (which Mustache renders as
/// nothing) shows up here as a difference.
@Suite struct GoldenTests {
    @Test(arguments: Package.exampleFiles)
    func example(_ name: String) throws {
        let stuk = try loadExample(name)
        let base = String(name.dropLast(".yaml".count))
        assertGolden(Stukken.markdown(stuk, templates: Package.templateSet).text, named: base + ".md")
        assertGolden(Stukken.html(stuk, templates: Package.templateSet).html, named: base + ".html")
    }

    @Test func everyExampleHasItsGoldens() {
        for name in Package.exampleFiles {
            let base = String(name.dropLast(".yaml".count))
            for ext in ["md", "html"] {
                #expect(
                    FileManager.default.fileExists(
                        atPath: Package.goldens.appendingPathComponent("\(base).\(ext)").path),
                    "missing golden \(base).\(ext)")
            }
        }
    }

    @Test(arguments: Package.exampleFiles)
    func renderingIsDeterministic(_ name: String) throws {
        let first = try loadExample(name)
        let second = try loadExample(name)
        #expect(
            Stukken.html(first, templates: Package.templateSet) == Stukken.html(second, templates: Package.templateSet))
        #expect(
            Stukken.markdown(first, templates: Package.templateSet)
                == Stukken.markdown(second, templates: Package.templateSet))
    }
}

func loadExample(_ name: String) throws -> Stuk {
    switch Stukken.load(path: Package.examples.appendingPathComponent(name).path) {
    case .success(let stuk): return stuk
    case .failure(let error):
        Issue.record("examples/\(name) does not load:\n\(error)")
        throw error
    }
}
