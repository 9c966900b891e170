/// A structural pre-check of Markdown fields, before libcmark-gfm sees them.
///
/// Why: Debian's libcmark-gfm 0.29.0.gfm.6 has inputs that take superlinear time. Measured
/// here (docs/garanties-en-limieten.md, "Limits"): the table extension pads every body row to the header's width
/// and compares cells pairwise, so its cost grows with columns × rows and with columns²
/// (a 24 KB table of 1,000 columns and 10,000 one-cell rows ran longer than 20 s; 5,000
/// columns in 50 KB took 5.7 s). Deeply nested containers (`- - - - … x` on every line)
/// multiply the output. A plain size cap low enough to stop these would refuse real
/// documents (the seed-004 notitie is ~51 KB with a 24-column table), so the shapes
/// themselves are counted and bounded, far above what any real stuk uses.
///
/// The count is conservative: it never misses a table cmark would build (it may count a
/// few lines cmark would not), so a field that passes cannot be slow for these reasons.
enum MarkdownShape {
    struct Problem: Equatable {
        enum Kind: Equatable {
            case tooManyColumns(Int)
            case tooManyCells(Int)
            case nestedTooDeep(Int)
            case tooManyFootnoteReferences(Int)
            case tooManyAtSigns(Int)
        }
        var kind: Kind
        /// Line inside the field's text, from 1.
        var line: Int
    }

    /// The cells the table extension builds: columns × (rows + 1), per field and summed per file.
    struct Budget {
        var cells = 0
        /// `[^…]`: each reference adds a back-link to its note (62,000 references to one
        /// note made 14.6 MB of HTML from 250 KB). Not counted: a definition's own label
        /// and anything in a fenced code block (see `FootnoteCount`).
        var footnoteReferences = 0
        /// `@`: the autolink extension looks for an e-mail address around every one
        /// (255 KB of `a@a@…` took 0.76 s of CPU, over a second on a busy machine).
        var atSigns = 0
    }

    static func problems(in text: String, budget: inout Budget) -> [Problem] {
        if let quick = quickCount(text, budget: &budget) { return quick }
        // Lines as byte ranges (every character counted here is ASCII); the same check over
        // `Substring`s of `Character`s was 6 % of rendering a thousand voorstellen.
        let bytes = Array(text.utf8)
        var check = FullCheck(bytes: bytes, lines: lineRanges(bytes), budget: budget)
        check.run()
        budget = check.budget
        return check.result
    }

