import Foundation

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
        guard FileManager.default.createFile(atPath: temporary, contents: data) else {
            throw Failure.cannotWrite(path, reason: PackMessage.ioReason(errno))
        }
        if rename(temporary, target) != 0 {
            let reason = PackMessage.ioReason(errno)
            unlink(temporary)
            throw Failure.cannotWrite(path, reason: reason)
        }
    }
}
