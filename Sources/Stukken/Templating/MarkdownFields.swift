/// Prepares every Markdown-valued field of a record for splicing into a template
/// (see `CommonMark.normalise`), and warns where raw HTML was turned into text. Each
/// field's prepared text is also kept in `texts`, for the checks across fields
/// (`TypographyCheck`).
enum MarkdownFields {
    static func prepare(
        _ record: Record, fields: [Field], path: String = "", file: String, warnings: inout [Diagnostic],
        texts: inout [TypographyCheck.FieldText]
    ) -> Record {
        var result = record
        for field in fields {
            guard let value = record[field.key] else { continue }
            let fieldPath = path.isEmpty ? field.key : "\(path).\(field.key)"
            result.values[field.key] = prepare(
                value, type: field.type, field: field, path: fieldPath, location: record.locations[field.key],
                file: file, warnings: &warnings, texts: &texts)
        }
        return result
    }

    private static func prepare(
        _ value: Value, type: FieldType, field: Field, path: String, location: SourceLocation?, file: String,
        warnings: inout [Diagnostic], texts: inout [TypographyCheck.FieldText]
    ) -> Value {
        let prepared = prepareMarkdown(
            value, type: type, field: field, path: path, location: location, file: file, warnings: &warnings)
        // As written: the line numbers in the checks' messages are the author's.
        if case .markdown(let text) = value, case .markdown = type {
            texts.append(TypographyCheck.FieldText(path: path, location: location, text: text))
        }
        switch (prepared, type) {
        case (.list(let items), .list(let element, _)):
            return .list(
                items.enumerated().map { i, item in
                    prepare(
                        item, type: element, field: field, path: "\(path)[\(i + 1)]", location: location, file: file,
                        warnings: &warnings, texts: &texts)
                })
        case (.record(let r), .record(let fields)), (.record(let r), .textOrRecord(_, let fields)):
            return .record(prepare(r, fields: fields, path: path, file: file, warnings: &warnings, texts: &texts))
        default:
            return prepared
        }
    }

    /// One Markdown value made safe; lists and records are left to the caller, which walks them.
    private static func prepareMarkdown(
        _ value: Value, type: FieldType, field: Field, path: String, location: SourceLocation?, file: String,
        warnings: inout [Diagnostic]
    ) -> Value {
        switch (value, type) {
        case (.markdown(let text), .markdown):
            guard needsNormalising(text) else { return .markdown(trimmed(text)) }
            let (normal, hadHTML) = CommonMark.normalise(field: text, headingLevel: field.headingLevel)
            if hadHTML {
                warnings.append(
                    Diagnostic(
                        .warning, file: file, line: location?.line, column: location?.column, field: path,
                        message: Message.rawHTMLShownAsText(field: path)))
            }
            return .markdown(normal)
        default:
            return value
        }
    }

    /// Most fields are plain paragraphs and lists; only what can reach outside the field
    /// (headings, fences, raw HTML, link definitions, setext underlines, indented code)
    /// needs cmark's round trip. One pass over the bytes decides.
    static func needsNormalising(_ text: String) -> Bool {
        var atLineStart = true
        var lineOnlyRule = true  // the line so far is only `=`, `-` and spaces
        var lineHasRule = false
        var leadingSpaces = 0
        var previous: UInt8 = 0
        var run = 0  // length of a run of ` or ~
        return text.withUTF8Bytes { bytes -> Bool in
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "<"): return true
                case UInt8(ascii: "`"), UInt8(ascii: "~"):
                    run = byte == previous ? run + 1 : 1
                    if run >= 3 { return true }
                case UInt8(ascii: ":") where previous == UInt8(ascii: "]"): return true
                case UInt8(ascii: "\t") where atLineStart: return true
                default: break
                }
                if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {  // cmark ends lines at a lone CR too
                    if lineOnlyRule && lineHasRule { return true }
                    atLineStart = true
                    lineOnlyRule = true
                    lineHasRule = false
                    leadingSpaces = 0
                } else if atLineStart && byte == UInt8(ascii: " ") {
                    leadingSpaces += 1
                    if leadingSpaces >= 4 { return true }
                } else {
                    if atLineStart && byte == UInt8(ascii: "#") { return true }
                    atLineStart = false
                    if byte == UInt8(ascii: "=") || byte == UInt8(ascii: "-") {
                        lineHasRule = true
                    } else if byte != UInt8(ascii: " ") {
                        lineOnlyRule = false
                    }
                }
                previous = byte
            }
            return lineOnlyRule && lineHasRule
        }
    }

    static func trimmed(_ text: String) -> String {
        var t = Substring(text)
        while let l = t.last, l.isWhitespace { t.removeLast() }
        while let f = t.first, f == "\n" { t.removeFirst() }
        return String(t)
    }
}
