import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One long-lived WeasyPrint process of the pool: our driver in `--worker` mode, taking job
/// after job over a socket (stdin and stdout both), so Python's and WeasyPrint's start-up
/// (about 0.45 s of every PDF made by a process of its own) is paid once.
///
/// A socket rather than two pipes: writing to a worker that died raises no SIGPIPE
/// (`MSG_NOSIGNAL`), so a crashed worker is a failed job, never a killed stukken. Both ends
/// are close-on-exec, so no other child holds a worker's line open and its death is seen.
final class WeasyPrintWorker {
    private let process: Process
    private let socket: Int32
    /// The worker's stderr: a file already unlinked (nothing is left behind when stukken
    /// stops), read back only to say why a worker died.
    private let log: FileHandle
    private var pending: [UInt8] = []

    /// The driver's source is passed with `-c`: no file to write, find or clean up.
    init(python: URL, environment: [String: String]) throws(PDFRenderer.Failure) {
        var ends: [Int32] = [0, 0]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &ends) == 0 else {
            throw .io("socketpair: \(String(cString: strerror(errno)))")
        }
        let folder = try PrivateFolder.create(prefix: "stukken-pdf-worker")
        defer { folder.remove() }
        let logPath = try folder.write(Data(), to: "log.txt")
        guard let log = FileHandle(forUpdatingAtPath: logPath) else {
            close(ends[0])
            close(ends[1])
            throw .io("\(logPath): \(String(cString: strerror(errno)))")
        }
        let child = FileHandle(fileDescriptor: ends[1], closeOnDealloc: false)
        process = Process()
        process.executableURL = python
        process.arguments = ["-I", "-B", "-c", WeasyPrintDriver.source, "--worker"]
        process.environment = environment
        process.standardInput = child
        process.standardOutput = child
        process.standardError = log
        do {
            try process.run()
        } catch {
            close(ends[0])
            close(ends[1])
            throw .io("\(python.path): \(error.localizedDescription)")
        }
        close(ends[1])
        socket = ends[0]
        self.log = log
    }

    deinit {
        close(socket)
        try? log.close()
    }

    /// One job: the driver's arguments (page, PDF, report, image folder). Returns when the
    /// worker has answered; throws today's failures: time limit, WeasyPrint missing, a
    /// crash or an error. After a throw other than `.failed(status: 1, …)` (an error in
    /// WeasyPrint that the worker survived) the worker is gone and must not be reused.
    func run(_ arguments: [String?], timeout: Double) throws(PDFRenderer.Failure) {
        let request = (try? JSONSerialization.data(withJSONObject: arguments.map { $0 ?? NSNull() as Any })) ?? Data()
        guard send(request + Data("\n".utf8)) else { throw stopped() }
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let end = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = Data(pending[..<end])
                pending.removeSubrange(...end)
                return try Self.answer(line)
            }
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else {
                kill()
                throw .timedOut(seconds: Int(timeout))
            }
            var ready = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            let polled = poll(&ready, 1, Int32(min(left, 3600) * 1000) + 1)
            if polled < 0 && errno == EINTR { continue }
            if polled == 0 { continue }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = recv(socket, &chunk, chunk.count, 0)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw stopped() }
            pending += chunk[..<count]
        }
    }

    private struct Answer: Decodable {
        var status: Int32
        var detail: String?
    }

    private static func answer(_ line: Data) throws(PDFRenderer.Failure) {
        guard let answer = try? JSONDecoder().decode(Answer.self, from: line) else {
            throw .failed(status: 0, detail: String(decoding: line.prefix(2000), as: UTF8.self))
        }
        guard answer.status == 0 else {
            let detail = (answer.detail ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            throw .failed(status: answer.status, detail: detail)
        }
    }

    private func send(_ data: Data) -> Bool {
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let sent = Glibc.send(socket, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                if sent < 0 && errno == EINTR { continue }
                guard sent > 0 else { return false }
                offset += sent
            }
            return true
        }
    }

    /// The worker ended without answering: why, as the one-process path would say it.
    private func stopped() -> PDFRenderer.Failure {
        kill()
        let status = process.terminationStatus
        if process.terminationReason == .exit && status == WeasyPrintDriver.noWeasyPrintModule {
            return .weasyprintMissing
        }
        try? log.seek(toOffset: 0)
        let text = String(decoding: (try? log.readToEnd()) ?? Data(), as: UTF8.self)
        return .failed(
            status: status, detail: String(text.suffix(2000)).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    var alive: Bool { process.isRunning }

    /// Stops the worker for good (a stuck job, a crash, the pool shutting down) and waits
    /// for it, so no process outlives its slot.
    func kill() {
        if process.isRunning {
            process.terminate()
            let deadline = Date().addingTimeInterval(2)
            while process.isRunning && Date() < deadline { usleep(10_000) }
            if process.isRunning { Glibc.kill(process.processIdentifier, SIGKILL) }
        }
        process.waitUntilExit()
    }
}
