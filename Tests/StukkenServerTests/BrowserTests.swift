import Foundation
import Testing

/// `stukken serve` in a real headless browser (Debian chromium + chromedriver +
/// python3-selenium, installed by Scripts/setup.sh): fill the evaluatie form, see the
/// preview update, download the YAML, check it. The script starts the server on a free
/// loopback port and stops it afterwards.
@Suite struct BrowserTests {
    static let executable: URL? = {
        var candidates: [URL] = []
        var dir = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(dir.appendingPathComponent("stukken"))
            dir = dir.deletingLastPathComponent()
        }
        candidates.append(Package.root.appendingPathComponent(".build/debug/stukken"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    @Test func evaluatieInHeadlessChromium() throws {
        let executable = try #require(Self.executable, "stukken executable not found (run swift build first)")
        let process = Process()
        // Debian's python3-selenium is importable from /usr/bin/python3 only.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [
            Package.root.appendingPathComponent("Tests/browser/formulier_e2e.py").path, executable.path,
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["STUKKEN_TEMPLATES"] = Package.root.appendingPathComponent("Templates").path
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(o)\n\(e)")
        #expect(o.contains("ok: evaluatie filled"))
    }
}
