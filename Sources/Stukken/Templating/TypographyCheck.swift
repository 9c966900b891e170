/// What `check` says about the print typography of a stuk's Markdown fields, across all
/// of them (a reference in one field may point at a heading in another):
/// - a link to `#anker` that no heading of the stuk has is an error: on paper it would
///   say "pagina" and no number, on screen lead nowhere (`CrossReferences`);
/// - a list lettered or numbered by hand that skips or repeats a label is a warning: it
///   stays as typed (`LetteredLists`), which is seldom what the author meant.
/// Only fields that may hold such a thing are parsed (most have neither).
enum TypographyCheck {
    struct FieldText: Sendable {
        var path: String
        var location: SourceLocation?
        var text: String
    }

    static func diagnostics(_ fields: [FieldText], file: String) -> [Diagnostic] {
        references(fields, file: file) + listLabels(fields, file: file)
    }

    private static func references(_ fields: [FieldText], file: String) -> [Diagnostic] {
        guard fields.contains(where: { $0.text.contains("](#") }) else { return [] }
        // The ids the HTML stage gives: every heading in order, repeats numbered (`Slug`).
        var registry = Slug.Registry()
        var anchors: [String] = []
        var links: [(FieldText, anchor: String, line: Int)] = []
        for field in fields where field.text.contains("#") {
            let outline = CommonMark.outline(field.text)
            anchors += outline.headings.map { registry.unique(Slug.make($0)) }
            links += outline.anchorLinks.map { (field, $0.anchor, $0.line) }
        }
        let known = Set(anchors)
        return links.filter { !known.contains($0.anchor) }.map { field, anchor, line in
            Diagnostic(
                .error, file: file, line: field.location?.line, column: field.location?.column, field: field.path,
                message: TypographyMessage.brokenReference(
                    anchor, line: line, field: field.path, suggestion: Spelling.nearest(to: anchor, in: anchors),
                    anchors: anchors))
        }
    }

    private static func listLabels(_ fields: [FieldText], file: String) -> [Diagnostic] {
        fields.filter { $0.text.contains(") ") }.flatMap { field in
            CommonMark.misorderedLists(field.text).map { list in
                Diagnostic(
                    .warning, file: file, line: field.location?.line, column: field.location?.column, field: field.path,
                    message: TypographyMessage.misorderedListLabels(list.labels, line: list.line, field: field.path))
            }
        }
    }
}
