import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A temporary folder only this user can enter (0700), with files only this user can read
/// (0600), whatever the umask: the page of a non-public stuk passes through it. A new name
/// every time, and `mkdir` fails on a name that exists, so nobody can prepare it for us.
struct PrivateFolder {
    let url: URL

    static func create(prefix: String) throws(PDFRenderer.Failure) -> PrivateFolder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "\(prefix)-\(getpid())-\(UInt64.random(in: 0...UInt64.max))")
        guard mkdir(url.path, 0o700) == 0 else { throw .io("\(url.path): \(String(cString: strerror(errno)))") }
        return PrivateFolder(url: url)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// A new file (never one that is there, never through a symbolic link) with `data`.
    /// It is 0600 from the moment it has content; before the `chmod` only this user could
    /// reach it anyway, through the 0700 folder.
    @discardableResult
    func write(_ data: Data, to name: String) throws(PDFRenderer.Failure) -> String {
        let path = path(name)
        var failure = AtomicFile.plainWrite(Data(), to: path, exclusive: true)
        if failure == 0 && chmod(path, 0o600) != 0 { failure = errno }
        if failure == 0 { failure = AtomicFile.append(data, to: path) }
        guard failure == 0 else { throw .io("\(path): \(String(cString: strerror(failure)))") }
        return path
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}
