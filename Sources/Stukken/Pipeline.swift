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

    /// `following: false` reads no other file: a notitie's `bij:` voorstel is then shown
    /// as a placeholder (the web form, which has no folder to read from).
    public static func load(_ source: SourceFile, following: Bool) -> Result<Stuk, DiagnosticsError> {
        load(source, checkedBefore: false, following: following)
    }

    /// `checkedBefore`: these exact bytes passed every check in this process already (a
    /// pack loads each stuk for its plan and again for its page), so the byte scans and
    /// the kind's own checks, which only ever add diagnostics, are not run twice.
    static func load(_ source: SourceFile, checkedBefore: Bool, following: Bool = true) -> Result<
        Stuk, DiagnosticsError
    > {
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
        if !diagnostics.hasErrors && !checkedBefore {
            diagnostics += kind.check(record, file: source.path) + Bijlage.check(record, file: source.path)
            diagnostics += DataTableCheck.check(record, fields: kind.fields, source: source)
        }
        if diagnostics.hasErrors { return .failure(DiagnosticsError(diagnostics)) }
        var warnings = diagnostics
        var texts: [TypographyCheck.FieldText] = []
        let prepared = MarkdownFields.prepare(
            record, fields: kind.fields, file: source.path, warnings: &warnings, texts: &texts)
        warnings += TypographyCheck.diagnostics(texts, file: source.path)
        if warnings.hasErrors { return .failure(DiagnosticsError(warnings)) }
        var reference: Reference?
        if following, let named = kind.reference(in: prepared) {
            let at = named.location ?? SourceLocation(file: source.path, line: 1, column: 1)
            switch Reference.load(named.path, from: source.path, at: at, field: named.field) {
            case .success(let r): reference = r
            case .failure(let e): return .failure(e)
            }
        }
        return .success(Stuk(source: source, kind: kind, record: prepared, warnings: warnings, reference: reference))
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

    /// The document as Markdown: heading block, body, signatures and text appendices.
    /// `metHulpvragen`: a form prints its hulpvragen under each label too
    /// (`render --met-hulpvragen`).
    public static func markdown(_ stuk: Stuk, templates: TemplateSet, metHulpvragen: Bool = false) -> Markdown {
        let context = self.context(stuk, metHulpvragen: metHulpvragen)
        let soort = stuk.kind.soort
        let parts = ["kop.md", "inhoud.md", "slot.md"].map { templates.render(context, kind: soort, part: $0) }
        let document = join(parts + appendices(stuk, templates: templates).map(\.markdown))
        return Markdown(TableReference.splice(document, tables: DataTable.all(in: stuk.record)))
    }

    /// Each text appendix as Markdown ("## BIJLAGE 1  TITEL", then its sealed text).
    static func appendices(_ stuk: Stuk, templates: TemplateSet) -> [(anker: String, markdown: String)] {
        Bijlage.appendices(stuk.document.bijlagen).map {
            ($0["anker"] as? String ?? "", templates.render($0, template: "bijlage-tekst.md"))
        }
    }

    /// The document as a standalone HTML page.
    public static func html(
        _ stuk: Stuk, templates: TemplateSet, extras: PageExtras? = nil, metHulpvragen: Bool = false
    ) -> HTMLPage {
        html(stuk, templates: templates, extras: extras, print: nil, metHulpvragen: metHulpvragen)
    }

    /// `print`: what only the PDF stage adds (running header strings, metadata, cover).
    static func html(
        _ stuk: Stuk, templates: TemplateSet, extras: PageExtras?, print: [String: Any]?, metHulpvragen: Bool = false
    ) -> HTMLPage {
        let context = self.context(stuk, metHulpvragen: metHulpvragen)
        let soort = stuk.kind.soort
        // `[tabel: id]` paragraphs become the data tables of `tabellen:`, wherever they stand.
        let tables = TableReference.blocks(DataTable.all(in: stuk.record))
        // A form's body is its two-column table (`FormBody`); every other kind's is its Markdown.
        let body =
            templates.has(kind: soort, part: "inhoud.html")
            ? FormBody.html(context, kind: soort, templates: templates, print: print != nil, block: tables)
            : CommonMark.html(
                templates.render(context, kind: soort, part: "inhoud.md"), print: print != nil, block: tables)
        // One set of anchors for the page: an appendix's headings never take an id of the body's.
        var taken = body.headings.map(\.id)
        let appendices = appendices(stuk, templates: templates).map { a -> (anker: String, html: HTMLFragment) in
            taken.append(a.anker)
            let fragment = CommonMark.html(a.markdown, reserving: taken, print: print != nil, block: tables)
            taken += fragment.headings.map(\.id)
            return (a.anker, fragment)
        }
        return PageRenderer.page(
            kind: stuk.kind, document: stuk.document, context: context, body: body, appendices: appendices,
            templates: templates, extras: extras, print: print)
    }

    /// What the templates see: the kind's context, and whether to print the hulpvragen.
    static func context(_ stuk: Stuk, metHulpvragen: Bool) -> [String: Any] {
        var context = stuk.document.context
        context["met_hulpvragen"] = metHulpvragen
        return context
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

    /// The document it takes values from (a notitie's voorstel), when it names one.
    public let reference: Reference?

    /// `contact: false`: the referenced document's contact details left out too.
    /// `publicPack`: a referenced document that is not public is withheld whole.
    init(
        source: SourceFile, kind: any DocumentKind.Type, record: Record, warnings: [Diagnostic],
        reference: Reference? = nil, publicatie: [Int: Bijlage.Publicatie] = [:], contact: Bool = true,
        publicPack: Bool = false
    ) {
        self.source = source
        self.kind = kind
        self.record = record
        self.reference = reference
        var document = kind.init(record)
        for i in document.bijlagen.indices { document.bijlagen[i].publicatie = publicatie[i + 1] }
        if let reference {
            let referenced = reference.document(contact: contact)
            // The public profile of a reference is its own `openbaar`, as for a bijlage: a
            // public notitie never prints the heading of a non-public voorstel.
            document.attach(publicPack && !referenced.openbaar ? nil : referenced)
        }
        self.document = document
        self.warnings = warnings
    }

    /// The same document as published: other field values, its bijlagen as published (by
    /// number), and without contact details in what it takes from another document.
    func with(
        record: Record, publicatie: [Int: Bijlage.Publicatie] = [:], contact: Bool = true, publicPack: Bool = false
    ) -> Stuk {
        Stuk(
            source: source, kind: kind, record: record, warnings: warnings, reference: reference,
            publicatie: publicatie, contact: contact, publicPack: publicPack)
    }
    /// Problems that do not stop rendering (raw HTML shown as text, …).
    public let warnings: [Diagnostic]
}
