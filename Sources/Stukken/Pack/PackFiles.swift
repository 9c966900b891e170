import Foundation

/// The pack being replaced, as far as a rebuild may take files from it.
struct PreviousPack: Sendable {
    private let entries: [String: Manifest.Entry]
    private let folder: URL

    init(manifest: Manifest?, folder: URL) {
        entries = Dictionary((manifest?.files ?? []).map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        self.folder = folder
    }

    /// Its file at `path`, with its SHA-256, when it was made from the same inputs (`bron`)
    /// and its bytes are still what its manifest says.
    func file(_ path: String, madeFrom bron: String) -> (data: Data, sha256: String)? {
        guard let old = entries[path], old.bron == bron,
            let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path),
            SHA256.hex(data) == old.sha256
        else { return nil }
        return (data, old.sha256)
    }
}

/// One file of a pack as the manifest describes it (its bytes are on disk by then).
struct PackFile: Sendable {
    var path: String
    var size: Int
    var sha256: String
    var titel: String
    var soort: String
    var agendapunt: String?
    /// Hash of everything the file was made from, for incremental rebuilds.
    var bron: String?
    /// `--woo`: the sitemap's `lastmod` for a published document.
    var lastmod: String? = nil
}

extension PackFile {
    /// The description of `data` (hashed here, on the core that made it).
    init(path: String, data: Data, titel: String, soort: String, agendapunt: String?, bron: String?) {
        self.init(
            path: path, size: data.count, sha256: SHA256.hex(data), titel: titel, soort: soort, agendapunt: agendapunt,
            bron: bron)
    }
}
