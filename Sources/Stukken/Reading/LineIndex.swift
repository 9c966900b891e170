/// Where each line of a text starts, found in one pass, so any line is found in constant
/// time: looking each one up from the start made reporting 20,000 diagnostics quadratic
/// (45 s for one 230 KB file).
///
/// Lines end as libyaml ends them, so line numbers agree with its marks: at `\n`, `\r\n`
/// or a lone `\r` (the reader refuses the other breaks libyaml knows, U+0085, U+2028 and
/// U+2029, and a lone `\r` in a file that also has `\n`).
struct LineIndex: Sendable {
    let text: String
    /// The start of every line; `starts[0]` is the text's start.
    private let starts: [String.Index]

    init(_ text: String) {
        self.text = text
        var starts = [text.startIndex]
        let utf8 = text.utf8
        var i = utf8.startIndex
        while i < utf8.endIndex {
            let byte = utf8[i]
            utf8.formIndex(after: &i)
            if byte == UInt8(ascii: "\r"), i < utf8.endIndex, utf8[i] == UInt8(ascii: "\n") {
                utf8.formIndex(after: &i)
            }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { starts.append(i) }
        }
        self.starts = starts
    }

    var count: Int { starts.count }

    /// Line `number` (from 1) without its line break, or nil past the end.
    func line(_ number: Int) -> Substring? {
        guard number >= 1, number <= starts.count else { return nil }
        let start = starts[number - 1]
        var end = number < starts.count ? starts[number] : text.endIndex
        let utf8 = text.utf8
        if end > start, utf8[utf8.index(before: end)] == UInt8(ascii: "\n") { end = utf8.index(before: end) }
        if end > start, utf8[utf8.index(before: end)] == UInt8(ascii: "\r") { end = utf8.index(before: end) }
        return text[start..<end]
    }

    /// All lines, in order.
    var lines: [Substring] { (1...starts.count).compactMap(line) }
}
