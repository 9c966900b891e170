import Foundation

/// A stuk the plan has checked, kept as what the pack needs to decide with, and as the
/// loaded document only while a fixed budget allows.
///
/// A loaded `Stuk` costs ~30 KB (source, record, typed model); a meeting of ten thousand
/// items held them all and needed 330 MB before writing a byte. So the plan keeps the
/// loaded stuks it will publish only up to `Retention.defaultBytes` of source text (any
/// real meeting fits many times over), and for the rest these facts and a hash of the
/// source: such a page loads its stuk again when it is rendered (`load()`), and a source
/// that changed since it was checked is refused rather than published unchecked. Memory
/// stays bounded whatever the meeting's size; a second parse is paid only beyond the budget.
public struct PlannedStuk: Sendable {
    /// The path as the plan read it (and as diagnostics name it).
    public let path: String
    public let kind: any DocumentKind.Type
    public let openbaar: Bool
    public let openbareTitel: String?
    /// The document's bijlagen list, as far as the plan reads it.
    let bijlagen: [BijlageLine]
    /// The file it takes values from (a notitie's voorstel), as written and where.
    let reference: (written: String, location: SourceLocation)?
    /// What the page is made from: the checked document itself, or a hash of its source.
    private let checked: Checked

    private enum Checked: Sendable {
        /// The document exactly as the plan checked it, when the budget kept it.
        case kept(Stuk)
        /// Of the source text that was checked. Swift's `Hasher` (SipHash, keyed anew in each
        /// process unless SWIFT_DETERMINISTIC_HASHING is set): plan and pages are made in one
        /// process, and SHA-256 cost 7 % of a plan. `load()` also compares the facts the
        /// publication was decided on, so even a collision cannot publish what the plan refused.
        case fingerprint(Int)
    }

    /// The document exactly as the plan checked it, when the budget kept it.
    var retained: Stuk? {
        if case .kept(let stuk) = checked { stuk } else { nil }
    }

    struct BijlageLine: Sendable, Equatable {
        var titel: String
        var bestand: String?
        var openbaar: Bool?
        var location: SourceLocation
    }

    /// `retain`: keep the loaded document for the page (no second parse, no hash needed).
    init(_ stuk: Stuk, retain: Bool = false) {
        path = stuk.source.path
        kind = stuk.kind
        openbaar = stuk.document.openbaar
        openbareTitel = stuk.document.openbareTitel
        checked = retain ? .kept(stuk) : .fingerprint(Self.hash(stuk.source))
        reference = stuk.reference.map { ($0.written, $0.location) }
        bijlagen = stuk.record.records("bijlagen").map { r in
            BijlageLine(
                titel: r.text("titel") ?? "", bestand: r.text("bestand"), openbaar: r.jaNee("openbaar"),
                location: r.locations["bestand"] ?? r.location
                    ?? SourceLocation(file: stuk.source.path, line: 1, column: 1))
        }
    }

    public enum LoadFailure: Error, CustomStringConvertible {
        case changed(String)
        case unreadable(String, reason: String)
        public var description: String {
            switch self {
            case .changed(let path): PackMessage.changedDuringBuild(path).description
            case .unreadable(let path, let reason): PackMessage.unreadableDuringBuild(path, reason: reason).description
            }
        }
    }

    /// The stuk as the plan checked it: kept, or read and checked again and refused when
    /// its source is not what the plan checked. Besides the hash, the facts the
    /// publication was decided on must be the same again (fail closed, whatever the hash).
    public func load() throws(LoadFailure) -> Stuk {
        guard case .fingerprint(let fingerprint) = checked else { return retained! }
        let source: SourceFile
        switch SourceFile.read(path: path) {
        case .success(let s): source = s
        case .failure(let e): throw .unreadable(path, reason: e.diagnostics.first?.message ?? "")
        }
        guard Self.hash(source) == fingerprint, case .success(let stuk) = Stukken.load(source, checkedBefore: true),
            // `retain`: only its facts are compared, no need to hash again.
            PlannedStuk(stuk, retain: true).decidesAs(self)
        else { throw .changed(path) }
        return stuk
    }

