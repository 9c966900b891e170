import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes files so that a reader sees the old content or the new, never half of one:
/// the bytes go to a hidden temporary file beside the target, which is then renamed.
public enum AtomicFile {
    public enum Failure: Error, CustomStringConvertible {
        case wouldOverwriteInput(String)
        case cannotWrite(String, reason: String)

        public var description: String {
            switch self {
            case .wouldOverwriteInput(let p): PackMessage.outputIsInput(p).description
            case .cannotWrite(let p, let reason): "\(p): \(reason)"
            }
        }
    }

    public static func write(_ data: Data, to path: String, protecting inputs: [String] = []) throws {
        try write(data, to: path, protecting: Protected(inputs))
    }

    /// Files that must never be overwritten, known by device and inode: the path itself,
    /// a symlink to it and a hard link of it are all the same file. Taking one `stat` per
    /// input up front replaced resolving every component of every path (measured: 13
    /// `stat` calls per file written, a tenth of rendering a thousand voorstellen).
    public struct Protected: Sendable {
        private let files: Set<FileID>

        public init(_ paths: [String]) {
            files = Set(paths.compactMap(FileID.init(following:)))
        }

        func contains(_ path: String) -> Bool {
            guard !files.isEmpty, let id = FileID(following: path) else { return false }
            return files.contains(id)
        }
    }

    struct FileID: Hashable, Sendable {
        var device: UInt64
        var inode: UInt64

        init?(following path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

    /// The id in temporary names; read once (it cannot change while we run).
    private static let processID = getpid()
    /// Makes each temporary name unique within the process, so two writes never share one.
    private static let counter = Counter()

    private final class Counter: @unchecked Sendable {
        private var value = 0
        private let lock = NSLock()
        func next() -> Int {
            lock.withLock {
                value += 1
                return value
            }
        }
    }

    public static func write(_ data: Data, to path: String, protecting inputs: Protected) throws {
        if inputs.contains(path) { throw Failure.wouldOverwriteInput(path) }
        // Through a symlink, the file it points at is replaced, not the link.
        var target = path
        var info = stat()
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK {
            target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            // A dangling link resolves as text (`..` removed without following links):
            // the place it names is checked as well.
            if inputs.contains(target) { throw Failure.wouldOverwriteInput(path) }
        }
        let slash = target.lastIndex(of: "/")
        let directory = slash.map { String(target[..<$0]) } ?? "."
        let name = slash.map { String(target[target.index(after: $0)...]) } ?? target
        // A new file of our own (O_EXCL: never through a link left at that name), with a
        // name no other write of this process uses.
        var temporary = ""
        var written = EEXIST
        for _ in 0..<8 where written == EEXIST {
            temporary = directory + "/.\(name).\(processID).\(counter.next()).tmp"
            written = plainWrite(data, to: temporary, exclusive: true)
        }
        guard written == 0 else {
            if written != EEXIST { unlink(temporary) }
            throw Failure.cannotWrite(path, reason: MessagePart.ioReason(written))
        }
        if rename(temporary, target) != 0 {
            let reason = MessagePart.ioReason(errno)
            unlink(temporary)
            throw Failure.cannotWrite(path, reason: reason)
        }
    }

    /// Creates (or truncates) `path` and writes `data`: open, write, close, nothing else.
    /// Foundation's `createFile` writes a temporary file of its own, fsyncs and renames it
    /// (measured: open and fsync were a sixth of rendering a thousand voorstellen), and our
    /// callers rename anyway. Returns 0, or the errno of the failing call.
    /// With `exclusive`, the file must not exist yet (a pack's fresh staging folder).
    static func plainWrite(_ data: Data, to path: String, exclusive: Bool = false) -> Int32 {
        writeAll(data, flags: O_CREAT | (exclusive ? O_EXCL : O_TRUNC), to: path)
    }

    /// Adds `data` at the end of the existing file `path`. Returns 0, or the errno.
    static func append(_ data: Data, to path: String) -> Int32 {
        writeAll(data, flags: O_APPEND, to: path)
    }

    private static func writeAll(_ data: Data, flags: Int32, to path: String) -> Int32 {
        let fd = open(path, O_WRONLY | O_CLOEXEC | O_NOFOLLOW | flags, 0o644)
        guard fd >= 0 else { return errno }
        var failure: Int32 = 0
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += n
            }
        }
        if close(fd) != 0 && failure == 0 { failure = errno }
        return failure
    }
}
