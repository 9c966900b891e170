import Foundation
import Testing

/// The `stukken` binary run as a process, as users and scripts run it.
enum CLI {
    /// The executable SwiftPM built beside this test bundle.
    static let executable: URL? = {
        var candidates: [URL] = []
        let testBinary = URL(fileURLWithPath: CommandLine.arguments.first ?? "")
        var dir = testBinary.deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(dir.appendingPathComponent("stukken"))
            dir = dir.deletingLastPathComponent()
        }
        candidates.append(Package.root.appendingPathComponent(".build/debug/stukken"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], in directory: URL = Package.root, environment extra: [String: String] = [:])
        throws -> Result
    {
        let executable = try #require(executable, "stukken executable not found (run swift build first)")
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["STUKKEN_TEMPLATES"] = Package.templates
        environment.merge(extra) { _, new in new }
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes before waiting, so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}

func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("stukken-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

@Suite struct CLITests {
    @Test func checkAcceptsEveryExample() throws {
        let files = Package.exampleFiles.map { "examples/" + $0 }
        let result = try CLI.run(["check"] + files)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
    }

    @Test func checkReportsEveryErrorLocatedAndExitsOne() throws {
        let result = try CLI.run(["check", "examples/fout/voorstel-met-fouten.yaml"])
        #expect(result.status == 1)
        let firstLines = result.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(firstLines.count == 8)
        #expect(
            firstLines.contains(
                "examples/fout/voorstel-met-fouten.yaml:9:1: error: STK022: onbekend veld 'portefeulliehouder'; bedoelde u 'portefeuillehouder'?"
            ))
        // The source line and a caret follow the message.
        #expect(result.stderr.contains("portefeulliehouder: voorzitter\n^"))
    }

    @Test func checkGoesOnAfterABadFile() throws {
        let result = try CLI.run([
            "check", "examples/fout/voorstel-met-fouten.yaml", "examples/ab-ts-s.yaml", "examples/ontbreekt.yaml",
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("examples/ontbreekt.yaml: error: STK001: bestand niet gevonden"))
        #expect(result.stderr.contains("2 van 3 bestanden met fouten"))
    }

    /// A meeting file is checked as `pack` would check it: every stuk and bijlage it names.
    @Test func checkOnAMeetingFileChecksWhatItNames() throws {
        let good = try CLI.run(["check", "examples/vergadering/vergadering.yaml"])
        #expect(good.status == 0, "\(good.stderr)")
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let meeting = dir.appendingPathComponent("vergadering.yaml")
        try "soort: vergadering\norgaan: AB\ndatum: 2016-10-10\nagenda:\n  - stuk: ontbreekt.yaml\n"
            .write(to: meeting, atomically: true, encoding: .utf8)
        let bad = try CLI.run(["check", meeting.path])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("vergadering.yaml:5:11: error: STK052: 'ontbreekt.yaml' bestaat niet"))
    }

    /// 20,000 diagnostics in one file (issue 16, H3): the first hundred are printed, then how
    /// many more; the exit status is that of a file with errors.
    @Test func checkPrintsAHundredDiagnosticsAFileThenHowManyMore() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("veel.yaml")
        let head = try String(contentsOf: Package.examples.appendingPathComponent("ab-ts-s.yaml"), encoding: .utf8)
        try (head + (0..<20_000).map { "k\($0): 1\n" }.joined()).write(to: file, atomically: true, encoding: .utf8)
        for command in [["check"], ["render", "-o", dir.appendingPathComponent("uit.html").path]] {
            let result = try CLI.run(command + [file.path])
            #expect(result.status == 1)
            #expect(result.stderr.components(separatedBy: ": error: ").count - 1 == 100)
            #expect(
                result.stderr.contains("veel.yaml: … en nog 19900 fouten (niet getoond)"),
                "\(result.stderr.suffix(300))")
        }
    }

    /// A meeting file over the meeting limit is refused with that limit, not a stuk's (L3).
    @Test func checkQuotesTheMeetingLimitForATooLargeMeetingFile() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let meeting = dir.appendingPathComponent("vergadering.yaml")
        let item = "  - agendapunt: A\n    titel: Opening en mededelingen van de voorzitter\n"
        let text =
            "soort: vergadering\norgaan: AB\ndatum: 2016-10-10\nagenda:\n"
            + String(repeating: item, count: (8 << 20) / item.utf8.count + 1)
        try text.write(to: meeting, atomically: true, encoding: .utf8)
        let result = try CLI.run(["check", meeting.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("hoogstens 8000000)"), "\(result.stderr)")
        #expect(!result.stderr.contains("hoogstens 262144"))
    }

    @Test func wrongCommandLineUsesArgumentParsersCode() throws {
        let result = try CLI.run(["render", "--format", "docx", "examples/ab-ts-s.yaml"])
        #expect(result.status == 64)
    }

    @Test func renderOneFileToStdout() throws {
        let result = try CLI.run(["render", "examples/ab-ts-s.yaml"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("<!DOCTYPE html>\n<html lang=\"nl\">"))
        #expect(result.stdout.contains("<title>Voorstel: Verantwoording en voorstel voor vervolg TS&amp;S</title>"))
    }

    @Test func renderMarkdownMatchesTheLibrary() throws {
        let result = try CLI.run(["render", "--format", "markdown", "examples/ab-ts-s.yaml"])
        #expect(result.status == 0)
        let golden = try String(contentsOf: Package.goldens.appendingPathComponent("ab-ts-s.md"), encoding: .utf8)
        #expect(result.stdout == golden)
    }

    @Test func renderSeveralFilesIntoADirectory() throws {
        let out = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let target = out.appendingPathComponent("html").path
        let result = try CLI.run([
            "render", "examples/ab-ts-s.yaml", "examples/ab-coalitieakkoorden.yaml", "-o", target,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let written = try FileManager.default.contentsOfDirectory(atPath: target).sorted()
        #expect(written == ["ab-coalitieakkoorden.html", "ab-ts-s.html"])
    }

    @Test func renderRefusesToOverwriteItsInput() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("stuk.yaml")
        try FileManager.default.copyItem(at: Package.examples.appendingPathComponent("ab-ts-s.yaml"), to: input)
        let before = try Data(contentsOf: input)
        let result = try CLI.run(["render", input.path, "-o", input.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("weigert een invoerbestand te overschrijven"))
        #expect(try Data(contentsOf: input) == before)
    }

    /// The output folder holds a symlink and a hard link to inputs, named as outputs will be:
    /// neither input may change (inputs are known by device and inode, not by path).
    @Test func renderRefusesInputsReachedThroughLinks() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let inputs = dir.appendingPathComponent("in")
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let a = inputs.appendingPathComponent("a.yaml")
        let b = inputs.appendingPathComponent("b.yaml")
        try FileManager.default.copyItem(at: Package.examples.appendingPathComponent("ab-ts-s.yaml"), to: a)
        try FileManager.default.copyItem(
            at: Package.examples.appendingPathComponent("ab-coalitieakkoorden.yaml"), to: b)
        try FileManager.default.createSymbolicLink(at: out.appendingPathComponent("a.html"), withDestinationURL: a)
        try FileManager.default.linkItem(at: b, to: out.appendingPathComponent("b.html"))
        let before = (try Data(contentsOf: a), try Data(contentsOf: b))
        let result = try CLI.run(["render", a.path, b.path, "-o", out.path])
        #expect(result.status == 1)
        #expect(
            result.stderr.components(separatedBy: "weigert een invoerbestand te overschrijven").count == 3,
            "\(result.stderr)")
        #expect(try Data(contentsOf: a) == before.0)
        #expect(try Data(contentsOf: b) == before.1)
    }

    /// `a.yaml` and `a.yml` would both become `a.html`: both refused, nothing half-written;
    /// the same path named twice is rendered once.
    @Test func renderRefusesTwoInputsForOneOutput() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let example = Package.examples.appendingPathComponent("ab-ts-s.yaml")
        for name in ["a.yaml", "a.yml", "b.yaml"] {
            try FileManager.default.copyItem(at: example, to: dir.appendingPathComponent(name))
        }
        let out = dir.appendingPathComponent("html").path
        let result = try CLI.run([
            "render", dir.appendingPathComponent("a.yaml").path, dir.appendingPathComponent("a.yml").path,
            dir.appendingPathComponent("b.yaml").path, dir.appendingPathComponent("b.yaml").path, "-o", out,
        ])
        #expect(result.status == 1)
        #expect(result.stderr.components(separatedBy: "wordt ook a.html").count == 3, "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out) == ["b.html"])
    }

    /// A folder stands for the YAML files directly in it, sorted; an empty one is an error.
    @Test func renderAFolderRendersItsYAMLFiles() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let inputs = dir.appendingPathComponent("stukken")
        try FileManager.default.createDirectory(
            at: inputs.appendingPathComponent("sub"), withIntermediateDirectories: true)
        for name in ["ab-ts-s.yaml", "memo-weerbaarheidsscans.yaml"] {
            try FileManager.default.copyItem(
                at: Package.examples.appendingPathComponent(name), to: inputs.appendingPathComponent(name))
        }
        try Data("niet: yaml van ons".utf8).write(to: inputs.appendingPathComponent("notities.txt"))
        try FileManager.default.copyItem(
            at: Package.examples.appendingPathComponent("ab-coalitieakkoorden.yaml"),
            to: inputs.appendingPathComponent("sub/diep.yaml"))
        let out = dir.appendingPathComponent("html").path
        let result = try CLI.run(["render", inputs.path, "-o", out])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: out).sorted() == [
                "ab-ts-s.html", "memo-weerbaarheidsscans.html",
            ])
        #expect(try CLI.run(["check", inputs.path]).status == 0)

        // A meeting's folder holds its agenda beside its stukken: render leaves it out, says
        // so, and succeeds; named on its own it is an error that points at `stukken pack`.
        let meeting = inputs.appendingPathComponent("vergadering.yaml")
        try "soort: vergadering\norgaan: AB\ndatum: 2016-10-10\nagenda:\n  - stuk: ab-ts-s.yaml\n".write(
            to: meeting, atomically: true, encoding: .utf8)
        let withMeeting = try CLI.run(["render", inputs.path, "-o", dir.appendingPathComponent("html2").path])
        #expect(withMeeting.status == 0, "\(withMeeting.stderr)")
        #expect(
            withMeeting.stderr.contains("vergadering.yaml: note: STK033: een vergadering, geen stuk: overgeslagen"),
            "\(withMeeting.stderr)")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("html2").path).sorted()
                == ["ab-ts-s.html", "memo-weerbaarheidsscans.html"])
        let alone = try CLI.run(["render", meeting.path, "-o", dir.appendingPathComponent("html3").path])
        #expect(alone.status == 1)
        #expect(
            alone.stderr.contains("dit is een vergadering, geen stuk: maak het pakket met 'stukken pack'"),
            "\(alone.stderr)")

        let empty = dir.appendingPathComponent("leeg")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let refused = try CLI.run(["render", empty.path, "-o", out])
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("deze map bevat geen .yaml-bestanden"), "\(refused.stderr)")
    }

    @Test func renderWithErrorsWritesNothingForThatFile() throws {
        let out = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try CLI.run([
            "render", "examples/fout/voorstel-met-fouten.yaml", "examples/ab-ts-s.yaml", "-o", out.path,
        ])
        #expect(result.status == 1)
        let written = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(written == ["ab-ts-s.html"])
    }

    @Test func twoRunsGiveIdenticalBytes() throws {
        let a = try CLI.run(["render", "examples/dvo-doorontwikkeling-ivz.yaml"])
        let b = try CLI.run(["render", "examples/dvo-doorontwikkeling-ivz.yaml"])
        #expect(a.status == 0)
        #expect(a.stdout == b.stdout)
    }
}
