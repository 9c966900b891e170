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
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    private static let renameat2: RenameAt2? = {
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()

    private static let exchange: UInt32 = 2  // RENAME_EXCHANGE
    private static let atCurrentDirectory: Int32 = -100  // AT_FDCWD

    /// Moves `new` to `target`. An existing `target` ends up at `new`'s old path, for the
    /// caller to delete. Returns whether there was an old folder to delete.
    static func install(_ new: String, at target: String) throws -> Bool {
        var info = stat()
        if lstat(target, &info) != 0 {
            guard rename(new, target) == 0 else { throw SwapError(path: target, code: errno) }
            return false
        }
        if let renameat2, renameat2(atCurrentDirectory, new, atCurrentDirectory, target, exchange) == 0 {
            return true
        }
        // Fallback: old aside, new in, old to where new was.
        let aside = new + ".old"
        guard rename(target, aside) == 0 else { throw SwapError(path: target, code: errno) }
        guard rename(new, target) == 0 else {
            let code = errno
            _ = rename(aside, target)
            throw SwapError(path: target, code: code)
        }
        guard rename(aside, new) == 0 else { throw SwapError(path: aside, code: errno) }
        return true
    }

    struct SwapError: Error, CustomStringConvertible {
        var path: String
        var code: Int32
        var description: String { "\(path): kan niet op zijn plaats zetten: \(String(cString: strerror(code)))" }
    }
}
