/// YAML text that means exactly what it says: the one writer of quoted scalars and comment
/// lines, shared by `stukken new` and the form's "Download YAML" so the two cannot differ.
package enum YAMLScalar {
    /// A double-quoted YAML scalar: safe for any text. Whatever `isRaw` does not allow is
    /// escaped, so the file holds no line break it did not mean and no invisible character.
    package static func quoted(_ text: String) -> String {
        var out = "\""
        for c in text.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where isRaw(c): out.unicodeScalars.append(c)
            default: out += escape(c)
            }
        }
        return out + "\""
    }

    /// A character the file may hold as itself: libyaml reads it as that character and no
    /// line break (not CR, NEL U+0085, LS U+2028, PS U+2029), and it is no control or
    /// invisible format character (bidi marks, a BOM), which the reader refuses in a file's
    /// text. Tab only inside a line.
    package static func isRaw(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x09, 0x20...0x7E: return true
        case 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF:
            switch c.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate: return false
            default: return true
            }
        default: return false
        }
    }

    /// `\u2028`: an escape the reader turns back into the same character.
    package static func escape(_ c: Unicode.Scalar) -> String {
        let hex = String(c.value, radix: 16, uppercase: true)
        let width = c.value > 0xFFFF ? 8 : 4
        return (width == 8 ? "\\U" : "\\u") + String(repeating: "0", count: max(0, width - hex.count)) + hex
    }

    /// Text for a `# …` comment line: every line break a space, every other character that
    /// `isRaw` refuses a visible `�`, so a comment stays one comment line.
    package static func comment(_ text: String) -> String {
        var out = ""
        for c in text.unicodeScalars {
            switch c {
            case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}": out += " "
            case _ where isRaw(c): out.unicodeScalars.append(c)
            default: out += "\u{FFFD}"
            }
        }
        return out
    }
}
