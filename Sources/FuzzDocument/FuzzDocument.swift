import Foundation
import Stukken

// libFuzzer target: any bytes as a document file, through the whole path
// YAML → validated Record → model → Markdown → HTML page. Built only by Scripts/fuzz.sh
// (with -sanitize=fuzzer,address); in a normal build this file is an empty program.
// A finding is a crash, an AddressSanitizer report, a timeout, or a broken invariant below.

private let templates: TemplateSet = {
    switch TemplateSet.load() {
    case .success(let t): return t
    case .failure(let e): fatalError("templates: \(e.diagnostics.map(\.message)) (run from the package root)")
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDocument(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    guard case .success(let source) = SourceFile.decode(bytes, path: "fuzz.yaml") else { return 0 }
    switch Stukken.load(source, following: false) {
    case .success(let stuk):
        let markdown = Stukken.markdown(stuk, templates: templates)
        let page = Stukken.html(stuk, templates: templates).html
        // Safe mode and escaping: no tag of the page may be active.
        for tag in tags(page.lowercased()) {
            if tag.hasPrefix("<script") || tag.contains(" onclick=") || tag.contains(" onerror=")
                || tag.contains("javascript:")
            {
                fatalError("active HTML \(tag); markdown: \(markdown.text.prefix(400))")
            }
        }
        // Deterministic: the same input renders to the same bytes.
        if Stukken.html(stuk, templates: templates).html != page { fatalError("two renderings differ") }
    case .failure(let error):
        if error.diagnostics.isEmpty { fatalError("refused without a diagnostic") }
    }
    return 0
}

private func tags(_ html: String) -> [Substring] {
    var result: [Substring] = []
    var rest = Substring(html)
    while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
        result.append(rest[open...close])
        rest = rest[rest.index(after: close)...]
    }
    return result
}
