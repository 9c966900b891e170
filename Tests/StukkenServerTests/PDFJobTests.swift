import Foundation
import Hummingbird
import HummingbirdTesting
import Stukken
import Testing

@testable import StukkenServer

/// "Download PDF" runs off the request threads, at most a few at once (issue 16, H2).
@Suite struct PDFJobTests {
    /// A job that holds its place until `release` is signalled; returns once it runs.
    static func occupy(_ jobs: PDFJobs, release: DispatchSemaphore) async -> Task<Void, any Error> {
        let (started, signal) = AsyncStream.makeStream(of: Void.self)
        let task = Task {
            try await jobs.run {
                signal.yield(())
                release.wait()
            }
        }
        for await _ in started { break }
        return task
    }

    @Test func placesAndQueue() async throws {
        let jobs = PDFJobs(concurrent: 1, waiting: 1)
        let release = DispatchSemaphore(value: 0)
        let first = await Self.occupy(jobs, release: release)
        let second = Task { try await jobs.run { 2 } }
        // The second waits for the place; a third finds the queue full.
        while await jobs.queued == 0 { await Task.yield() }
        await #expect(throws: PDFJobs.Busy.self) { try await jobs.run { 3 } }
        release.signal()
        try await first.value
        #expect(try await second.value == 2)
        #expect(try await jobs.run { 4 } == 4)
    }

    /// A full queue answers 503 with a Dutch message at once, and the form keeps its values.
    @Test func busyAnswer() async throws {
        let jobs = PDFJobs(concurrent: 1, waiting: 0)
        let release = DispatchSemaphore(value: 0)
        let occupied = await Self.occupy(jobs, release: release)
        defer { release.signal() }
        let (kind, values, _) = try formValues("evaluatie-dashboard-woninginbraken.yaml")
        let body = encoded(formPairs(values, fields: kind.fields) + [("actie", "pdf")])
        let app = Application(router: FormServer.router(workbench: Package.workbench, pdfJobs: jobs))
        try await app.test(.router) { client in
            try await client.execute(uri: "/evaluatie", method: .post, headers: formHeaders, body: body) { response in
                #expect(response.status == .serviceUnavailable)
                let html = String(buffer: response.body)
                #expect(html.contains(HTML.escape(ServeMessage.pdfBusy.text)))
                #expect(html.contains("Pilot regionaal dashboard"))
            }
        }
        release.signal()
        try await occupied.value
    }
}

/// `stukken serve` as a process, the way a user starts it.
final class ServeProcess: @unchecked Sendable {
    let process = Process()
    let port: Int

    init(environment extra: [String: String] = [:]) throws {
        let executable = try #require(BrowserTests.executable, "stukken executable not found (run swift build first)")
        process.executableURL = executable
        process.arguments = ["serve", "--port", "0"]
        var environment = ProcessInfo.processInfo.environment
        environment["STUKKEN_TEMPLATES"] = Package.root.appendingPathComponent("Templates").path
        environment.merge(extra) { $1 }
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The one line of output names the address.
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += chunk
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let range = text.range(of: #"127\.0\.0\.1:[0-9]+"#, options: .regularExpression),
            let port = Int(text[range].split(separator: ":")[1])
        else {
            process.terminate()
            throw POSIXError(.EIO)
        }
        self.port = port
    }

    func stop() {
        process.terminate()
        process.waitUntilExit()
    }

    func request(_ method: String, _ path: String, body: String = "", timeout: Double = 60) throws -> RawHTTP.Exchange {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        if method == "POST" {
            head += "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: \(body.utf8.count)\r\n"
        }
        return try RawHTTP.exchange(port: port, head + "\r\n" + body, timeout: timeout)
    }
}

@Suite struct ServeProcessTests {
    /// Two "Download PDF"s in flight took both request threads (two cores): `GET /` waited
    /// for them (20 s and more with a slow WeasyPrint). Now it is answered while they run.
    /// WeasyPrint here is a wrapper that marks its start and end around a pause.
    @Test func startPageWhilePDFsAreMade() throws {
        // The renderer runs its driver with the Python named on WeasyPrint's `#!` line, so
        // the stand-in is a WeasyPrint whose Python marks its start and end around a pause.
        let python = try #require(
            ["/usr/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) },
            "Debian's python3 (with the weasyprint module) not installed (Scripts/setup.sh)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "stukken-serve-pdf-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(at: folder) }
        let slowPython = folder.appendingPathComponent("python")
        let script =
            "#!/bin/sh\ntouch \"\(folder.path)/start.$$\"\nsleep 4\n\"\(python)\" \"$@\"\nrc=$?\n"
            + "touch \"\(folder.path)/done.$$\"\nexit $rc\n"
        try script.write(to: slowPython, atomically: true, encoding: .utf8)
        let wrapper = folder.appendingPathComponent("weasyprint")
        try "#!\(slowPython.path)\n".write(to: wrapper, atomically: true, encoding: .utf8)
        for file in [slowPython, wrapper] {
            try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: file.path)
        }
        func marks(_ prefix: String) -> Int {
            ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasPrefix(prefix) }
                .count
        }

        let server = try ServeProcess(environment: ["STUKKEN_WEASYPRINT": wrapper.path])
        defer { server.stop() }
        let (kind, values, _) = try formValues("evaluatie-dashboard-woninginbraken.yaml")
        let body = String(buffer: encoded(formPairs(values, fields: kind.fields) + [("actie", "pdf")]))
        let group = DispatchGroup()
        let answers = Answers()
        for _ in 0..<2 {
            DispatchQueue.global().async(group: group) {
                answers.add((try? server.request("POST", "/evaluatie", body: body))?.status)
            }
        }
        let deadline = Date().addingTimeInterval(30)
        while marks("start") < 2 && Date() < deadline { usleep(20_000) }
        #expect(marks("start") == 2, "both PDFs started")
        let page = try server.request("GET", "/", timeout: 30)
        let doneWhenAnswered = marks("done")
        #expect(page.status == 200)
        #expect(doneWhenAnswered == 0, "GET / was answered only after a PDF was finished")
        group.wait()
        #expect(answers.all == [200, 200])
    }
}

/// What the background requests got, in any order.
final class Answers: @unchecked Sendable {
    private let lock = NSLock()
    private var statuses: [Int?] = []
    func add(_ status: Int?) { lock.withLock { statuses.append(status) } }
    var all: [Int?] { lock.withLock { statuses } }
}
