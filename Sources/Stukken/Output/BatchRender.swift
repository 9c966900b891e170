import Foundation

/// `stukken render FILE… -o DIR`: many documents, rendered on every core and written one
/// by one, so memory stays that of a few documents however many there are.
public enum BatchRender {
    public enum Format: String, Sendable, CaseIterable {
        case html, markdown
        public var fileExtension: String { self == .html ? "html" : "md" }
    }

    /// What happened to one input: its diagnostics (errors or warnings) and whether its
    /// output was written.
    public struct Outcome: Sendable {
        public var file: String
        public var diagnostics: [Diagnostic]
        public var source: String?
        public var writeError: String?
        public var written: Bool
        /// A meeting file met in a folder: left out, and not a failure.
        public var skippedMeeting = false
    }

    public static func render(
        _ files: [String], into directory: String, format: Format, templates: TemplateSet, protecting inputs: [String],
        skippingMeetingsAmong skippable: Set<String> = [], metHulpvragen: Bool = false
    ) -> [Outcome] {
        // The same path named twice is rendered once; two inputs that would write the same
        // output (`a.yaml` and `a.yml`) are both refused rather than raced.
        var seen = Set<String>()
        let files = files.filter { seen.insert($0).inserted }
        let names = files.map { outputName(for: $0, extension: format.fileExtension) }
        let claimants = Dictionary(grouping: files.indices, by: { names[$0] })
        let protected = AtomicFile.Protected(inputs)
        return Array(files.indices).concurrentMap { i -> Outcome in
            let file = files[i]
            if let others = claimants[names[i]], others.count > 1 {
                let other = files[others.first { $0 != i }!]
                let problem = Diagnostic(.error, file: file, message: Message.outputNameTaken(names[i], by: other))
                return Outcome(file: file, diagnostics: [problem], source: nil, writeError: nil, written: false)
            }
            switch Stukken.load(path: file) {
            case .failure(let error)
            where skippable.contains(file) && error.diagnostics.map(\.code) == [.meetingIsNotAStuk]:
                let note = Diagnostic(.note, file: file, message: Message.meetingSkipped)
                return Outcome(
                    file: file, diagnostics: [note], source: nil, writeError: nil, written: false, skippedMeeting: true)
            case .failure(let error):
                let text = try? String(contentsOfFile: file, encoding: .utf8)
                return Outcome(
                    file: file, diagnostics: error.diagnostics, source: text, writeError: nil, written: false)
            case .success(let stuk):
                let text = Self.text(stuk, format: format, templates: templates, metHulpvragen: metHulpvragen)
                let target = directory + "/" + outputName(for: file, extension: format.fileExtension)
                var writeError: String? = nil
                do {
                    try AtomicFile.write(Data(text.utf8), to: target, protecting: protected)
                } catch {
                    writeError = String(describing: error)
                }
                return Outcome(
                    file: file, diagnostics: stuk.warnings, source: stuk.warnings.isEmpty ? nil : stuk.source.text,
                    writeError: writeError, written: writeError == nil)
            }
        }
    }

    public static func text(_ stuk: Stuk, format: Format, templates: TemplateSet, metHulpvragen: Bool = false) -> String
    {
        switch format {
        case .html: Stukken.html(stuk, templates: templates, metHulpvragen: metHulpvragen).html
        case .markdown: Stukken.markdown(stuk, templates: templates, metHulpvragen: metHulpvragen).text
        }
    }

    /// `examples/ab-ts-s.yaml` → `ab-ts-s.html`.
    public static func outputName(for input: String, extension ext: String) -> String {
        var name = (input as NSString).lastPathComponent
        for suffix in [".yaml", ".yml"] where name.hasSuffix(suffix) { name.removeLast(suffix.count) }
        return name + "." + ext
    }
}
