import Foundation

/// An image the PDF was made without, as the driver (`WeasyPrintDriver`) reports it.
struct RefusedImage: Decodable, Equatable, Sendable {
    enum Reason: String, Decodable, Sendable {
        /// `http:`, `https:`, `//host/…` or any scheme but `file:` and `data:`.
        case netwerk
        /// A file, but not in the stuk's folder (`..`, an absolute path, a symbolic link out).
        case buitenMap = "buiten-map"
        /// A file, while this PDF reads none (the form, a pack).
        case geenMap = "geen-map"
        /// Not a .png, .jpg, .gif or .svg file, or a `data:` URL that is no image.
        case geenAfbeelding = "geen-afbeelding"
        case nietGevonden = "niet-gevonden"
        /// Read, but WeasyPrint could not make an image of it.
        case onleesbaar
    }

    /// The URL as WeasyPrint asked for it.
    var url: String
    /// The page's relative `src` values that became `url`; empty for an absolute one.
    var srcs: [String]
    var reason: Reason
}

extension RefusedImage {
    /// One warning for each place the image is named, located in the stuk's source where
    /// its text can be found there (an image named inside an SVG cannot).
    func diagnostics(for stuk: Stuk) -> [Diagnostic] {
        let written = srcs.isEmpty ? [url] : srcs
        return written.map { text in
            let message = PDFMessage.imageLeftOut(text, reason: reason)
            guard let place = Self.find(text, in: stuk.source.text) else {
                return Diagnostic(.warning, file: stuk.source.path, message: message)
            }
            let field = Self.markdownFields(of: stuk.record).last { $0.location.line <= place.line }?.path
            return Diagnostic(
                .warning, file: stuk.source.path, line: place.line, column: place.column, field: field,
                message: message)
        }
    }

    /// The first place `text` (or its percent-decoded form: cmark encodes spaces and
    /// non-ASCII in a URL) stands in `source`: 1-based line and column, counted in Unicode
    /// scalars as the YAML reader and `DiagnosticPrinter` count.
    static func find(_ text: String, in source: String) -> (line: Int, column: Int)? {
        let candidates = [text, text.removingPercentEncoding].compactMap { $0 }.filter { !$0.isEmpty }
        guard let range = candidates.lazy.compactMap({ source.range(of: $0) }).first else { return nil }
        var line = 1
        var column = 1
        for scalar in source.unicodeScalars[..<range.lowerBound] {
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }

    /// Every Markdown field with where it starts, in source order: the field an image
    /// stands in is the last one that starts before it.
    static func markdownFields(of record: Record, path: String = "") -> [(path: String, location: SourceLocation)] {
        var fields: [(path: String, location: SourceLocation)] = []
        for (key, value) in record.values {
            let fieldPath = path.isEmpty ? key : "\(path).\(key)"
            switch value {
            case .markdown:
                if let location = record.locations[key] { fields.append((fieldPath, location)) }
            case .list(let items):
                for (i, item) in items.enumerated() {
                    let itemPath = "\(fieldPath)[\(i + 1)]"
                    switch item {
                    case .markdown:
                        if let location = record.location(of: key, item: i) { fields.append((itemPath, location)) }
                    case .record(let r): fields += markdownFields(of: r, path: itemPath)
                    default: break
                    }
                }
            case .record(let r): fields += markdownFields(of: r, path: fieldPath)
            default: break
            }
        }
        return fields.sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
    }
}
