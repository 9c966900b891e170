/// The YAML nesting pre-check's scanner (see `YAMLReader.tooDeep`): over the bytes, once.
///
/// It must never see fewer open flow brackets than libyaml would, so it errs towards
/// counting: a bracket is skipped only when it is certainly inside a quoted scalar or a
/// comment. A quote opens a quoted scalar only where a scalar can start (after
/// indentation, `- `, `: `, `? `, `[`, `{` or `,`) and ends at its unescaped closing quote
/// (`\"` and `''` are escapes). A quoted scalar left open at a line's end may go on, or
/// may have been no quote at all (a `"` in a block scalar): on the lines after it, nothing
/// is skipped and no closing bracket counted until that quote character comes (its end).
enum FlowDepth {
    struct Found {
        var line: Int
        var column: Int
        /// Too deep by indentation (block nesting), not by brackets.
        var indentation: Bool
    }

    static func firstTooDeep(_ bytes: UnsafeBufferPointer<UInt8>) -> Found? {
        var scanner = Scanner(bytes: bytes)
        return scanner.run()
    }

    /// The scan's state: the bracket depth and a quote left open carry over lines, the rest is per line.
    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        let n: Int
        var depth = 0
        var line = 1
        var i = 0
        /// The quote of a quoted scalar still open at the end of the line before.
        var open: UInt8? = nil
        var lineStart = 0
        var scalarMayStart = false
        var previous = Byte.space

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            n = bytes.count
        }

        mutating func run() -> Found? {
            while i < n {
                lineStart = i
                guard skipIndentation() else { return Found(line: line, column: 1, indentation: true) }
                scalarMayStart = open == nil
                previous = Byte.space
                if let at = readContent() { return Found(line: line, column: column(at), indentation: false) }
                // The line break: LF, CRLF or a lone CR (as libyaml counts lines).
                if i < n, bytes[i] == Byte.cr, i + 1 < n, bytes[i + 1] == Byte.lf { i += 1 }
                i += 1
                line += 1
            }
            return nil
        }

        /// Spaces and `- ` sequence markers (a dash before anything else starts a plain scalar);
        /// false when they nest too deep.
        private mutating func skipIndentation() -> Bool {
            var indent = 0
            while i < n, bytes[i] == Byte.space || (bytes[i] == Byte.dash && (isEnd(i + 1) || isBlank(i + 1))) {
                indent += 1
                if indent > Limits.maximumIndentation { return false }
                i += 1
            }
            return true
        }

        /// To the line's end; the index of a bracket that nests too deep, if any.
        private mutating func readContent() -> Int? {
            while !isEnd(i) {
                let byte = bytes[i]
                if let quote = open, passOpenQuote(byte, quote) { continue }
                if skipQuotedOrComment(byte) { continue }
                if countStructure(byte) { return i }
                previous = bytes[i]
                i += 1
            }
            return nil
        }

        /// Only brackets count until the open quote's character; true when `byte` was an escape or
        /// that quote (its end: what follows is read as usual, the quote itself opens nothing).
        private mutating func passOpenQuote(_ byte: UInt8, _ quote: UInt8) -> Bool {
            if byte == Byte.backslash && quote == Byte.doubleQuote {
                i += isEnd(i + 1) ? 1 : 2
                return true
            }
            guard byte == quote else { return false }
            open = nil
            scalarMayStart = false
            previous = byte
            i += 1
            return true
        }

        /// Skips a quoted scalar or a comment; true when it reached the line's end.
        private mutating func skipQuotedOrComment(_ byte: UInt8) -> Bool {
            switch byte {
            case _ where open != nil || (Byte.isQuote(byte) && !scalarMayStart):
                // Inside a quote left open (brackets count), or a quote character in a plain scalar.
                return false
            case Byte.doubleQuote, Byte.singleQuote:
                i = skipQuoted(byte, from: i + 1)
                if isEnd(i) {
                    open = byte
                    return true
                }
                scalarMayStart = false
                return false
            case Byte.hash where previous == Byte.space || previous == Byte.tab:
                while !isEnd(i) { i += 1 }
                return true
            default:
                return false
            }
        }

        /// Brackets, and whether a scalar may start after `byte`; true when a bracket nests too deep.
        private mutating func countStructure(_ byte: UInt8) -> Bool {
            switch byte {
            case Byte.openBracket, Byte.openBrace:
                depth += 1
                if depth > Limits.maximumNesting { return true }
                scalarMayStart = true
            case Byte.closeBracket, Byte.closeBrace:
                // In a quote left open a bracket may be text: an opening one counts, a closing one not.
                if open == nil { depth = max(0, depth - 1) }
                scalarMayStart = false
            case Byte.comma:
                scalarMayStart = true
            case Byte.colon, Byte.dash, Byte.question:
                scalarMayStart = isEnd(i + 1) || isBlank(i + 1)
            case Byte.space, Byte.tab:
                break
            default:
                scalarMayStart = false
            }
            return false
        }

        /// From the byte after an opening quote: the closing quote's index, or the line's end.
        private func skipQuoted(_ quote: UInt8, from start: Int) -> Int {
            var j = start
            while !isEnd(j) {
                if bytes[j] == Byte.backslash && quote == Byte.doubleQuote {
                    j += isEnd(j + 1) ? 1 : 2
                    continue
                }
                if bytes[j] == quote {
                    guard quote == Byte.singleQuote, j + 1 < n, bytes[j + 1] == Byte.singleQuote else { return j }
                    j += 1
                }
                j += 1
            }
            return j
        }

        private func isEnd(_ at: Int) -> Bool { at >= n || bytes[at] == Byte.lf || bytes[at] == Byte.cr }
        private func isBlank(_ at: Int) -> Bool { at < n && (bytes[at] == Byte.space || bytes[at] == Byte.tab) }
        /// Characters, not bytes, for the report.
        private func column(_ at: Int) -> Int {
            bytes[lineStart...at].reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
        }
    }

    private enum Byte {
        static let lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r"), space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
        static let dash = UInt8(ascii: "-"), doubleQuote = UInt8(ascii: "\""), singleQuote = UInt8(ascii: "'")
        static let backslash = UInt8(ascii: "\\"), hash = UInt8(ascii: "#"), comma = UInt8(ascii: ","),
            colon = UInt8(ascii: ":")
        static let question = UInt8(ascii: "?"), openBracket = UInt8(ascii: "["), closeBracket = UInt8(ascii: "]")
        static let openBrace = UInt8(ascii: "{"), closeBrace = UInt8(ascii: "}")
        static func isQuote(_ b: UInt8) -> Bool { b == doubleQuote || b == singleQuote }
    }
}
