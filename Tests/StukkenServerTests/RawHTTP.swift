import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A client on a plain TCP socket to 127.0.0.1, for what an HTTP library will not send (a
/// request line in absolute form, half a request) and to see when the server hangs up.
enum RawHTTP {
    struct Exchange {
        var bytes: [UInt8]
        /// The server closed the connection (rather than `timeout` passing first).
        var closed: Bool
        var text: String { String(decoding: bytes, as: UTF8.self) }
        var status: Int? {
            let line = text.prefix { $0 != "\r" }.split(separator: " ")
            return line.count > 1 ? Int(line[1]) : nil
        }
    }

    /// Connects, sends `request`, then reads until the server closes or `timeout` seconds
    /// pass without it doing so.
    static func exchange(port: Int, _ request: [UInt8], timeout: Double) throws -> Exchange {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        if !request.isEmpty {
            let sent = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
            guard sent == request.count else { throw POSIXError(.EIO) }
        }
        let deadline = Date().addingTimeInterval(timeout)
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while Date() < deadline {
            var wait = timeval(tv_sec: 0, tv_usec: 100_000)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n == 0 { return Exchange(bytes: received, closed: true) }
            if n > 0 {
                received += buffer[0..<n]
                continue
            }
            if errno == ECONNRESET { return Exchange(bytes: received, closed: true) }
        }
        return Exchange(bytes: received, closed: false)
    }

    static func exchange(port: Int, _ request: String, timeout: Double) throws -> Exchange {
        try exchange(port: port, Array(request.utf8), timeout: timeout)
    }
}
