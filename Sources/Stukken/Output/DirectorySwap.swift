import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Puts a finished folder in place of an old one in one step, so readers of the old
/// folder never see it half replaced.
///
/// Linux's `renameat2(RENAME_EXCHANGE)` swaps two paths atomically, even non-empty
/// folders. Swift's Glibc module does not declare it, so it is looked up in libc at run
/// time. (Measured here: Foundation's `FileManager.replaceItemAt` fails with ENOTEMPTY
/// for a non-empty folder, so it cannot be relied on.) Without `renameat2` the fallback
/// is two renames, with a moment in which the folder is absent.
enum DirectorySwap {
    private typealias RenameAt2 =
        @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    private static let renameat2: RenameAt2? = {
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()

    private static let exchange: UInt32 = 2  // RENAME_EXCHANGE
    private static let noReplace: UInt32 = 1  // RENAME_NOREPLACE
    private static let atCurrentDirectory: Int32 = -100  // AT_FDCWD

    /// Moves `new` to `target`. An existing `target` ends up at `new`'s old path, for the
    /// caller to inspect and delete. Returns whether there was an old one.
    /// A target that appears after the caller saw none is never replaced unseen: it is
    /// exchanged too, so it lands at `new`'s path for the caller to check.
    static func install(_ new: String, at target: String) throws -> Bool {
        if let renameat2 {
            if renameat2(atCurrentDirectory, new, atCurrentDirectory, target, noReplace) == 0 { return false }
            if errno == EEXIST {
                try exchange(new, target)
                return true
            }
        }
        var info = stat()
        if lstat(target, &info) != 0 {
            guard rename(new, target) == 0 else { throw SwapError(path: target, code: errno) }
            return false
        }
        try exchange(new, target)
        return true
    }

    /// Swaps what is at `a` and at `b` (both must exist).
    static func exchange(_ a: String, _ b: String) throws {
        if let renameat2, renameat2(atCurrentDirectory, a, atCurrentDirectory, b, exchange) == 0 { return }
        // Fallback: b aside, a in, b to where a was.
        let aside = a + ".old"
        guard rename(b, aside) == 0 else { throw SwapError(path: b, code: errno) }
        guard rename(a, b) == 0 else {
            let code = errno
            _ = rename(aside, b)
            throw SwapError(path: b, code: code)
        }
        guard rename(aside, a) == 0 else { throw SwapError(path: aside, code: errno) }
    }

    struct SwapError: Error, CustomStringConvertible {
        var path: String
        var code: Int32
        var description: String { MessagePart.cannotSwap(path, errno: code) }
    }
}
