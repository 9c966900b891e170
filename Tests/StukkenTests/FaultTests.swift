import Foundation
import Testing

@testable import Stukken

#if canImport(Glibc)
    import Glibc
#endif

/// A meeting folder in a temporary directory: the example meeting, the pack-path fixtures,
/// and what git cannot hold (symlinks, a FIFO, a directory named like a file, two files
/// whose names differ only in case).
func hostileMeetingFolder() throws -> URL {
    let dir = try temporaryDirectory()
    let fm = FileManager.default
    let source = Package.examples.appendingPathComponent("vergadering")
    for name in try fm.contentsOfDirectory(atPath: source.path) {
        try fm.copyItem(at: source.appendingPathComponent(name), to: dir.appendingPathComponent(name))
    }
    let fixtures = Package.fixtures.appendingPathComponent("battery/pack")
    for name in try fm.contentsOfDirectory(atPath: fixtures.path) where name.hasSuffix(".yaml") {
        try fm.copyItem(at: fixtures.appendingPathComponent(name), to: dir.appendingPathComponent(name))
    }
    try fm.copyItem(
        at: fixtures.appendingPathComponent("stukken/bijlagen-hoofdletters.yaml"),
        to: dir.appendingPathComponent("stukken/bijlagen-hoofdletters.yaml"))
    let stukken = dir.appendingPathComponent("stukken")
    try fm.createSymbolicLink(
        atPath: stukken.appendingPathComponent("link-naar-buiten.yaml").path, withDestinationPath: "/etc/hostname")
    try fm.createSymbolicLink(
        atPath: stukken.appendingPathComponent("link-naar-binnen.yaml").path, withDestinationPath: "e3-ts-s.yaml")
    #expect(mkfifo(stukken.appendingPathComponent("fifo.yaml").path, 0o644) == 0)
    try fm.createDirectory(at: stukken.appendingPathComponent("map.yaml"), withIntermediateDirectories: false)
    try Data("%PDF-1.4 Advies (hoofdletter)\n".utf8).write(to: dir.appendingPathComponent("bijlagen/Advies.pdf"))
    try Data("%PDF-1.4 advies (kleine letter)\n".utf8).write(to: dir.appendingPathComponent("bijlagen/advies.pdf"))
    return dir
}

struct PackPathCase: CustomTestStringConvertible, Sendable {
    var file: String
    var refused: Bool
    var line: Int?
    var column: Int?
    var message: String?
    var testDescription: String { file }

    static let all: [PackPathCase] = {
        let url = Package.fixtures.appendingPathComponent("battery/pack/expectations.tsv")
        guard let table = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return table.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { row in
            let c = row.split(separator: "\t").map(String.init)
            return PackPathCase(
                file: c[0], refused: c[1] == "error", line: Int(c[2]), column: Int(c[3]),
                message: c[4] == "-" ? nil : c[4])
        }
    }()
}

/// Every file of a pack folder (path → bytes), the hidden leftovers beside it excluded.
func snapshot(_ folder: URL) -> [String: Data] {
    var result: [String: Data] = [:]
    guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return result }
    for case let path as String in walker {
        var isDir: ObjCBool = false
        let full = folder.appendingPathComponent(path).path
        if FileManager.default.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue {
            result[path] = FileManager.default.contents(atPath: full)
        }
    }
    return result
}