    /// Lines end as cmark ends them: at `\n`, `\r\n` or a lone `\r`.
    private static func lineRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        var at = 0
        while at < bytes.count {
            if bytes[at] == Byte.newline || bytes[at] == Byte.cr {
                lines.append(start..<at)
                if bytes[at] == Byte.cr, at + 1 < bytes.count, bytes[at + 1] == Byte.newline { at += 1 }
                start = at + 1
            }
            at += 1
        }
        lines.append(start..<bytes.count)
        return lines
    }

    /// The line-by-line check of one field; each limit is reported once, at the line that crosses it.
    private struct FullCheck {
        let bytes: [UInt8]
        let lines: [Range<Int>]
        var budget: Budget
        var result: [Problem] = []
        var reportedCells: Bool
        var reportedFootnotes: Bool
        var reportedAtSigns: Bool
        var reportedNesting = false
        var footnotes: FootnoteCount

        init(bytes: [UInt8], lines: [Range<Int>], budget: Budget) {
            self.bytes = bytes
            self.lines = lines
            self.budget = budget
            reportedCells = budget.cells > Limits.maximumTableCells
            reportedFootnotes = budget.footnoteReferences > Limits.maximumFootnoteReferences
            reportedAtSigns = budget.atSigns > Limits.maximumAtSigns
            footnotes = FootnoteCount(mayHaveHTML: bytes.contains(UInt8(ascii: "<")))
        }

        mutating func run() {
            var i = 0
            while i < lines.count {
                count(i, inTable: false)
                let rest = checkNesting(i)
                if i > 0, let columns = delimiterColumns(bytes, rest) {
                    i = checkTable(delimiterAt: i, columns: columns)
                } else {
                    i += 1
                }
            }
        }

        /// The `@` and `[^` of every line, table rows too (they were skipped with the table once).
        private mutating func count(_ index: Int, inTable: Bool) {
            let line = lines[index]
            budget.atSigns += bytes[line].reduce(0) { $0 + ($1 == UInt8(ascii: "@") ? 1 : 0) }
            if budget.atSigns > Limits.maximumAtSigns && !reportedAtSigns {
                result.append(Problem(kind: .tooManyAtSigns(budget.atSigns), line: index + 1))
                reportedAtSigns = true
            }
            budget.footnoteReferences += footnotes.references(bytes, line, inTable: inTable)
            if budget.footnoteReferences > Limits.maximumFootnoteReferences && !reportedFootnotes {
                result.append(Problem(kind: .tooManyFootnoteReferences(budget.footnoteReferences), line: index + 1))
                reportedFootnotes = true
            }
        }

        /// What follows the line's container markers.
        private mutating func checkNesting(_ index: Int) -> Range<Int> {
            let (depth, rest) = containers(bytes, lines[index])
            // Once per field: a pasted outline would otherwise give an error per line.
            if depth > Limits.maximumMarkdownNesting && !reportedNesting {
                result.append(Problem(kind: .nestedTooDeep(depth), line: index + 1))
                reportedNesting = true
            }
            return rest
        }

        /// The table whose delimiter row is line `index`; returns the index of the line after it.
        private mutating func checkTable(delimiterAt index: Int, columns: Int) -> Int {
            if columns > Limits.maximumTableColumns {
                result.append(Problem(kind: .tooManyColumns(columns), line: index + 1))
            }
            // Body rows: every following line up to a blank one (cmark ends a table earlier at most).
            var rows = 0
            var j = index + 1
            while j < lines.count, !bytes[containers(bytes, lines[j]).rest].allSatisfy(Byte.isSpaceOrTab) {
                count(j, inTable: true)
                rows += 1
                j += 1
            }
            budget.cells += columns * (rows + 1)
            if budget.cells > Limits.maximumTableCells && !reportedCells {
                result.append(Problem(kind: .tooManyCells(budget.cells), line: index + 1))
                reportedCells = true
            }
            return j
        }
    }

    /// Most fields have no table (no `|`) and no line that starts with nine or more
    /// container-marker characters (the least a nesting of nine needs): then only `@` and
    /// `[^` need counting, in one pass over the bytes. Returns nil when the full line-by-line
    /// check is needed. (The full check was 15 % of rendering a thousand voorstellen.)
    private static func quickCount(_ text: String, budget: inout Budget) -> [Problem]? {
        var atSigns = 0
        var leading = 0
        var atLineStart = true
        var previous: UInt8 = 0
        let complete = text.withUTF8Bytes { bytes -> Bool in
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "|"): return false
                case UInt8(ascii: "@"): atSigns += 1
                // Footnotes need the line-by-line count (definitions and code are not references).
                case UInt8(ascii: "^") where previous == UInt8(ascii: "["): return false
                case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                    atLineStart = true
                    leading = 0
                    previous = byte
                    continue
                default: break
                }
                if atLineStart {
                    if Self.isContainerByte(byte) {
                        leading += 1
                        if leading >= Limits.maximumMarkdownNesting + 1 { return false }
                    } else {
                        atLineStart = false
                    }
                }
                previous = byte
            }
            return true
        }
        guard complete else { return nil }
        // Crossing a per-file limit here: the full check finds and reports the exact line.
        if budget.atSigns + atSigns > Limits.maximumAtSigns && budget.atSigns <= Limits.maximumAtSigns { return nil }
        budget.atSigns += atSigns
        return []
    }

    private static func isContainerByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: ">"), UInt8(ascii: "-"), UInt8(ascii: "*"),
            UInt8(ascii: "+"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: ")"):
            true
        default: false
        }
    }

    private enum Byte {
        static let newline = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r"), pipe = UInt8(ascii: "|"),
            colon = UInt8(ascii: ":")
        static let dash = UInt8(ascii: "-")
        static func isSpaceOrTab(_ b: UInt8) -> Bool { b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") }
        static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
    }

    /// `[^` in a line.
    static func footnoteMarks(_ bytes: [UInt8], _ line: Range<Int>) -> Int {
        guard line.count >= 2 else { return 0 }
        var found = 0
        for i in line.lowerBound..<(line.upperBound - 1)
        where bytes[i] == UInt8(ascii: "[") && bytes[i + 1] == UInt8(ascii: "^") {
            found += 1
        }
        return found
    }

    /// Block quote and list markers at the start of a line: how many, and what follows them.
    static func containers(_ bytes: [UInt8], _ line: Range<Int>) -> (depth: Int, rest: Range<Int>) {
        var i = line.lowerBound
        let end = line.upperBound
        var depth = 0
        while true {
            while i < end, Byte.isSpaceOrTab(bytes[i]) { i += 1 }
            guard i < end else { return (depth, i..<end) }
            let first = bytes[i]
            if first == UInt8(ascii: ">") {
                depth += 1
                i += 1
                continue
            }
            if first == Byte.dash || first == UInt8(ascii: "*") || first == UInt8(ascii: "+"), i + 1 < end,
                Byte.isSpaceOrTab(bytes[i + 1])
            {
                depth += 1
                i += 2
                continue
            }
            var j = i
            while j < end, Byte.isDigit(bytes[j]) { j += 1 }
            if (1...9).contains(j - i), j + 1 < end, bytes[j] == UInt8(ascii: ".") || bytes[j] == UInt8(ascii: ")"),
                Byte.isSpaceOrTab(bytes[j + 1])
            {
                depth += 1
                i = j + 2
                continue
            }
            return (depth, i..<end)
        }
    }

    /// The number of columns when `line` is a GFM table delimiter row (`|---|:-:|`), else nil.
    static func delimiterColumns(_ bytes: [UInt8], _ line: Range<Int>) -> Int? {
        var end = line.upperBound
        while end > line.lowerBound, Byte.isSpaceOrTab(bytes[end - 1]) { end -= 1 }
        let text = bytes[line.lowerBound..<end]
        guard text.contains(Byte.dash) else { return nil }
        let hasPipe = text.contains(Byte.pipe)
        var cells = text.split(separator: Byte.pipe, omittingEmptySubsequences: false)
        if text.first == Byte.pipe { cells.removeFirst() }
        if text.last == Byte.pipe, !cells.isEmpty { cells.removeLast() }
        guard !cells.isEmpty, hasPipe || cells.count == 1 else { return nil }
        for cell in cells {
            var core = cell.drop(while: Byte.isSpaceOrTab)
            while let l = core.last, Byte.isSpaceOrTab(l) { core.removeLast() }
            guard !core.isEmpty else { return nil }
            if core.first == Byte.colon { core = core.dropFirst() }
            if core.last == Byte.colon { core = core.dropLast() }
            guard !core.isEmpty, core.allSatisfy({ $0 == Byte.dash }) else { return nil }
        }
        // A lone `---` is a thematic break or setext underline, not a table.
        return hasPipe ? cells.count : nil
    }
}
