import Foundation

/// A stuk the plan has checked, kept as what the pack needs to decide with, not as the
/// loaded document.
///
/// A loaded `Stuk` costs ~30 KB (source, record, typed model); a meeting of ten thousand
/// items held them all and needed 330 MB before writing a byte. The plan keeps these
/// facts and a hash of the source instead; a page loads its stuk again when it is
/// rendered (`load()`), and a source that changed since it was checked is refused rather
/// than published unchecked. (A second parse per page: the price of bounded memory.)
public struct PlannedStuk: Sendable {
    /// The path as the plan read it (and as diagnostics name it).
    public let path: String
    public let kind: any DocumentKind.Type
    public let openbaar: Bool
    public let openbareTitel: String?
    /// The document's bijlagen list, as far as the plan reads it.
    let bijlagen: [BijlageLine]
    /// Of the source text that was checked. Swift's `Hasher` (SipHash, keyed anew in each
    /// process): plan and pages are made in one process, and SHA-256 cost 7 % of a plan.
    let fingerprint: Int

    struct BijlageLine: Sendable {
        var titel: String
        var bestand: String?
        var openbaar: Bool?
        var location: SourceLocation
    }

    init(_ stuk: Stuk) {
        path = stuk.source.path
        kind = stuk.kind
        openbaar = stuk.document.openbaar
        openbareTitel = stuk.document.openbareTitel
        fingerprint = Self.hash(stuk.source)
        bijlagen = stuk.record.records("bijlagen").map { r in
            BijlageLine(
                titel: r.text("titel") ?? "", bestand: r.text("bestand"), openbaar: r.jaNee("openbaar"),
                location: r.locations["bestand"] ?? r.location ?? SourceLocation(file: stuk.source.path, line: 1, column: 1))
        }
    }

    public enum LoadFailure: Error, CustomStringConvertible {
        case changed(String)
        public var description: String {
            switch self {
            case .changed(let path): PackMessage.changedDuringBuild(path)
            }
        }
    }

    /// The stuk, read and checked again; refused when its source is not what the plan checked.
    public func load() throws(LoadFailure) -> Stuk {
        guard case .success(let source) = SourceFile.read(path: path), Self.hash(source) == fingerprint,
            case .success(let stuk) = Stukken.load(source, checkedBefore: true)
        else { throw .changed(path) }
        return stuk
    }

    static func hash(_ source: SourceFile) -> Int {
        source.text.withUTF8Bytes { bytes in
            var hasher = Hasher()
            hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
            return hasher.finalize()
        }
    }
}
