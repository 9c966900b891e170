/// The footnote references of one Markdown field, line by line, never fewer than cmark-gfm
/// makes: every `[^` counts except a definition's own label (`[^1]: …` at a line's start
/// outside any container) and those inside a fenced code block that opens in the field's
/// first column. Such a fence is never inside a list item or a block quote; in a table
/// row, or in a field with `<` (an HTML block could hold it), a fence is not trusted.
struct FootnoteCount {
    let mayHaveHTML: Bool
    /// The open fence's character and length.
    private var fence: (byte: UInt8, length: Int)? = nil

    init(mayHaveHTML: Bool) {
        self.mayHaveHTML = mayHaveHTML
    }

    mutating func references(_ bytes: [UInt8], _ line: Range<Int>, inTable: Bool) -> Int {
        let marks = MarkdownShape.footnoteMarks(bytes, line)
        var indent = line.lowerBound
        while indent < line.upperBound, bytes[indent] == UInt8(ascii: " "), indent - line.lowerBound < 4 {
            indent += 1
        }
        let rest = bytes[indent..<line.upperBound]
        if let open = fence {
            if indent - line.lowerBound <= 3, Self.run(of: open.byte, in: rest) >= open.length,
                rest.drop(while: { $0 == open.byte }).allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
                )
            {
                fence = nil
            }
            return 0
        }
        if !mayHaveHTML, !inTable, indent == line.lowerBound, let byte = rest.first,
            byte == UInt8(ascii: "`") || byte == UInt8(ascii: "~")
        {
            let length = Self.run(of: byte, in: rest)
            // A backtick fence's info string has no backtick (else it is inline code).
            if length >= 3, byte == UInt8(ascii: "~") || !rest.dropFirst(length).contains(byte) {
                fence = (byte, length)
                return marks
            }
        }
        if !inTable, indent - line.lowerBound <= 3, Self.isDefinition(rest) { return marks - 1 }
        return marks
    }

    private static func run(of byte: UInt8, in bytes: ArraySlice<UInt8>) -> Int {
        bytes.prefix { $0 == byte }.count
    }

    /// `[^label]:` as cmark-gfm's scanner reads a footnote definition's start.
    private static func isDefinition(_ rest: ArraySlice<UInt8>) -> Bool {
        guard rest.starts(with: [UInt8(ascii: "["), UInt8(ascii: "^")]) else { return false }
        let label = rest.dropFirst(2).prefix { b in
            b != UInt8(ascii: "]") && b != UInt8(ascii: " ") && b != UInt8(ascii: "\t") && b != 0 && b != 10 && b != 13
        }
        guard !label.isEmpty else { return false }
        return rest.dropFirst(2 + label.count).starts(with: [UInt8(ascii: "]"), UInt8(ascii: ":")])
    }
}
