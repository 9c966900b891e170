import Foundation
import Yams

/// The pipeline, one stage a folder:
///
///     Reading     YAML text → node tree with positions           (YAMLReader)
///     Schema      node tree → validated Record + diagnostics     (Validator, Field)
///     Kinds       Record → typed model (Voorstel, …)             (DocumentKind)
///     Templating  model → Markdown via Mustache                  (TemplateSet)
///     HTML        Markdown → HTML body via libcmark-gfm          (CommonMark)
///     Page        body → standalone HTML page                    (PageRenderer)
///     PDF         page + print CSS → PDF via WeasyPrint           (PDFRenderer)
///     Pack        a meeting → folder, manifest, ZIP               (PackPlan, PackWriter)
///
/// `Stukken` is the public entry point to all of it.
public enum Stukken {
    /// Reads and validates one file. Every problem is reported, not just the first.
    public static func load(path: String) -> Result<Stuk, DiagnosticsError> {
        SourceFile.read(path: path).flatMap(load)
    }

    public static func load(_ source: SourceFile) -> Result<Stuk, DiagnosticsError> {
        load(source, checkedBefore: false)
    }

    /// `checkedBefore`: these exact bytes passed every check in this process already (a
    /// pack loads each stuk for its plan and again for its page), so the byte scans and
    /// the kind's own checks, which only ever add diagnostics, are not run twice.
    static func load(_ source: SourceFile, checkedBefore: Bool) -> Result<Stuk, DiagnosticsError> {
        let node: Node
        switch YAMLReader.read(source, scan: !checkedBefore) {
        case .success(let n): node = n
        case .failure(let e): return .failure(e)
        }
        var validator = Validator(file: source.path)
        guard let kind = kind(of: node, validator: &validator) else {
            return .failure(DiagnosticsError(validator.diagnostics))
        }
        guard let record = validator.validate(node, fields: kind.fields) else {
            return .failure(DiagnosticsError(validator.diagnostics))
        }
        var diagnostics = validator.diagnostics
        if !diagnostics.hasErrors && !checkedBefore { diagnostics += kind.check(record, file: source.path) }
        if diagnostics.hasErrors { return .failure(DiagnosticsError(diagnostics)) }
        var warnings = diagnostics
        var texts: [TypographyCheck.FieldText] = []
        let prepared = MarkdownFields.prepare(
            record, fields: kind.fields, file: source.path, warnings: &warnings, texts: &texts)
        warnings += TypographyCheck.diagnostics(texts, file: source.path)
        if warnings.hasErrors { return .failure(DiagnosticsError(warnings)) }
        return .success(Stuk(source: source, kind: kind, record: prepared, warnings: warnings))
    }

    /// `soort` decides the schema, so it is read (and misspellings caught) first.
    static func kind(of node: Node, validator: inout Validator) -> (any DocumentKind.Type)? {
        guard case .mapping(let mapping) = node else {
            _ = validator.validate(node, fields: [])
            return nil
        }
        guard let (keyNode, valueNode) = mapping.first(where: { $0.key.scalar?.string == "soort" }) else {
            validator.add(
                Diagnostic(
                    .error, file: validator.file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1,
                    field: "soort", message: Message.missingKind(kinds: DocumentKinds.names)))
            return nil
        }
        _ = keyNode
        let soort = valueNode.scalar?.string ?? ""
        if let kind = DocumentKinds.kind(named: soort) { return kind }
        if soort == Vergadering.soort {
            validator.add(
                Diagnostic(
                    .error, file: validator.file, line: valueNode.mark?.line, column: valueNode.mark?.column,
                    field: "soort",
                    message: Message.meetingIsNotAStuk))
            return nil
        }
        validator.add(
            Diagnostic(
                .error, file: validator.file, line: valueNode.mark?.line, column: valueNode.mark?.column,
                field: "soort",
                message: Message.unknownKind(
                    soort, suggestion: Spelling.nearest(to: soort, in: DocumentKinds.names), kinds: DocumentKinds.names)
            ))
        return nil
    }

    /// The document as Markdown: heading block, body and signatures.
    public static func markdown(_ stuk: Stuk, templates: TemplateSet) -> Markdown {
        let context = stuk.document.context
        let soort = stuk.kind.soort
        let parts = ["kop.md", "inhoud.md", "slot.md"].map { templates.render(context, kind: soort, part: $0) }
        return Markdown(join(parts))
    }

    /// The document as a standalone HTML page.
    public static func html(_ stuk: Stuk, templates: TemplateSet, extras: PageExtras? = nil) -> HTMLPage {
        html(stuk, templates: templates, extras: extras, print: nil)
    }

    /// `print`: what only the PDF stage adds (running header strings, metadata, cover).
    static func html(_ stuk: Stuk, templates: TemplateSet, extras: PageExtras?, print: [String: Any]?) -> HTMLPage {
        let context = stuk.document.context
        let body = CommonMark.html(
            templates.render(context, kind: stuk.kind.soort, part: "inhoud.md"), print: print != nil)
        return PageRenderer.page(
            kind: stuk.kind, document: stuk.document, context: context, body: body, templates: templates,
            extras: extras,
            print: print)
    }

    /// The document as PDF (WeasyPrint), from the same HTML page with print CSS.
    public static func pdf(_ stuk: Stuk, templates: TemplateSet, options: PDFRenderer.Options = .init())
        throws(PDFRenderer.Failure) -> Data
    {
        try PDFRenderer.pdf(stuk, templates: templates, options: options)
    }

    /// The PDF with a warning for every image it was made without (see `PDFRenderer`).
    public static func renderedPDF(
        _ stuk: Stuk, templates: TemplateSet, options: PDFRenderer.Options = .init()
    ) throws(PDFRenderer.Failure) -> PDFRenderer.RenderedPDF {
        try PDFRenderer.rendered(stuk, templates: templates, options: options)
    }

    /// Any Markdown text through the same HTML stage (for tests against the GFM spec).
    public static func htmlFragment(_ markdown: Markdown) -> HTMLFragment {
        CommonMark.html(markdown.text)
    }

    static func join(_ parts: [String]) -> String {
        let kept = parts.map(MarkdownFields.trimmed).filter { !$0.isEmpty }
        return kept.joined(separator: "\n\n") + "\n"
    }
}

/// A document that passed validation: its source, kind and typed model.
public struct Stuk: Sendable {
    public let source: SourceFile
    public let kind: any DocumentKind.Type
    /// The validated fields; a pack publishes a changed copy (contact details left out,
    /// bijlagen linked) through `with(record:)`.
    public let record: Record
    public let document: any DocumentKind

    init(source: SourceFile, kind: any DocumentKind.Type, record: Record, warnings: [Diagnostic]) {
        self.source = source
        self.kind = kind
        self.record = record
        self.document = kind.init(record)
        self.warnings = warnings
    }

    /// The same document with other field values (for publication).
    func with(record: Record) -> Stuk {
        Stuk(source: source, kind: kind, record: record, warnings: warnings)
    }
    /// Problems that do not stop rendering (raw HTML shown as text, …).
    public let warnings: [Diagnostic]
}
