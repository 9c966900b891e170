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
            case .wouldOverwriteInput(let p): "\(p): weigert een invoerbestand te overschrijven; kies een ander uitvoerpad"
            case .cannotWrite(let p, let reason): "\(p): \(reason)"
            }
        }
    }

    public static func write(_ data: Data, to path: String, protecting inputs: [String] = []) throws {
        try write(data, to: path, protecting: resolved(inputs))
    }

    /// The inputs as real paths, resolved once for many writes.
    public static func resolved(_ paths: [String]) -> Set<String> {
        Set(paths.map { URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath().path })
    }

    /// - Parameter inputs: real paths (see `resolved`) that must never be overwritten.
    public static func write(_ data: Data, to path: String, protecting inputs: Set<String>) throws {
        let target = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        if inputs.contains(target) { throw Failure.wouldOverwriteInput(path) }
        let directory = (target as NSString).deletingLastPathComponent
        let temporary = directory + "/.\((target as NSString).lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp"
        let written = plainWrite(data, to: temporary)
        guard written == 0 else {
            unlink(temporary)
            throw Failure.cannotWrite(path, reason: PackMessage.ioReason(written))
        }
        if rename(temporary, target) != 0 {
            let reason = PackMessage.ioReason(errno)
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
        let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | (exclusive ? O_EXCL : O_TRUNC), 0o644)
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
