import Foundation
import ZIPFoundation

/// A ZIP whose bytes depend only on the files in it: entries sorted by name, one fixed
/// timestamp, fixed permissions, names we chose (never a path from the input).
enum DeterministicZip {
    /// 1 January 2000, 00:00 in the machine's time zone: ZIP stores local date fields, so
    /// building the date from local components gives the same bytes in every zone.
    static let timestamp: Date = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone.current
        return calendar.date(from: DateComponents(year: 2000, month: 1, day: 1, hour: 0, minute: 0, second: 0))!
    }()

    /// The archive of `files` (archive name → bytes), built in memory so its bytes reach
    /// the disk through the same writer as every other file of a pack.
    static func data(_ files: [(name: String, data: Data)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (name, data) in files.sorted(by: { $0.name < $1.name }) {
            try archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(data.count), modificationDate: timestamp,
                permissions: 0o644, compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let bytes = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return bytes
    }
}
