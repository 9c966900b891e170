/// Finds YAML anchors (`&name`) and aliases (`*name`) before Yams sees the text.
///
/// Why: Yams expands aliases eagerly, so a 400-byte "billion laughs" file takes half a
/// minute, and an alias used as a key is as slow inside its duplicate-key check. Our
/// documents never need anchors, and `*` at the start of a value is nearly always
/// Markdown emphasis the author meant as text (seed 002: `- *Folder weerbaarheidsscan*`).
///
/// This is a line scanner, not a YAML parser: it knows just enough (comments, quotes,
/// block scalars, plain-scalar continuation lines, flow collections) to tell where a
/// node can start, which is the only place `&` and `*` are indicators. It reads bytes:
/// every indicator is ASCII, and a UTF-8 sequence never contains an ASCII byte.
struct AliasScanner {
    struct Finding: Equatable {
        enum Kind { case anchor, alias }
        var kind: Kind
        var name: String
        var line: Int
        var column: Int
    }

    private static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), cr = UInt8(ascii: "\r")
    private static let hash = UInt8(ascii: "#"), colon = UInt8(ascii: ":"), comma = UInt8(ascii: ",")
    private static let dash = UInt8(ascii: "-"), question = UInt8(ascii: "?"), bang = UInt8(ascii: "!")
    private static let amp = UInt8(ascii: "&"), star = UInt8(ascii: "*"), pipe = UInt8(ascii: "|")
    private static let greater = UInt8(ascii: ">"), dquote = UInt8(ascii: "\""), squote = UInt8(ascii: "'")
    private static let backslash = UInt8(ascii: "\\")
    private static let openers: Set<UInt8> = [UInt8(ascii: "["), UInt8(ascii: "{")]
    private static let closers: Set<UInt8> = [UInt8(ascii: "]"), UInt8(ascii: "}")]
    private static let nameEnd: Set<UInt8> = Set(" \t\r,[]{}".utf8)
    private static let flowIndicators: Set<UInt8> = Set(",[]{}:".utf8)

    private static func isBlank(_ b: UInt8) -> Bool { b == space || b == tab || b == cr }

    static func scan(_ text: String) -> [Finding] {
        var state = State()
        let bytes = Array(text.utf8)
        var lineNumber = 0
        var lineStart = 0
        while lineStart <= bytes.count {
            // Lines end as libyaml ends them: LF, CRLF or a lone CR (a file of CR line endings
            // read as one line once, and a `#` on its first line hid every anchor after it).
            let lineEnd = bytes[lineStart...].firstIndex { $0 == 0x0A || $0 == 0x0D } ?? bytes.count
            let crlf = lineEnd + 1 < bytes.count && bytes[lineEnd] == 0x0D && bytes[lineEnd + 1] == 0x0A
            lineNumber += 1
            state.read(Array(bytes[lineStart..<lineEnd]), number: lineNumber)
            lineStart = lineEnd + (crlf ? 2 : 1)
        }
        return state.findings
    }

    /// The scanner's state: what one line leaves open for the next, and the line being read.
    private struct State {
        var findings: [Finding] = []
        /// Inside `|`/`>` content: lines deeper than this.
        var blockScalarIndent: Int? = nil
        /// A plain scalar may continue on deeper lines.
        var plainParentIndent: Int? = nil
        /// A quoted scalar spanning lines.
        var openQuote: UInt8? = nil
        var flowDepth = 0

        var line: [UInt8] = []
        var lineNumber = 0
        var indent = 0
        var i = 0
        /// Where `&`, `*` and the other node indicators are indicators.
        var atNodeStart = false

        mutating func read(_ line: [UInt8], number: Int) {
            self.line = line
            lineNumber = number
            indent = line.prefix { $0 == space }.count
            if continuesScalar() { return }

            i = 0
            atNodeStart = openQuote == nil
            if let quote = openQuote {
                i = skipQuoted(line, from: 0, quote: quote, open: &openQuote)
                atNodeStart = false
            }
            while i < line.count {
                let c = line[i]
                if isBlank(c) {
                    i += 1
                    continue
                }
                if c == hash && (i == 0 || isBlank(line[i - 1])) { break }
                if atNodeStart && readNodeStart(c) { continue }
                readToken(c)
            }
            // A line that ended right after `key:` or `-` opens a nested block, not a scalar.
            if atNodeStart { plainParentIndent = nil }
        }

        /// Whether the line is block scalar content or a plain scalar's continuation (no
        /// indicators in either); a line that is neither ends them.
        private mutating func continuesScalar() -> Bool {
            let blankLine = line.allSatisfy(isBlank)
            if let blockIndent = blockScalarIndent {
                if blankLine || indent > blockIndent { return true }
                blockScalarIndent = nil
            }
            if let parent = plainParentIndent, openQuote == nil, flowDepth == 0 {
                if blankLine { return true }
                if indent > parent && !looksLikeKey(line, from: indent) { return true }
                plainParentIndent = nil
            }
            return false
        }

        /// An indicator that counts only where a node starts; false when `c` is none here.
        private mutating func readNodeStart(_ c: UInt8) -> Bool {
            switch c {
            case amp, star:
                readAnchorOrAlias(c)
            case bang:
                while i < line.count, line[i] != space { i += 1 }
            case dash, question:
                guard i + 1 >= line.count || line[i + 1] == space else { return false }
                i += 1
            case pipe, greater:
                guard flowDepth == 0 else { return false }
                blockScalarIndent = indent
                i = line.count
            case dquote, squote:
                openQuote = c
                i = skipQuoted(line, from: i + 1, quote: c, open: &openQuote)
                atNodeStart = false
            default:
                guard openers.contains(c) else { return false }
                flowDepth += 1
                i += 1
            }
            return true
        }

        private mutating func readAnchorOrAlias(_ c: UInt8) {
            var j = i + 1
            while j < line.count, !nameEnd.contains(line[j]) { j += 1 }
            findings.append(
                Finding(
                    kind: c == amp ? .anchor : .alias,
                    name: String(decoding: line[(i + 1)..<j], as: UTF8.self),
                    line: lineNumber, column: column(of: i, in: line)))
            i = j
        }

        /// Brackets, separators and plain scalars: whether a node may start after them.
        private mutating func readToken(_ c: UInt8) {
            if openers.contains(c) {
                flowDepth += 1
                atNodeStart = true
            } else if closers.contains(c) {
                flowDepth = max(0, flowDepth - 1)
                atNodeStart = false
            } else if c == comma && flowDepth > 0 {
                atNodeStart = true
            } else if c == colon && (i + 1 >= line.count || isBlank(line[i + 1]) || flowDepth > 0) {
                atNodeStart = true
            } else {
                skipPlainScalar()
                return
            }
            i += 1
        }

        /// A plain scalar: runs to `: `, ` #` or (in flow) a flow indicator.
        private mutating func skipPlainScalar() {
            if atNodeStart && flowDepth == 0 { plainParentIndent = indent }
            atNodeStart = false
            i += 1
            while i < line.count {
                let d = line[i]
                if d == colon && (i + 1 >= line.count || isBlank(line[i + 1])) { break }
                if d == hash && isBlank(line[i - 1]) { break }
                if flowDepth > 0 && flowIndicators.contains(d) { break }
                i += 1
            }
        }
    }

    /// 1-based column in Unicode scalars (as libyaml counts): continuation bytes don't count.
    private static func column(of index: Int, in line: [UInt8]) -> Int {
        line[..<index].reduce(1) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
    }

    private static func looksLikeKey(_ line: [UInt8], from start: Int) -> Bool {
        var i = start
        if i < line.count, line[i] == dash, i + 1 >= line.count || line[i + 1] == space { return true }
        while i < line.count {
            if line[i] == colon && (i + 1 >= line.count || line[i + 1] == space) { return true }
            if line[i] == space && i + 1 < line.count && line[i + 1] == hash { return false }
            i += 1
        }
        return false
    }

    /// Skips to just past the closing quote; leaves `open` set when the line ends first.
    private static func skipQuoted(_ line: [UInt8], from start: Int, quote: UInt8, open: inout UInt8?) -> Int {
        var i = start
        while i < line.count {
            let c = line[i]
            if quote == dquote && c == backslash {
                i += 2
                continue
            }
            if c == quote {
                if quote == squote && i + 1 < line.count && line[i + 1] == squote {
                    i += 2
                    continue
                }
                open = nil
                return i + 1
            }
            i += 1
        }
        open = quote
        return line.count
    }
}