    /// Whether two plans of a stuk lead to the same publication decisions.
    func decidesAs(_ other: PlannedStuk) -> Bool {
        kind == other.kind && openbaar == other.openbaar && openbareTitel == other.openbareTitel
            && bijlagen == other.bijlagen
    }

    static func hash(_ source: SourceFile) -> Int {
        source.text.withUTF8Bytes { bytes in
            var hasher = Hasher()
            hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
            return hasher.finalize()
        }
    }
}

/// How many loaded stuks a plan keeps for its pages: a budget of source bytes shared by
/// the cores that load them. Which stuks it keeps may differ from run to run; the pages
/// do not (a kept stuk and one loaded again are the same checked bytes).
public final class Retention: @unchecked Sendable {
    /// 8 MB of YAML: ~27 MB in memory as loaded stuks (measured, 1,000 voorstellen of
    /// 9 KB each). A meeting has tens of stuks of tens of KB.
    public static let defaultBytes = 8 << 20

    private var left: Int
    private let lock = NSLock()

    public init(bytes: Int = Retention.defaultBytes) { left = bytes }

    /// Whether a stuk of `bytes` source bytes may be kept (taken from the budget if so).
    func take(_ bytes: Int) -> Bool {
        lock.withLock {
            guard bytes <= left else { return false }
            left -= bytes
            return true
        }
    }
}

/// A file bijlage (PDF, DOCX, …) as the plan found it: where, and which file it was, so
/// the copy made later refuses another file put in its place (a symlink to something
/// outside the meeting folder, or to a non-public file).
public struct PlannedFile: Sendable {
    public let url: URL
    public let size: Int
    let device: UInt64
    let inode: UInt64

    /// The regular file at `url` (already resolved inside the meeting folder), or nil.
    static func at(_ url: URL) -> PlannedFile? {
        var info = stat()
        guard lstat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return PlannedFile(url: url, size: Int(info.st_size), device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// Copies the file, when it is still the file the plan checked, a chunk at a time:
    /// the first chunk through `write`, the rest through `append`, so a bijlage of any
    /// size costs one chunk of memory. Returns its SHA-256.
    func copy(chunk: Int = 1 << 20, write: (Data) throws -> Void, append: (Data) throws -> Void) throws -> String {
        let fd = open(url.path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        // A symlink or nothing in its place: another file than the plan checked.
        guard fd >= 0 else {
            throw errno == ELOOP || errno == ENOENT
                ? PlannedStuk.LoadFailure.changed(url.path)
                : .unreadable(url.path, reason: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, UInt64(info.st_dev) == device,
            UInt64(info.st_ino) == inode,
            Int(info.st_size) == size
        else { throw PlannedStuk.LoadFailure.changed(url.path) }
        var hasher = SHA256()
        var buffer = Data(count: min(chunk, size))
        var offset = 0
        repeat {
            let want = min(chunk, size - offset)
            guard Self.readFully(fd, into: &buffer, count: want) else {
                throw PlannedStuk.LoadFailure.changed(url.path)
            }
            let part = buffer.prefix(want)
            hasher.update(part)
            try offset == 0 ? write(part) : append(part)
            offset += want
        } while offset < size
        return hasher.finalizeHex()
    }

    /// Reads exactly `count` bytes into the start of `buffer`; false when the file ends first.
    private static func readFully(_ fd: Int32, into buffer: inout Data, count: Int) -> Bool {
        buffer.withUnsafeMutableBytes { bytes -> Bool in
            var offset = 0
            while offset < count {
                let n = Glibc.read(fd, bytes.baseAddress! + offset, count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return false }
                offset += n
            }
            return true
        }
    }
}
