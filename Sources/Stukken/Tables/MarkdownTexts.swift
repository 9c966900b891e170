/// The Markdown-valued fields of a record, nested ones included, with where each stands:
/// for finding table references and pointing at the line that holds one.
enum MarkdownTexts {
    static func all(_ record: Record, fields: [Field], path: String = "") -> [(String, String, SourceLocation?)] {
        var result: [(String, String, SourceLocation?)] = []
        for field in fields {
            guard let value = record[field.key] else { continue }
            let fieldPath = path.isEmpty ? field.key : "\(path).\(field.key)"
            result += texts(value, type: field.type, path: fieldPath, location: record.locations[field.key])
        }
        return result
    }

    private static func texts(_ value: Value, type: FieldType, path: String, location: SourceLocation?)
        -> [(String, String, SourceLocation?)]
    {
        switch (value, type) {
        case (.markdown(let text), .markdown): return [(path, text, location)]
        case (.list(let items), .list(let element, _)):
            return items.enumerated().flatMap { i, item in
                texts(item, type: element, path: "\(path)[\(i + 1)]", location: location)
            }
        case (.record(let r), .record(let fields)), (.record(let r), .textOrRecord(_, let fields)):
            return all(r, fields: fields, path: path)
        default: return []
        }
    }

    /// Where line `line` of a Markdown value stands in the file. A block scalar (`inhoud: |`,
    /// the way long texts are written) starts on the line after its indicator, each line in
    /// the file holding one line of the value; a one-line value is its own place.
    static func place(ofLine line: Int, in text: String, value: SourceLocation, source: SourceFile)
        -> SourceLocation
    {
        guard text.contains("\n") else { return value }
        let fileLine = value.line + line
        let lines = source.text.split(separator: "\n", omittingEmptySubsequences: false)
        guard fileLine - 1 < lines.count else { return value }
        let indent = lines[fileLine - 1].prefix { $0 == " " }.count
        return SourceLocation(file: value.file, line: fileLine, column: indent + 1)
    }
}
