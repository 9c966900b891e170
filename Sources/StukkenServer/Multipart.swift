import Foundation
import Stukken

/// The one file of a `multipart/form-data` upload ("Open YAML").
///
/// One pass over the body: a delimiter is `CRLF--boundary`, and a boundary holds no CR
/// (RFC 2046), so a comparison that starts at one CR ends before the next. The work is
/// linear in the body whatever the boundary, and a boundary longer than the RFC's 70
/// characters is refused before the body is looked at.
enum Multipart {
    struct File: Equatable {
        var fileName: String
        var bytes: [UInt8]
    }

    enum Problem: Error, Equatable {
        /// No `multipart/form-data` with a usable boundary.
        case badBoundary
        /// No part by that name.
        case noFile
    }

    static let maximumBoundary = 70
    /// The headers of one part; a browser sends two short lines.
    static let maximumPartHeaders = 8 * 1024

    static func file(named name: String, in body: [UInt8], contentType: String) -> Result<File, Problem> {
        guard let boundary = boundary(contentType) else { return .failure(.badBoundary) }
        for part in parts(of: body, delimiter: Array("\r\n--\(boundary)".utf8)) {
            guard let (disposition, content) = split(part), disposition.name == name else { continue }
            return .success(File(fileName: disposition.fileName ?? "", bytes: Array(content)))
        }
        return .failure(.noFile)
    }

    /// An uploaded file's name as the page shows it: the last part of a path, at most 120
    /// characters, with every invisible character shown as `�` (see `visible`).
    static func displayName(_ fileName: String) -> String {
        let last = fileName.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        return last.isEmpty ? "bestand.yaml" : visible(last, limit: 120)
    }

    /// Text from a request as a page shows it: at most `limit` characters (then `…`), and
    /// every character that is no visible text (a bidi override such as U+202E that would
    /// show `a<U+202E>lmth.yaml` as `ayaml.html`, a control, a line break, a tab) as `�`.
    static func visible(_ text: String, limit: Int) -> String {
        var shown = ""
        for c in text.unicodeScalars.prefix(limit) {
            shown.unicodeScalars.append(YAMLScalar.isRaw(c) && c != "\t" ? c : "\u{FFFD}")
        }
        return text.unicodeScalars.count > limit ? shown + "…" : shown
    }

    /// The boundary parameter of a `multipart/form-data` content type: 1 to 70 of the
    /// characters RFC 2046 allows, quoted or not.
    static func boundary(_ contentType: String) -> String? {
        let parameters = HeaderParameters.parse(contentType)
        guard parameters.value.lowercased() == "multipart/form-data", let boundary = parameters["boundary"],
            (1...maximumBoundary).contains(boundary.utf8.count), !boundary.hasSuffix(" "),
            boundary.utf8.allSatisfy(isBoundaryCharacter)
        else { return nil }
        return boundary
    }

    static func isBoundaryCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "A")...UInt8(ascii: "Z"):
            return true
        default:
            return Array("'()+_,-./:=? ".utf8).contains(byte)
        }
    }

    /// The bytes between consecutive delimiters (the preamble before the first and whatever
    /// follows the closing `--` are no parts).
    static func parts(of body: [UInt8], delimiter: [UInt8]) -> [ArraySlice<UInt8>] {
        // The first delimiter may open the body without the CRLF before it.
        let text = [13, 10] + body
        var starts: [Int] = []
        var ends: [Int] = []
        var i = 0
        while let cr = text[i...].firstIndex(of: 13) {
            var matched = 0
            while matched < delimiter.count, cr + matched < text.count, text[cr + matched] == delimiter[matched] {
                matched += 1
            }
            guard matched == delimiter.count else {
                i = cr + max(matched, 1)
                continue
            }
            ends.append(cr)
            let after = cr + matched
            if text[after...].starts(with: [45, 45]) { break }  // `--`: the closing delimiter
            starts.append(after)
            i = after
        }
        return zip(starts, ends.dropFirst()).map { start, end in
            // The rest of the delimiter line (transport padding) up to its CRLF.
            let line = text[start..<end].firstIndex(of: 10).map { $0 + 1 } ?? end
            return text[line..<end]
        }
    }

    /// A part's Content-Disposition and its content.
    static func split(_ part: ArraySlice<UInt8>) -> (HeaderParameters, ArraySlice<UInt8>)? {
        let limit = min(part.endIndex, part.startIndex + maximumPartHeaders)
        var headerEnd: Int? = nil
        var i = part.startIndex
        while i + 3 < limit {
            if part[i] == 13, part[i + 1] == 10, part[i + 2] == 13, part[i + 3] == 10 {
                headerEnd = i
                break
            }
            i += 1
        }
        guard let headerEnd else { return nil }
        let headers = String(decoding: part[part.startIndex..<headerEnd], as: UTF8.self)
        for line in headers.split(separator: "\r\n") {
            guard let colon = line.firstIndex(of: ":"),
                line[..<colon].lowercased() == "content-disposition"
            else { continue }
            let disposition = HeaderParameters.parse(String(line[line.index(after: colon)...]))
            guard disposition.value.lowercased() == "form-data" else { return nil }
            return (disposition, part[(headerEnd + 4)...])
        }
        return nil
    }
}

/// A header value with parameters: `form-data; name="bestand"; filename="a;b.yaml"`.
/// Quoted strings may hold `;` and `\"`.
struct HeaderParameters: Equatable {
    var value: String
    var parameters: [String: String]

    subscript(name: String) -> String? { parameters[name] }
    var name: String? { parameters["name"] }
    var fileName: String? { parameters["filename"] }

    static func parse(_ header: String) -> HeaderParameters {
        var rest = Substring(header)
        let value = rest.prefix { $0 != ";" }
        rest = rest[value.endIndex...]
        var parameters: [String: String] = [:]
        while rest.first == ";" {
            rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
            let key = rest.prefix { $0 != "=" && $0 != ";" }
            rest = rest[key.endIndex...]
            guard rest.first == "=" else { continue }
            rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
            var text = ""
            if rest.first == "\"" {
                rest = rest.dropFirst()
                while let c = rest.first, c != "\"" {
                    rest = rest.dropFirst()
                    if c == "\\", let next = rest.first {
                        text.append(next)
                        rest = rest.dropFirst()
                    } else {
                        text.append(c)
                    }
                }
                rest = rest.dropFirst()
                rest = rest[(rest.firstIndex(of: ";") ?? rest.endIndex)...]
            } else {
                let token = rest.prefix { $0 != ";" }
                text = token.trimmingCharacters(in: .whitespaces)
                rest = rest[token.endIndex...]
            }
            // First one wins: a second `name=` cannot redirect the part.
            let name = key.trimmingCharacters(in: .whitespaces).lowercased()
            if parameters[name] == nil { parameters[name] = text }
        }
        return HeaderParameters(value: value.trimmingCharacters(in: .whitespaces), parameters: parameters)
    }
}
