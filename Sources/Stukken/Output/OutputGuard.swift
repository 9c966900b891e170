import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Where a writing command may write: never at, inside or above one of its inputs.
///
/// Paths are compared as the kernel sees them: by device and inode (`AtomicFile.FileID`),
/// after resolving the part of the output path that exists, so a symlink, a hard link or
/// a `..` cannot make an input look like another place.
public enum OutputGuard {
    public enum Overlap: Sendable, Equatable {
        /// The output is the input itself.
        case at
        /// The output lies inside the input (a folder such as the templates).
        case insideInput
        /// The input lies inside the output folder.
        case containsInput
    }

    /// The output path as the kernel will reach it: absolute, every symlink in the folders
    /// that exist resolved, `.` and `..` of the folders that do not exist yet removed (they
    /// cannot be links). The last component is not followed: the caller decides about a
    /// symlink there. `-o .` and `-o x/..` name a folder, which is resolved whole.
    public static func canonical(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var parts = absolute.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        var last = parts.popLast() ?? ""
        if last == "." || last == ".." {
            parts.append(last)
            last = ""
        }
        // The longest prefix that exists, resolved; the rest normalized as text.
        var existing = parts.count
        while existing > 0, access("/" + parts[..<existing].joined(separator: "/"), F_OK) != 0 { existing -= 1 }
        var resolved = realPath("/" + parts[..<existing].joined(separator: "/")).split(separator: "/").map(String.init)
        for part in parts[existing...] {
            if part == ".." { _ = resolved.popLast() } else if part != "." { resolved.append(part) }
        }
        if !last.isEmpty { resolved.append(last) }
        return "/" + resolved.joined(separator: "/")
    }

    /// The first of `inputs` that `output` (a `canonical` path) would overlap, and how.
    public static func overlap(output: String, inputs: [String]) -> (input: String, overlap: Overlap)? {
        let target = AtomicFile.FileID(following: output)
        // A symlink at the output is written through (`AtomicFile`): where it leads counts too.
        let followed = URL(fileURLWithPath: output).resolvingSymlinksInPath().path
        let above = Set([output, followed].flatMap { ancestors(of: ($0 as NSString).deletingLastPathComponent) })
        var folders: [String: Bool] = [:]  // an input's folder → whether it lies in the output
        for input in inputs {
            guard let id = AtomicFile.FileID(following: input) else { continue }
            if id == target { return (input, .at) }
            if above.contains(id) { return (input, .insideInput) }
            guard let target else { continue }
            let folder = (realPath(input) as NSString).deletingLastPathComponent
            let inside = folders[folder] ?? ancestors(of: folder).contains(target)
            folders[folder] = inside
            if inside { return (input, .containsInput) }
        }
        return nil
    }

    /// What `overlap` found, as the user reads it; nil when `output` overlaps no input.
    public static func problem(output: String, inputs: [String]) -> String? {
        guard let (input, overlap) = overlap(output: canonical(output), inputs: inputs) else { return nil }
        switch overlap {
        case .at: return PackMessage.outputIsInput(output).description
        case .insideInput: return PackMessage.outputInsideInput(output, input: input).description
        case .containsInput: return PackMessage.outputContainsInput(output, input: input).description
        }
    }

    /// `folder` (a resolved path) and every folder above it, by device and inode.
    static func ancestors(of folder: String) -> [AtomicFile.FileID] {
        var ids: [AtomicFile.FileID] = []
        var path = folder.isEmpty ? "/" : folder
        while true {
            if let id = AtomicFile.FileID(following: path) { ids.append(id) }
            if path == "/" { return ids }
            path = (path as NSString).deletingLastPathComponent
        }
    }

    /// `realpath(3)`, or the path itself when it cannot be resolved.
    static func realPath(_ path: String) -> String {
        guard let resolved = Glibc.realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
