import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// An input file's text as the user wrote it, with the name used in diagnostics.
public struct SourceFile: Sendable {
    /// The path as given on the command line (diagnostics print it unchanged).
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// Reads a file, refusing what is not UTF-8 text with a located diagnostic.
    /// - Parameter maximumBytes: a stuk's cap by default; a meeting file may be larger
    ///   (`Limits.maximumMeetingFileBytes`: it holds no Markdown).
    public static func read(path: String, maximumBytes: Int = Limits.maximumFileBytes) -> Result<
        SourceFile, DiagnosticsError
    > {
        func failure(_ message: Message) -> Result<SourceFile, DiagnosticsError> {
            .failure(DiagnosticsError([Diagnostic(.error, file: path, message: message)]))
        }
        // One open, one fstat, reads: FileManager's `fileExists` + `contents` cost four
        // more system calls a file and a copy (measured on a thousand voorstellen).
        // Non-blocking open: a FIFO without a writer must not hang us before fstat.
        var fd: Int32
        repeat { fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK) } while fd < 0 && errno == EINTR
        guard fd >= 0 else {
            return failure(errno == ENOENT || errno == ENOTDIR ? Message.fileMissing : Message.fileUnreadable)
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return failure(Message.fileUnreadable) }
        if (info.st_mode & S_IFMT) == S_IFDIR { return failure(Message.fileIsDirectory) }
        // A pipe the user named (`<(…)`) is read as before: blocking, to its end.
        if (info.st_mode & S_IFMT) != S_IFREG { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) }
        // Never more than one byte past the cap: a device or a huge file is refused
        // without being read whole.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(Int(info.st_size), maximumBytes) + 1)
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while bytes.count <= maximumBytes {
            let wanted = min(chunk.count, maximumBytes + 1 - bytes.count)
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, wanted) }
            if n < 0 {
                if errno == EINTR { continue }
                return failure(Message.fileUnreadable)
            }
            if n == 0 { break }
            bytes += chunk[0..<n]
        }
        if bytes.count > maximumBytes {
            let size = (info.st_mode & S_IFMT) == S_IFREG ? max(Int(info.st_size), bytes.count) : bytes.count
            return failure(Message.fileTooLarge(bytes: size, maximum: maximumBytes))
        }
        return decode(bytes, path: path)
    }

    /// Decodes bytes as UTF-8 (a byte-order mark is dropped); the first invalid byte is located.
    public static func decode(_ data: Data, path: String) -> Result<SourceFile, DiagnosticsError> {
        decode([UInt8](data), path: path)
    }

    static func decode(_ bytes: [UInt8], path: String) -> Result<SourceFile, DiagnosticsError> {
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) {
            return .success(SourceFile(path: path, text: text))
        }
        // Locate the first byte that is not valid UTF-8, counting lines and characters.
        let (line, column, byte) = firstInvalidUTF8(bytes)
        return .failure(
            DiagnosticsError([
                Diagnostic(.error, file: path, line: line, column: column, message: Message.notUTF8(byte: byte))
            ]))
    }

    private static func firstInvalidUTF8(_ bytes: [UInt8]) -> (Int, Int, UInt8) {
        var line = 1
        var column = 1
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, column, b)
            }
            if i + length > bytes.count
                || String(validating: bytes[i..<(i + length)], as: UTF8.self) == nil
            {
                return (line, column, b)
            }
            // Lines end as libyaml ends them: LF, CRLF or a lone CR.
            if b == 0x0A || (b == 0x0D && (i + 1 == bytes.count || bytes[i + 1] != 0x0A)) {
                line += 1
                column = 1
            } else if b == 0x0D {
                // The CR of a CRLF: its LF ends the line.
            } else {
                column += 1
            }
            i += length
        }
        return (line, column, 0)
    }
}

/// Limits that keep every input finishing quickly; documented in docs/garanties-en-limieten.md.
public enum Limits {
    /// Five times the largest real stuk (the seed-004 notitie is ~51 KB); bounds every
    /// linear cost (docs/garanties-en-limieten.md, "Limits").
    public static let maximumFileBytes = 262_144
    /// A meeting file lists agendapunten and paths, no Markdown, so cmark's costs do not
    /// apply; 8 MB holds an agenda of tens of thousands of items (the benchmark's 10,000).
    public static let maximumMeetingFileBytes = 8_000_000
    /// Flow brackets (`[`, `{`) open inside each other; deeper YAML is refused before it reaches Yams.
    public static let maximumNesting = 32
    /// Columns of indentation (spaces and `- ` markers) of a line: block nesting needs at
    /// least one a level, so this bounds it (a real stuk indents a few levels of two).
    public static let maximumIndentation = 128
    /// Markdown fields (see `MarkdownShape`): a real stuk's widest table has 24 columns.
    public static let maximumTableColumns = 64
    /// Cells (columns × rows) of all tables of one file together.
    public static let maximumTableCells = 20_000
    /// Block quotes and lists inside each other on one line (a voorstel uses 3 levels;
    /// 16 levels on every line of 250 KB took 2.5 s).
    public static let maximumMarkdownNesting = 8
    /// Footnote references (`[^1]`) of one file together.
    public static let maximumFootnoteReferences = 1_000
    /// `@` signs in the Markdown fields of one file together (a real stuk has a handful).
    public static let maximumAtSigns = 2_000
}
