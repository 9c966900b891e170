import Mustache

/// HTML escaping for every `.html` template, byte by byte.
///
/// swift-mustache escapes by looking up each `Character` (a grapheme cluster) in a table.
/// A quote followed by a combining mark (`"\u{338}`) is one Character that is not in the
/// table, so it went out unescaped and ended an attribute value early (a PDF page's
/// `data-onderwerp="{{onderwerp}}"`). Here every `<`, `>`, `&`, `"` and `'` byte is
/// escaped whatever follows it, the same five entities as before. A value with none of
/// them (nearly all) is returned as it is, without a copy: escaping character by character
/// was a visible part of rendering a page (measured).
public enum HTMLEscaping {
    public static func escape(_ text: String) -> String {
        text.withUTF8Bytes { bytes -> String? in
            guard let first = bytes.firstIndex(where: isSpecial) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 32)
            out.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                switch byte {
                case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
                default: out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    private static func isSpecial(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
            || byte == UInt8(ascii: "\"")
            || byte == UInt8(ascii: "'")
    }
}

/// The content type `TemplateSet` gives every `.html` template (registered as `HTML`, so a
/// template's own `{{%CONTENT_TYPE: HTML}}` means it too).
struct HTMLBytesContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { HTMLEscaping.escape(text) }
}
