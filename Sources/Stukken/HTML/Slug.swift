import Foundation

/// Heading anchors that stay the same as long as the heading text does, so an agenda
/// can deep-link into a notitie.
///
/// The rule (docs/architectuur.md, "Heading anchors"): lower-case; letters with accents lose them
/// (é → e); every run of characters other than a–z and 0–9 becomes one `-`; leading and
/// trailing `-` go; an empty result is `sectie`; a repeated slug gets `-2`, `-3`, ….
public enum Slug {
    public static func make(_ text: String) -> String {
        // Only text with accents needs Foundation's decomposition (measured: it was most
        // of the slug's cost, for headings that are nearly always plain ASCII).
        let decomposed = text.utf8.allSatisfy { $0 < 0x80 } ? text : text.decomposedStringWithCanonicalMapping
        var out = ""
        var pendingDash = false
        for scalar in decomposed.unicodeScalars {
            let v = scalar.value
            let ascii: Character?
            switch v {
            case 0x30...0x39, 0x61...0x7A: ascii = Character(scalar)
            case 0x41...0x5A: ascii = Character(Unicode.Scalar(v + 32)!)
            case 0x300...0x36F: continue  // combining accents
            default: ascii = nil
            }
            if let c = ascii {
                if pendingDash && !out.isEmpty { out += "-" }
                pendingDash = false
                out.append(c)
            } else {
                pendingDash = true
            }
        }
        return out.isEmpty ? "sectie" : out
    }

    struct Registry {
        private var used: [String: Int] = [:]
        mutating func unique(_ slug: String) -> String {
            let n = (used[slug] ?? 0) + 1
            used[slug] = n
            return n == 1 ? slug : "\(slug)-\(n)"
        }
    }
}
