import Mustache

/// How plain values enter Markdown: as text, never as structure.
///
/// Characters that mean something anywhere in a line get a backslash: `\` `` ` `` `*`
/// `_` `[` `]` `<` `&` `|` `~` `:` `@`. Characters that only mean something where a block
/// starts (`-` `+` `=` `#` `>`, and `.` or `)` after leading digits, as in `2016.`) are
/// escaped when they open the value, which is where a block could start, because every
/// value is escaped as if it stood at the start of a line. `www.` gets its dot escaped
/// so the autolink extension leaves it alone. Whitespace runs, line breaks included,
/// fold to one space, so a value can never open a new line or block.
///
/// The rest (`.` `,` `;` `'` `"` `(` …) stays as typed, so the Markdown stays readable.
public enum MarkdownEscaping {
    static let everywhere: Set<Unicode.Scalar> = Set("\\`*_[]<&|~:@".unicodeScalars)
    static let atStart: Set<Unicode.Scalar> = Set("-+=#>".unicodeScalars)

    public static func escape(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        var previous: Unicode.Scalar? = nil
        var onlyDigitsSoFar = true
        var letters: [Unicode.Scalar] = []  // the last three, for `www.`
        for scalar in text.unicodeScalars {
            let isWhitespace = scalar.isASCII ? (scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0D)) : scalar.properties.isWhitespace
            if isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
                onlyDigitsSoFar = false
            }
            let atValueStart = out.isEmpty
            var escape = everywhere.contains(scalar) || (atValueStart && atStart.contains(scalar))
            if (scalar == "." || scalar == ")") && onlyDigitsSoFar && !atValueStart { escape = true }
            if scalar == "." && letters.count == 3 && String(String.UnicodeScalarView(letters)).lowercased() == "www" {
                escape = true
            }
            if escape { out.append("\\") }
            out.append(scalar)
            if scalar == "@", let p = previous, p.properties.isAlphanumericLike {
                // The autolink extension links `name@host.nl` even when `@` is escaped;
                // an empty comment (dropped in safe mode) splits the address unseen.
                out.append(contentsOf: "<!---->".unicodeScalars)
            }
            if !("0"..."9").contains(scalar) { onlyDigitsSoFar = false }
            letters.append(scalar)
            if letters.count > 3 { letters.removeFirst() }
            previous = scalar
        }
        return String(out)
    }
}

/// The `MARKDOWN` content type every Markdown template and partial declares with
/// `{{%CONTENT_TYPE: MARKDOWN}}`.
struct MarkdownContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { MarkdownEscaping.escape(text) }
}

extension Unicode.Scalar.Properties {
    fileprivate var isAlphanumericLike: Bool { isAlphabetic || numericType != nil }
}