@Suite(.serialized) struct FaultTests {
    @Test(arguments: PackPathCase.all)
    func attachmentPath(_ c: PackPathCase) throws {
        let dir = try hostileMeetingFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let meeting = dir.appendingPathComponent(c.file).path
        let output = dir.deletingLastPathComponent().appendingPathComponent(dir.lastPathComponent + "-uit")
        defer { try? FileManager.default.removeItem(at: output) }
        switch PackPlan.make(meeting: meeting, output: output.path, audience: .openbaar(metContactgegevens: false)) {
        case .failure(let e):
            #expect(c.refused, "\(c.file) refused: \(e.diagnostics.map(\.message))")
            #expect(
                e.diagnostics.contains { $0.line == c.line && $0.column == c.column && $0.message == c.message },
                "\(c.file): \(e.diagnostics.map { "\($0.line ?? 0):\($0.column ?? 0) \($0.message)" })")
        case .success(let plan):
            #expect(!c.refused, "\(c.file) was accepted")
            _ = try PackWriter(
                plan: plan, templates: Package.templateSet,
                options: .init(output: output.path)
            ).write()
            let paths = snapshot(output).keys
            // No two files of a pack may collide on a case-insensitive disk (or when unzipped there).
            #expect(Set(paths.map { $0.lowercased() }).count == paths.count, "\(paths.sorted())")
            if c.file == "case-collision-bijlagen.yaml" {
                #expect(paths.filter { $0.hasSuffix(".pdf") }.count == 2, "\(paths.sorted())")
            }
        }
    }

    /// SIGKILL a `stukken pack` at random moments: the folder is always a whole pack (the
    /// old one or the new one), never a mix or a half; the next run cleans the leftovers.
    @Test func killedPackBuildsLeaveAWholePack() throws {
        let dir = try hostileMeetingFolder()
        let work = try temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: dir)
            try? FileManager.default.removeItem(at: work)
        }
        let meeting = dir.appendingPathComponent("vergadering.yaml").path
        let output = work.appendingPathComponent("site")
        let e3 = dir.appendingPathComponent("stukken/e3-ts-s.yaml")
        let original = try String(contentsOf: e3, encoding: .utf8)
        // Two versions of the input, so the old and the new pack differ.
        func useVersion(_ n: Int) throws {
            try original.replacingOccurrences(
                of: "Verantwoording en voorstel", with: "Verantwoording (versie \(n)) en voorstel"
            )
            .write(to: e3, atomically: true, encoding: .utf8)
        }
        var packs: [Int: [String: Data]] = [:]
        var seconds = 0.0
        for n in 0..<2 {
            try useVersion(n)
            let started = Date()
            let r = try CLI.run(["pack", meeting, "-o", output.path])
            seconds = max(seconds, Date().timeIntervalSince(started))
            #expect(r.status == 0, "\(r.stderr)")
            packs[n] = snapshot(output)
        }
        #expect(packs[0] != packs[1])
        #expect(packs[1]?["manifest.json"] != nil)

        var generator = SeededGenerator(seed: 20_161_010)
        var killedMidway = 0
        let trials = 24
        for trial in 0..<trials {
            let version = trial % 2
            let before = snapshot(output)
            try useVersion(version)
            let delay = Double.random(in: 0...(seconds * 1.2), using: &generator)
            let status = try CLI.runKilled(["pack", meeting, "-o", output.path], after: delay)
            if status == nil { killedMidway += 1 }
            let after = snapshot(output)
            // Whole: exactly the pack before, or exactly the complete new one.
            #expect(
                after == before || after == packs[version],
                "trial \(trial): a partial or mixed pack after SIGKILL at \(delay) s")
            // Nothing half-built is visible under the pack's own name.
            let visible = try FileManager.default.contentsOfDirectory(atPath: work.path).filter { !$0.hasPrefix(".") }
            #expect(visible == ["site"], "trial \(trial): \(visible)")
        }
        #expect(killedMidway > 0, "no trial was killed before it finished: the test proved nothing")
        // The next complete run removes the leftovers of killed runs.
        try useVersion(0)
        let r = try CLI.run(["pack", meeting, "-o", output.path])
        #expect(r.status == 0)
        #expect(snapshot(output) == packs[0])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: work.path).filter { $0 != "site" }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    /// A disk that fills up halfway: a clear Dutch error, the old pack untouched, no leftovers.
    /// Negative arguments count back from the pack's whole size, so the disk also fills up
    /// while the ZIP (written last, a batch at a time) is being written: -1 is its last byte.
    @Test(arguments: [0, 2_000, 60_000, -20_000, -1])
    func diskFullKeepsThePreviousPack(bytesBeforeFull: Int) throws {
        let dir = try hostileMeetingFolder()
        let work = try temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: dir)
            try? FileManager.default.removeItem(at: work)
        }
        let output = work.appendingPathComponent("site").path
        let plan = try PackPlan.make(
            meeting: dir.appendingPathComponent("vergadering.yaml").path, output: output,
            audience: .openbaar(metContactgegevens: false)
        ).get()
        _ = try PackWriter(
            plan: plan, templates: Package.templateSet,
            options: .init(output: output)
        ).write()
        let before = snapshot(URL(fileURLWithPath: output))

        let whole = before.values.reduce(0) { $0 + $1.count }
        let disk = FullDisk(capacity: bytesBeforeFull >= 0 ? bytesBeforeFull : whole + bytesBeforeFull)
        let options = PackWriter.Options(
            output: output, writeFile: disk.write,
            appendFile: disk.append)
        #expect {
            _ = try PackWriter(plan: plan, templates: Package.templateSet, options: options).write()
        } throws: { error in
            let text = String(describing: error)
            return text.hasPrefix(output + ": stap '") && text.contains(": de schijf is vol (geen ruimte meer)")
        }
        #expect(snapshot(URL(fileURLWithPath: output)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.path) == ["site"])
    }

    /// A disk that fills up names the step and the file it was writing: the first page when
    /// it is full from the start, the first bijlage copy when only the pages fit, the ZIP at
    /// its last byte.
    @Test(
        arguments: [
            ("pagina's maken", "e3.html"), ("bijlagen kopiëren", "e3-bijlagen/"), ("ZIP schrijven", nil),
        ] as [(String, String?)])
    func aFailingStepIsNamed(step: String, item: String?) throws {
        let work = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let output = work.appendingPathComponent("site").path
        let meeting = Package.examples.appendingPathComponent("vergadering/vergadering.yaml").path
        let plan = try PackPlan.make(meeting: meeting, output: output, audience: .besloten).get()
        let whole = try PackWriter(plan: plan, templates: Package.templateSet, options: .init(output: output))
            .write().bytes
        let pages = snapshot(URL(fileURLWithPath: output)).filter {
            $0.key.hasSuffix(".html") && $0.key != "index.html"
        }
        let capacity = [
            "pagina's maken": 0, "bijlagen kopiëren": pages.values.reduce(1) { $0 + $1.count },
            "ZIP schrijven": whole - 1,
        ][step]!
        let disk = FullDisk(capacity: capacity)
        let options = PackWriter.Options(output: output, writeFile: disk.write, appendFile: disk.append)
        #expect {
            _ = try PackWriter(plan: plan, templates: Package.templateSet, options: options).write()
        } throws: { error in
            guard case .step(let named, let file, let reason, let shown)? = error as? PackWriter.Failure else {
                return false
            }
            return named == step && shown == output && reason.hasPrefix("de schijf is vol (geen ruimte meer)")
                && (item == nil ? file == nil : file?.hasPrefix(item!) == true)
                && String(describing: error).hasPrefix("\(output): stap '\(step)'\(file.map { ", " + $0 } ?? ""): ")
        }
    }

    /// Permissions block nothing for root, but a path through a regular file cannot be written by anyone.
    @Test func unwritableOutputGivesAClearError() throws {
        let work = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let file = work.appendingPathComponent("een-bestand")
        try Data("x".utf8).write(to: file)
        let meeting = Package.examples.appendingPathComponent("vergadering/vergadering.yaml").path
        let pack = try CLI.run(["pack", meeting, "-o", file.appendingPathComponent("site").path])
        #expect(pack.status == 1)
        #expect(pack.stderr.contains("een deel van het pad is een bestand, geen map"), "\(pack.stderr)")
        let render = try CLI.run([
            "render", Package.examples.appendingPathComponent("ab-ts-s.yaml").path, "-o",
            file.appendingPathComponent("ab.html").path,
        ])
        #expect(render.status == 1)
        #expect(!render.stderr.isEmpty && !render.stderr.contains("Fatal error"), "\(render.stderr)")
        #expect(try Data(contentsOf: file) == Data("x".utf8))
    }
}

