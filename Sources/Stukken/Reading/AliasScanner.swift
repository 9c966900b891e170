/// Finds YAML anchors (`&name`) and aliases (`*name`) before Yams sees the text.
///
/// Why: Yams expands aliases eagerly, so a 400-byte "billion laughs" file takes half a
/// minute, and an alias used as a key is as slow inside its duplicate-key check. Our
/// documents never need anchors, and `*` at the start of a value is nearly always
/// Markdown emphasis the author meant as text (seed 002: `- *Folder weerbaarheidsscan*`).
///
/// This is a line scanner, not a YAML parser: it knows just enough (comments, quotes,
/// block scalars, plain-scalar continuation lines, flow collections) to tell where a
/// node can start, which is the only place `&` and `*` are indicators.
struct AliasScanner {
    struct Finding: Equatable {
        enum Kind { case anchor, alias }
        var kind: Kind
        var name: String
        var line: Int
        var column: Int
    }

    static func scan(_ text: String) -> [Finding] {
        var findings: [Finding] = []
        var blockScalarIndent: Int? = nil  // inside `|`/`>` content: lines deeper than this
        var plainParentIndent: Int? = nil  // a plain scalar may continue on deeper lines
        var openQuote: Character? = nil  // a quoted scalar spanning lines
        var flowDepth = 0

        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = Array(rawLine.unicodeScalars.map(Character.init))
            let indent = line.prefix { $0 == " " }.count
            let isBlank = line.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }

            if let blockIndent = blockScalarIndent {
                if isBlank || indent > blockIndent { continue }
                blockScalarIndent = nil
            }
            if let parent = plainParentIndent, openQuote == nil, flowDepth == 0 {
                if isBlank { continue }
                if indent > parent && !looksLikeKey(line, from: indent) { continue }
                plainParentIndent = nil
            }

            var i = 0
            var atNodeStart = openQuote == nil
            if let quote = openQuote {
                i = skipQuoted(line, from: 0, quote: quote, open: &openQuote)
                atNodeStart = false
            }
            while i < line.count {
                let c = line[i]
                if c == " " || c == "\t" || c == "\r" {
                    i += 1
                    continue
                }
                if c == "#" && (i == 0 || line[i - 1] == " " || line[i - 1] == "\t") { break }
                if atNodeStart {
                    switch c {
                    case "&", "*":
                        var j = i + 1
                        while j < line.count, !" \t\r,[]{}".contains(line[j]) { j += 1 }
                        findings.append(
                            Finding(
                                kind: c == "&" ? .anchor : .alias, name: String(line[(i + 1)..<j]),
                                line: lineNumber, column: i + 1))
                        i = j
                        continue
                    case "!":
                        while i < line.count, line[i] != " " { i += 1 }
                        continue
                    case "-", "?":
                        if i + 1 >= line.count || line[i + 1] == " " {
                            i += 1
                            continue
                        }
                    case "|", ">":
                        if flowDepth == 0 {
                            blockScalarIndent = indent
                            i = line.count
                            continue
                        }
                    case "\"", "'":
                        openQuote = c
                        i = skipQuoted(line, from: i + 1, quote: c, open: &openQuote)
                        atNodeStart = false
                        continue
                    case "[", "{":
                        flowDepth += 1
                        i += 1
                        continue
                    default:
                        break
                    }
                }
                switch c {
                case "[", "{":
                    flowDepth += 1
                    atNodeStart = true
                    i += 1
                case "]", "}":
                    flowDepth = max(0, flowDepth - 1)
                    atNodeStart = false
                    i += 1
                case "," where flowDepth > 0:
                    atNodeStart = true
                    i += 1
                case ":" where i + 1 >= line.count || " \t\r".contains(line[i + 1]) || flowDepth > 0:
                    atNodeStart = true
                    i += 1
                default:
                    // A plain scalar: runs to `: `, ` #` or (in flow) a flow indicator.
                    if atNodeStart && flowDepth == 0 { plainParentIndent = indent }
                    atNodeStart = false
                    i += 1
                    while i < line.count {
                        let d = line[i]
                        if d == ":" && (i + 1 >= line.count || " \t\r".contains(line[i + 1])) { break }
                        if d == "#" && (line[i - 1] == " " || line[i - 1] == "\t") { break }
                        if flowDepth > 0 && ",[]{}:".contains(d) { break }
                        i += 1
                    }
                }
            }
            // A line that ended right after `key:` or `-` opens a nested block, not a scalar.
            if atNodeStart { plainParentIndent = nil }
        }
        return findings
    }

    private static func looksLikeKey(_ line: [Character], from start: Int) -> Bool {
        var i = start
        if i < line.count, line[i] == "-", i + 1 >= line.count || line[i + 1] == " " { return true }
        while i < line.count {
            if line[i] == ":" && (i + 1 >= line.count || line[i + 1] == " ") { return true }
            if line[i] == " " && i + 1 < line.count && line[i + 1] == "#" { return false }
            i += 1
        }
        return false
    }

    /// Skips to just past the closing quote; leaves `open` set when the line ends first.
    private static func skipQuoted(_ line: [Character], from start: Int, quote: Character, open: inout Character?) -> Int {
        var i = start
        while i < line.count {
            let c = line[i]
            if quote == "\"" && c == "\\" {
                i += 2
                continue
            }
            if c == quote {
                if quote == "'" && i + 1 < line.count && line[i + 1] == "'" {
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
