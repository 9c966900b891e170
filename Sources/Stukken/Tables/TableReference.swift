import Foundation

/// Where a data table stands in a Markdown field: a paragraph of its own reading
/// `[tabel: id]`. Other Markdown tools (an editor's preview, GitHub) show exactly that
/// text, which says what belongs there; stukken replaces the paragraph in cmark's tree
/// (HTML) or its lines (Markdown) by the table. Only a top-level paragraph counts, so
/// the words quoted inside a sentence, a list or a code span stay text.
enum TableReference {
    /// The id a paragraph's plain text refers to, if it is a reference.
    static func id(in paragraph: String) -> String? {
        let text = paragraph.trimmingCharacters(in: .whitespaces)
        guard text.hasPrefix("[tabel:"), text.hasSuffix("]") else { return nil }
        let id = text.dropFirst("[tabel:".count).dropLast().trimmingCharacters(in: .whitespaces)
        return id.isEmpty ? nil : id
    }

    /// An id fits in the construct and in an HTML id: letters, digits, `-`, `_`.
    static func isName(_ id: String) -> Bool {
        !id.isEmpty
            && id.unicodeScalars.allSatisfy {
                $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_")
            }
    }

    /// The references of one Markdown text: id and the paragraph's first line (1-based).
    static func references(in markdown: String) -> [(id: String, line: Int)] {
        CommonMark.topLevelParagraphs(markdown).compactMap { p in id(in: p.text).map { ($0, p.lines.lowerBound) } }
    }

    /// For `CommonMark.html`: each reference to a known table becomes the table's HTML.
    static func blocks(_ tables: [String: DataTable]) -> ((String) -> String?)? {
        guard !tables.isEmpty else { return nil }
        return { paragraph in id(in: paragraph).flatMap { tables[$0] }.map(DataTableHTML.html) }
    }

    /// The Markdown with each reference to a known table replaced by the table in GFM
    /// (`DataTableMarkdown`); every other line stays byte for byte.
    static func splice(_ markdown: String, tables: [String: DataTable]) -> String {
        guard !tables.isEmpty else { return markdown }
        let replacement = DataTableMarkdown.markdown
        let paragraphs = CommonMark.topLevelParagraphs(markdown).filter {
            id(in: $0.text).flatMap { tables[$0] } != nil
        }
        guard !paragraphs.isEmpty else { return markdown }
        var lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for p in paragraphs.reversed() where p.lines.upperBound <= lines.count {
            guard let table = id(in: p.text).flatMap({ tables[$0] }) else { continue }
            var text = replacement(table)
            while text.hasSuffix("\n") { text.removeLast() }
            lines.replaceSubrange((p.lines.lowerBound - 1)...(p.lines.upperBound - 1), with: [text])
        }
        return lines.joined(separator: "\n")
    }
}
