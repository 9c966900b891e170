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
        /// A file gave other bytes than its size said while it was being read.
        case changed(String)
        var description: String {
            switch self {
            case .tooLarge: PackMessage.zipTooLarge.description
            case .changed(let name): PackMessage.zipEntryChanged(name).description
            }
        }
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
    /// ZIP 2.0 counts entries in 16 bits, and the all-ones value means "see ZIP64".
    static let maximumEntries = Int(UInt16.max) - 1
    static let batchBytes = 32 << 20

    /// An entry larger than this is read and deflated a chunk at a time, on its own (a
    /// bijlage of hundreds of MB), so memory holds a chunk of it, not all of it.
    static let streamBytes = 8 << 20
    static let streamChunk = 1 << 20

    /// Writes the archive of the files `entries` (archive name and size; bytes by `read`,
    /// given a name and a byte range), in that order, as a sequence of `emit` calls.
    /// Returns the archive's size.
    static func write(
        _ entries: [(name: String, size: Int)], read: @Sendable (String, Range<Int>) throws -> Data,
        emit: (Data) throws -> Void
    ) throws -> Int {
        guard entries.count <= maximumEntries else { throw Failure.tooLarge }
        var offset = 0
        var directory = Data()
        var start = 0
        while start < entries.count {
            if entries[start].size > streamBytes {
                let (name, size) = entries[start]
                offset += try stream(name, size: size, at: offset, read: read, emit: emit, directory: &directory)
                start += 1
                continue
            }
            var end = start + 1
            var bytes = entries[start].size
            while end < entries.count, end - start < batch, entries[end].size <= streamBytes,
                bytes + entries[end].size <= batchBytes
            {
                bytes += entries[end].size
                end += 1
            }
            let slice = entries[start..<end]
            start = end
            let deflated = try slice.map { $0 }.concurrentMap { entry in
                let d = try read(entry.name, 0..<entry.size)
                return (try deflate(d), d.count)
            }
            var archive = Data()
            for (i, entry) in slice.enumerated() {
                let (body, size) = deflated[i]
                let entryOffset = offset + archive.count
                let fields = try Self.fields(
                    entry.name, crc32: body.crc32, compressed: body.body.count, size: size, at: entryOffset)
                archive.append(local(fields, entry.name))
                archive.append(body.body)
                directory.append(central(fields, entry.name, at: entryOffset))
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

    /// A large entry, deflated as it is read. Its CRC and sizes are known only at its end,
    /// so they follow the data in a data descriptor (flag bit 3), as in any streamed ZIP;
    /// the central directory has them as usual. Returns the bytes emitted.
    private static func stream(
        _ name: String, size: Int, at offset: Int, read: (String, Range<Int>) throws -> Data,
        emit: (Data) throws -> Void,
        directory: inout Data
    ) throws -> Int {
        let header = local(try fields(name, crc32: 0, compressed: 0, size: 0, at: offset, descriptor: true), name)
        try emit(header)
        var compressed = 0
        var pending = Data()
        let crc = try Data.compress(
            size: Int64(size), bufferSize: streamChunk,
            provider: { position, count in
                let data = try read(name, Int(position)..<Int(position) + count)
                guard data.count == count else { throw Failure.changed(name) }
                return data
            },
            consumer: { chunk in
                compressed += chunk.count
                pending.append(chunk)
                if pending.count >= streamChunk {
                    try emit(pending)
                    pending = Data()
                }
            })
        var descriptor = Fields()
        descriptor.u32(0x0807_4b50)
        descriptor.u32(crc)
        descriptor.u32(UInt32(clamping: compressed))
        descriptor.u32(UInt32(clamping: size))
        pending.append(contentsOf: descriptor.bytes)
        try emit(pending)
        let fields = try fields(name, crc32: crc, compressed: compressed, size: size, at: offset, descriptor: true)
        directory.append(central(fields, name, at: offset))
        return header.count + compressed + descriptor.bytes.count
    }

    /// The fields the local header and the central directory share; refuses what needs ZIP64.
    private static func fields(
        _ name: String, crc32: UInt32, compressed: Int, size: Int, at offset: Int, descriptor: Bool = false
    ) throws -> Fields {
        guard offset < Int(UInt32.max), compressed < Int(UInt32.max), size < Int(UInt32.max),
            name.utf8.count < Int(UInt16.max)
        else { throw Failure.tooLarge }
        var fields = Fields()
        fields.u16(20)  // version needed: 2.0 (deflate)
        fields.u16(descriptor ? 0x0808 : 0x0800)  // flags: names are UTF-8; sizes after the data
        fields.u16(8)  // deflate
        fields.u16(dosTime)
        fields.u16(dosDate)
        fields.u32(crc32)
        fields.u32(UInt32(compressed))
        fields.u32(UInt32(size))
        fields.u16(UInt16(name.utf8.count))
        fields.u16(0)  // no extra field
        return fields
    }

    private static func local(_ fields: Fields, _ name: String) -> Data {
        var local = Fields()
        local.u32(0x0403_4b50)
        return Data(local.bytes + fields.bytes + Array(name.utf8))
    }

    private static func central(_ fields: Fields, _ name: String, at offset: Int) -> Data {
        var central = Fields()
        central.u32(0x0201_4b50)
        central.u16(0x0314)  // made by: UNIX, 2.0
        var rest = Fields()
        rest.u16(0)  // no comment
        rest.u16(0)  // disk 0
        rest.u16(0)  // internal attributes
        rest.u32(externalAttributes)
        rest.u32(UInt32(offset))
        return Data(central.bytes + fields.bytes + rest.bytes + Array(name.utf8))
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
        mutating func u32(_ v: UInt32) {
            for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: v >> UInt32(shift))) }
        }
    }
}
