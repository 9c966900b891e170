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
    /// Built as UTF-8 bytes with the special characters (all ASCII) found by a `switch`:
    /// a `Set<Unicode.Scalar>` lookup hashed every character, and escaping was 6 % of
    /// rendering a thousand voorstellen.
    public static func escape(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        var pendingSpace = false
        var previous: Unicode.Scalar? = nil
        var onlyDigitsSoFar = true
        var w = 0  // how many of the last scalars were `w` or `W` (for `www.`), up to 3
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let isWhitespace = v < 0x80 ? (v == 0x20 || (v >= 0x09 && v <= 0x0D)) : scalar.properties.isWhitespace
            if isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(0x20)
                pendingSpace = false
                onlyDigitsSoFar = false
            }
            let atValueStart = out.isEmpty
            var escape: Bool
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "<", "&", "|", "~", ":", "@": escape = true
            case "-", "+", "=", "#", ">": escape = atValueStart
            case ".", ")": escape = onlyDigitsSoFar && !atValueStart || (scalar == "." && w >= 3)
            default: escape = false
            }
            if escape { out.append(UInt8(ascii: "\\")) }
            if v < 0x80 {
                out.append(UInt8(v))
            } else {
                out.append(contentsOf: String(scalar).utf8)
            }
            if scalar == "@", let p = previous, p.properties.isAlphanumericLike {
                // The autolink extension links `name@host.nl` even when `@` is escaped;
                // an empty comment (dropped in safe mode) splits the address unseen.
                out.append(contentsOf: "<!---->".utf8)
            }
            if !(v >= 0x30 && v <= 0x39) { onlyDigitsSoFar = false }
            w = (v == 0x77 || v == 0x57) ? min(w + 1, 3) : 0
            previous = scalar
        }
        return String(decoding: out, as: UTF8.self)
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
