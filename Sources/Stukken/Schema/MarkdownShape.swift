/// A structural pre-check of Markdown fields, before libcmark-gfm sees them.
///
/// Why: Debian's libcmark-gfm 0.29.0.gfm.6 has inputs that take superlinear time. Measured
/// here (README, "Limits"): the table extension pads every body row to the header's width
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
        /// note made 14.6 MB of HTML from 250 KB).
        var footnoteReferences = 0
        /// `@`: the autolink extension looks for an e-mail address around every one
        /// (255 KB of `a@a@…` took 0.76 s of CPU, over a second on a busy machine).
        var atSigns = 0
    }

    static func problems(in text: String, budget: inout Budget) -> [Problem] {
        if let quick = quickCount(text, budget: &budget) { return quick }
        var result: [Problem] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
        var i = 0
        var reportedCells = budget.cells > Limits.maximumTableCells
        var reportedFootnotes = budget.footnoteReferences > Limits.maximumFootnoteReferences
        var reportedAtSigns = budget.atSigns > Limits.maximumAtSigns
        while i < lines.count {
            budget.atSigns += lines[i].utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "@") ? 1 : 0) }
            if budget.atSigns > Limits.maximumAtSigns && !reportedAtSigns {
                result.append(Problem(kind: .tooManyAtSigns(budget.atSigns), line: i + 1))
                reportedAtSigns = true
            }
            budget.footnoteReferences += lines[i].utf8.count < 2 ? 0 : count("[^", in: lines[i])
            if budget.footnoteReferences > Limits.maximumFootnoteReferences && !reportedFootnotes {
                result.append(Problem(kind: .tooManyFootnoteReferences(budget.footnoteReferences), line: i + 1))
                reportedFootnotes = true
            }
            let (depth, rest) = containers(lines[i])
            // Once per field: a pasted outline would otherwise give an error per line.
            if depth > Limits.maximumMarkdownNesting && !result.contains(where: { if case .nestedTooDeep = $0.kind { true } else { false } }) {
                result.append(Problem(kind: .nestedTooDeep(depth), line: i + 1))
            }
            if i > 0, let columns = delimiterColumns(rest) {
                if columns > Limits.maximumTableColumns {
                    result.append(Problem(kind: .tooManyColumns(columns), line: i + 1))
                }
                // Body rows: every following line up to a blank one (cmark ends a table earlier at most).
                var rows = 0
                var j = i + 1
                while j < lines.count, !containers(lines[j]).rest.allSatisfy({ $0 == " " || $0 == "\t" }) {
                    rows += 1
                    j += 1
                }
                budget.cells += columns * (rows + 1)
                if budget.cells > Limits.maximumTableCells && !reportedCells {
                    result.append(Problem(kind: .tooManyCells(budget.cells), line: i + 1))
                    reportedCells = true
                }
                i = j
                continue
            }
            i += 1
        }
        return result
    }

    /// Most fields have no table (no `|`) and no line that starts with nine or more
    /// container-marker characters (the least a nesting of nine needs): then only `@` and
    /// `[^` need counting, in one pass over the bytes. Returns nil when the full line-by-line
    /// check is needed. (The full check was 15 % of rendering a thousand voorstellen.)
    private static func quickCount(_ text: String, budget: inout Budget) -> [Problem]? {
        var atSigns = 0
        var footnotes = 0
        var leading = 0
        var atLineStart = true
        var previous: UInt8 = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "|"): return nil
            case UInt8(ascii: "@"): atSigns += 1
            case UInt8(ascii: "^") where previous == UInt8(ascii: "["): footnotes += 1
            case UInt8(ascii: "\n"):
                atLineStart = true
                leading = 0
                previous = byte
                continue
            default: break
            }
            if atLineStart {
                if " \t>-*+0123456789.)".utf8.contains(byte) {
                    leading += 1
                    if leading >= Limits.maximumMarkdownNesting + 1 { return nil }
                } else {
                    atLineStart = false
                }
            }
            previous = byte
        }
        // Crossing a per-file limit here: the full check finds and reports the exact line.
        if budget.atSigns + atSigns > Limits.maximumAtSigns && budget.atSigns <= Limits.maximumAtSigns { return nil }
        if budget.footnoteReferences + footnotes > Limits.maximumFootnoteReferences
            && budget.footnoteReferences <= Limits.maximumFootnoteReferences
        {
            return nil
        }
        budget.atSigns += atSigns
        budget.footnoteReferences += footnotes
        return []
    }

    private static func count(_ needle: String, in line: Substring) -> Int {
        let n = Array(needle.utf8)
        let bytes = Array(line.utf8)
        guard bytes.count >= n.count else { return 0 }
        var found = 0
        for i in 0...(bytes.count - n.count) where bytes[i] == n[0] && bytes[i + 1] == n[1] { found += 1 }
        return found
    }

    /// Block quote and list markers at the start of a line: how many, and what follows them.
    static func containers(_ line: Substring) -> (depth: Int, rest: Substring) {
        var rest = line
        var depth = 0
        while true {
            let trimmed = rest.drop { $0 == " " || $0 == "\t" }
            guard let first = trimmed.first else { return (depth, trimmed) }
            if first == ">" {
                depth += 1
                rest = trimmed.dropFirst()
                continue
            }
            if "-*+".contains(first), trimmed.dropFirst().first.map({ $0 == " " || $0 == "\t" }) ?? false {
                depth += 1
                rest = trimmed.dropFirst(2)
                continue
            }
            let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
            if (1...9).contains(digits.count) {
                let after = trimmed.dropFirst(digits.count)
                if let marker = after.first, marker == "." || marker == ")",
                    after.dropFirst().first.map({ $0 == " " || $0 == "\t" }) ?? false
                {
                    depth += 1
                    rest = after.dropFirst(2)
                    continue
                }
            }
            return (depth, trimmed)
        }
    }

    /// The number of columns when `line` is a GFM table delimiter row (`|---|:-:|`), else nil.
    static func delimiterColumns(_ line: Substring) -> Int? {
        var text = line
        while let l = text.last, l == " " || l == "\t" { text.removeLast() }
        guard text.contains("-") else { return nil }
        var cells = text.split(separator: "|", omittingEmptySubsequences: false)
        if text.hasPrefix("|") { cells.removeFirst() }
        if text.hasSuffix("|"), !cells.isEmpty { cells.removeLast() }
        guard !cells.isEmpty, text.contains("|") || cells.count == 1 else { return nil }
        for cell in cells {
            let c = cell.trimmingSpaces
            guard !c.isEmpty else { return nil }
            var core = Substring(c)
            if core.first == ":" { core = core.dropFirst() }
            if core.last == ":" { core = core.dropLast() }
            guard !core.isEmpty, core.allSatisfy({ $0 == "-" }) else { return nil }
        }
        // A lone `---` is a thematic break or setext underline, not a table.
        return text.contains("|") ? cells.count : nil
    }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return s
    }
}
