import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The path `stukken pack -o` names, and what a pack may do with it.
///
/// A pack replaces only what it was built to replace: nothing (a new path), an empty
/// folder, or a previous pack of the same meeting and audience that holds no file of
/// anyone else. Anything else is refused before a byte is written; and what the swap
/// took out of place is inspected again before it is deleted, so a folder that changed
/// during the build is put back instead.
struct PackTarget {
    enum State {
        case absent
        case emptyFolder
        case previousPack(Manifest)

        var manifest: Manifest? {
            if case .previousPack(let m) = self { m } else { nil }
        }
    }

    /// Canonical (`OutputGuard.canonical`): what the kernel reaches.
    let path: String
    /// As the user named it, for messages.
    let shown: String
    let soort: String
    let vergadering: String

    /// What is at the target now, or why a pack may not replace it.
    func inspect() throws(PackWriter.Failure) -> State {
        let state = try inspect(path)
        // The swap would pull the folder a shell stands in from under it.
        let here = OutputGuard.ancestors(of: OutputGuard.realPath(FileManager.default.currentDirectoryPath))
        if let id = AtomicFile.FileID(following: path), here.contains(id) {
            throw .refusedOutput(PackMessage.outputHoldsCurrentFolder(shown).description)
        }
        return state
    }

    /// What is at `folder` (the target, or where the swap put the old target), or why a
    /// pack may not replace it.
    func inspect(_ folder: String) throws(PackWriter.Failure) -> State {
        var info = stat()
        guard lstat(folder, &info) == 0 else {
            if errno == ENOENT { return .absent }
            throw .io("\(shown): \(MessagePart.ioReason(errno))")
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: break
        case S_IFLNK: throw .refusedOutput(PackMessage.outputIsSymlink(shown).description)
        default: throw .refusedOutput(PackMessage.outputIsFile(shown).description)
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        if names.isEmpty { return .emptyFolder }
        guard let manifest = Manifest.read(from: URL(fileURLWithPath: folder)) else {
            throw .refusedOutput(PackMessage.outputNotAPack(shown).description)
        }
        if manifest.soort != soort { throw .mixedAudience(shown, existing: manifest.soort, wanted: soort) }
        if manifest.vergadering != vergadering {
            throw .refusedOutput(
                PackMessage.outputOtherMeeting(shown, existing: manifest.vergadering, wanted: vergadering).description)
        }
        if let foreign = Self.foreignFile(in: folder, manifest: manifest) {
            throw .refusedOutput(PackMessage.outputForeignFile(shown, file: foreign).description)
        }
        return .previousPack(manifest)
    }

    /// The first entry of a pack folder its manifest does not account for: a file it does
    /// not list, or anything that is neither a regular file nor a folder.
    static func foreignFile(in folder: String, manifest: Manifest) -> String? {
        let ours = Set(manifest.files.map(\.path) + ["manifest.json", manifest.zip])
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return "." }
        for case let path as String in walker {
            var info = stat()
            guard lstat(folder + "/" + path, &info) == 0 else { return path }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: continue
            case S_IFREG where ours.contains(path): continue
            default: return path
            }
        }
        return nil
    }
}

/// The folder a pack is built in, beside its target: `.NAME.stukken-PID-RANDOM/`, holding
/// a marker naming its owner and `pakket/`, the pack itself (which the swap exchanges
/// with the target, so the marker never enters a pack).
///
/// Cleanup removes only folders of this name that carry the marker of a process that is
/// gone: a user's own `.NAME.stukken-…` is left alone, and so is the folder of another
/// `stukken pack` still building into the same target.
struct Staging {
    static let markerName = "stukken-bouwmap"
    let folder: URL
    var pack: URL { folder.appendingPathComponent("pakket") }

    /// `.NAME.stukken-`, NAME cut to 200 bytes so the staging name stays within the 255 a
    /// file name may have, however long the target's own name is.
    static func prefix(of target: URL) -> String {
        var name = target.lastPathComponent
        while name.utf8.count > 200 { name.removeLast() }
        return ".\(name).stukken-"
    }

    /// The owner's pid and, where known, its start, so a later process that is given the
    /// same pid is not taken for the owner (`ProcessIdentity`).
    static func marker(_ owner: ProcessIdentity) -> String {
        "stukken pack: bouwmap van proces \(owner.pid)" + (owner.start.map { ", gestart op tik \($0)" } ?? "") + "\n"
    }

    static func create(beside target: URL) throws -> Staging {
        let owner = ProcessIdentity.current
        let name = prefix(of: target) + "\(owner.pid)-\(UInt32.random(in: 0...UInt32.max))"
        let staging = Staging(folder: target.deletingLastPathComponent().appendingPathComponent(name))
        try FileManager.default.createDirectory(at: staging.folder, withIntermediateDirectories: false)
        let written = AtomicFile.plainWrite(
            Data(marker(owner).utf8), to: staging.folder.appendingPathComponent(markerName).path, exclusive: true)
        if written != 0 {
            try? FileManager.default.removeItem(at: staging.folder)
            throw POSIXError(POSIXErrorCode(rawValue: written) ?? .EIO)
        }
        try FileManager.default.createDirectory(at: staging.pack, withIntermediateDirectories: false)
        return staging
    }

    /// Everything but the marker first, so a run killed while removing leaves a folder
    /// the next run still recognises as ours.
    func remove() {
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        where name != Self.markerName {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
        try? FileManager.default.removeItem(at: folder)
    }

    /// Folders of builds that were killed halfway, beside `target`.
    static func removeLeftovers(beside target: URL) {
        let parent = target.deletingLastPathComponent()
        let prefix = prefix(of: target)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        where name.hasPrefix(prefix) {
            guard let pid = ownerPID(name.dropFirst(prefix.count)) else { continue }
            let folder = parent.appendingPathComponent(name)
            var info = stat()
            guard lstat(folder.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { continue }
            let marker = FileManager.default.contents(atPath: folder.appendingPathComponent(markerName).path)
            if let owner = owner(pid: pid, marker: marker) {
                if !owner.isRunning { Staging(folder: folder).remove() }
            } else if !ProcessIdentity(pid: pid, start: nil).isRunning {
                // Killed before its marker was written: only an empty folder can be ours.
                rmdir(folder.path)
            }
        }
    }

    /// `PID-RANDOM` → PID.
    private static func ownerPID(_ suffix: Substring) -> Int32? {
        let parts = suffix.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, UInt32(parts[1]) != nil, let pid = Int32(parts[0]), pid > 0 else { return nil }
        return pid
    }

    /// The owner `marker` names, when it is exactly the marker such an owner writes.
    private static func owner(pid: Int32, marker: Data?) -> ProcessIdentity? {
        guard let marker, let text = String(data: marker, encoding: .utf8) else { return nil }
        let start = text.split(separator: " ").last.flatMap { UInt64($0.dropLast()) }
        // Without a start: a marker written where /proc is missing.
        return [ProcessIdentity(pid: pid, start: start), ProcessIdentity(pid: pid, start: nil)]
            .first { Data(Self.marker($0).utf8) == marker }
    }
}
