extension String {
    /// The text's UTF-8 bytes as a buffer, without a copy for a native string (every text
    /// read from a file is one). The byte scans that guard each stage (nesting, invisible
    /// characters, Markdown shapes) ran several times slower over `String.UTF8View`'s
    /// iterator (measured: 28 ns a byte in the nesting scan).
    func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(utf8).withUnsafeBufferPointer(body)
    }
}
