import Foundation
import Testing

@testable import Stukken

/// Paths of the package, found from this file so tests run from any directory.
enum Package {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let examples = root.appendingPathComponent("examples")
    static let goldens = root.appendingPathComponent("Tests/StukkenTests/Goldens")
    static let fixtures = root.appendingPathComponent("Tests/StukkenTests/Fixtures")
    static let templates = root.appendingPathComponent("Templates").path

    /// Every example that should render: `examples/*.yaml`, not the broken ones in `examples/fout/`.
    static var exampleFiles: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }

    static let templateSet: TemplateSet = {
        guard case .success(let set) = TemplateSet.load(from: templates) else { fatalError("templates do not load") }
        return set
    }()
}

/// Loads a document from text, as if read from `name`.
func load(_ yaml: String, name: String = "test.yaml") -> Result<Stuk, DiagnosticsError> {
    Stukken.load(SourceFile(path: name, text: yaml))
}

func diagnostics(_ yaml: String) -> [Diagnostic] {
    switch load(yaml) {
    case .success(let stuk): return stuk.warnings
    case .failure(let error): return error.diagnostics
    }
}

/// Compares `actual` with a golden file byte for byte; `RECORD_GOLDENS=1` rewrites it.
func assertGolden(_ actual: String, named name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let url = Package.goldens.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
        try? Data(actual.utf8).write(to: url)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record(
            "golden \(name) missing: run RECORD_GOLDENS=1 swift test, review and commit it",
            sourceLocation: sourceLocation)
        return
    }
    if expected != actual {
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
        let got = line < a.count ? String(a[line]) : "<end>"
        let want = line < e.count ? String(e[line]) : "<end>"
        Issue.record(
            "\(name) differs from its golden at line \(line + 1):\n  golden: \(want)\n  actual: \(got)",
            sourceLocation: sourceLocation)
    }
}
