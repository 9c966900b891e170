import Foundation
import ZIPFoundation

/// A ZIP whose bytes depend only on the files in it: entries sorted by name, one fixed
/// timestamp, fixed permissions, names we chose (never a path from the input).
///
/// The entries are deflated on every core (ZIPFoundation's deflate, raw, as in any ZIP)
/// and the container is written here: ZIPFoundation's `Archive` deflates one entry after
/// another, and that was a quarter of a thousand-item pack with one core idle (perf).
/// It is written a batch of entries at a time, so memory does not grow with the pack.
/// The container is plain ZIP 2.0 (no ZIP64): a pack stays far below 65,535 files and 4 GB,
/// and a larger one is refused with an error rather than written wrong (the all-ones
/// values themselves mean "see ZIP64" to a reader, so they are refused too).
enum DeterministicZip {
    enum Failure: Error, CustomStringConvertible {
        case tooLarge
        var description: String { "het ZIP-bestand wordt te groot (meer dan 65.535 bestanden of 4 GB)" }
    }

    /// 1 January 2000, 00:00, as MS-DOS date and time fields (local fields: the same bytes
    /// in every time zone).
    static let dosDate: UInt16 = (2000 - 1980) << 9 | 1 << 5 | 1
    static let dosTime: UInt16 = 0
    /// A regular file, rw-r--r--, in the upper half of the external attributes (UNIX).
    static let externalAttributes: UInt32 = 0o100644 << 16

    /// Entries read and deflated at a time: enough to keep every core busy, few enough
    /// that a pack of any size holds only a handful of files in memory; a batch also ends
    /// at `batchBytes` (large PDF bijlagen), unless it would be empty.
    static let batch = 64
    static let batchBytes = 32 << 20

    /// Writes the archive of the files `entries` (archive name and size; bytes by `read`),
    /// in that order, as a sequence of `emit` calls. Returns the archive's size.
    static func write(_ entries: [(name: String, size: Int)], read: @Sendable (String) throws -> Data, emit: (Data) throws -> Void) throws -> Int {
        guard entries.count < Int(UInt16.max) else { throw Failure.tooLarge }
        var offset = 0
        var directory = Data()
        var start = 0
        while start < entries.count {
            var end = start + 1
            var bytes = entries[start].size
            while end < entries.count, end - start < batch, bytes + entries[end].size <= batchBytes {
                bytes += entries[end].size
                end += 1
            }
            let slice = entries[start..<end].map(\.name)
            start = end
            let deflated = slice.concurrentMap { name in Result { () throws -> (Deflated, Int) in let d = try read(name); return (try deflate(d), d.count) } }
            var archive = Data()
            for (i, name) in slice.enumerated() {
                let (entry, size) = try deflated[i].get()
                let nameBytes = Data(name.utf8)
                guard offset + archive.count < Int(UInt32.max), entry.body.count < Int(UInt32.max), size < Int(UInt32.max),
                    nameBytes.count < Int(UInt16.max)
                else { throw Failure.tooLarge }
                let entryOffset = UInt32(offset + archive.count)
                var fields = Fields()
                fields.u16(20)  // version needed: 2.0 (deflate)
                fields.u16(0x0800)  // flags: names are UTF-8
                fields.u16(8)  // deflate
                fields.u16(dosTime)
                fields.u16(dosDate)
                fields.u32(entry.crc32)
                fields.u32(UInt32(entry.body.count))
                fields.u32(UInt32(size))
                fields.u16(UInt16(nameBytes.count))
                fields.u16(0)  // no extra field

                var local = Fields()
                local.u32(0x0403_4b50)
                archive.append(contentsOf: local.bytes)
                archive.append(contentsOf: fields.bytes)
                archive.append(nameBytes)
                archive.append(entry.body)

                var central = Fields()
                central.u32(0x0201_4b50)
                central.u16(0x0314)  // made by: UNIX, 2.0
                directory.append(contentsOf: central.bytes)
                directory.append(contentsOf: fields.bytes)
                var rest = Fields()
                rest.u16(0)  // no comment
                rest.u16(0)  // disk 0
                rest.u16(0)  // internal attributes
                rest.u32(externalAttributes)
                rest.u32(entryOffset)
                directory.append(contentsOf: rest.bytes)
                directory.append(nameBytes)
            }
            offset += archive.count
            try emit(archive)
        }
        guard offset < Int(UInt32.max), directory.count < Int(UInt32.max) else { throw Failure.tooLarge }
        var end = Fields()
        end.u32(0x0605_4b50)
        end.u16(0)  // this disk
        end.u16(0)  // disk with the directory
        end.u16(UInt16(entries.count))
        end.u16(UInt16(entries.count))
        end.u32(UInt32(directory.count))
        end.u32(UInt32(offset))
        end.u16(0)  // no comment
        directory.append(contentsOf: end.bytes)
        try emit(directory)
        return offset + directory.count
    }

    struct Deflated: Sendable {
        var body: Data
        var crc32: UInt32
    }

    static func deflate(_ data: Data) throws -> Deflated {
        var body = Data()
        let crc = try Data.compress(
            size: Int64(data.count), bufferSize: 64 * 1024,
            provider: { position, size in data.subdata(in: Int(position)..<(Int(position) + size)) },
            consumer: { body.append($0) })
        return Deflated(body: body, crc32: crc)
    }

    /// Little-endian header fields.
    private struct Fields {
        var bytes: [UInt8] = []
        mutating func u16(_ v: UInt16) { bytes += [UInt8(v & 0xFF), UInt8(v >> 8)] }
        mutating func u32(_ v: UInt32) { (0..<4).forEach { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * $0))) } }
    }
}