/// A disk with room for `capacity` bytes; then every write fails with ENOSPC, after
/// writing what fits (as a real full disk does).
final class FullDisk: @unchecked Sendable {
    private let lock = NSLock()
    private var left: Int
    init(capacity: Int) { left = capacity }

    func write(_ data: Data, _ url: URL) throws {
        let fits = room(for: data)
        try PackWriter.writeFile(data.prefix(fits), url)
        if fits < data.count { throw POSIXError(.ENOSPC) }
    }

    func append(_ data: Data, _ url: URL) throws {
        let fits = room(for: data)
        try PackWriter.appendFile(data.prefix(fits), url)
        if fits < data.count { throw POSIXError(.ENOSPC) }
    }

    private func room(for data: Data) -> Int {
        lock.withLock { () -> Int in
            let n = min(left, data.count)
            left -= n
            return n
        }
    }
}

/// SplitMix64: a fixed seed gives the same test every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension CLI {
    /// Runs `stukken` and sends SIGKILL after `delay` seconds. Returns the exit status,
    /// or nil when the process was killed before it finished.
    static func runKilled(_ arguments: [String], after delay: Double) throws -> Int32? {
        let executable = try #require(executable)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["STUKKEN_TEMPLATES"] = Package.templates
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        usleep(useconds_t(delay * 1_000_000))
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal ? nil : process.terminationStatus
    }
}
