import Foundation
import Testing

@testable import Stukken

/// The WeasyPrint pool keeps every promise of the one-process path: same bytes, the time
/// limit (a stuck worker replaced), the message when WeasyPrint is missing, nothing half
/// written when a worker dies. Each test has a pool of its own, so its environment (a fake
/// Python) reaches no other test.
@Suite(
    .enabled(
        if: PDFTools.weasyprintAvailable,
        "weasyprint is not installed (sudo apt-get install weasyprint, or bash Scripts/setup.sh): PDF tests skipped"))
struct PDFPoolTests {
    static var python: String { (try? WeasyPrint.locate().path) ?? "/usr/bin/python3" }

    /// A pool whose workers run `script` as their Python (`STUKKEN_PYTHON`).
    static func pool(size: Int = 1, python script: String, in folder: URL) throws -> WeasyPrintPool {
        let python = try executable(in: folder, "python", script)
        var environment = ProcessInfo.processInfo.environment
        environment["STUKKEN_PYTHON"] = python.path
        return WeasyPrintPool(size: size, environment: environment)
    }

    /// Byte for byte what a process of its own makes, also from a worker's second job and
    /// with a voorblad, for a small and a large example.
    @Test func sameBytesAsOneProcess() throws {
        let pool = WeasyPrintPool(size: 1)
        defer { pool.shutDown() }
        for (name, voorblad) in [("ab-ts-s.yaml", false), ("notitie-doorontwikkeling-ivz.yaml", true)] {
            let stuk = try loadExample(name)
            let alone = try Stukken.pdf(stuk, templates: Package.templateSet, options: .init(voorblad: voorblad))
            for _ in 0..<2 {
                let pooled = try Stukken.pdf(
                    stuk, templates: Package.templateSet, options: .init(voorblad: voorblad, pool: pool))
                #expect(pooled == alone, "\(name)")
            }
        }
    }

    /// A job that does not finish fails with today's message; its worker is killed and the
    /// next job gets a new one (the fake Python hangs only the first time).
    @Test func stuckWorkerIsReplaced() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let mark = folder.appendingPathComponent("vastgelopen").path
        let script = """
            #!/bin/sh
            if [ ! -e "\(mark)" ]; then echo $$ > "\(mark)"; exec sleep 60; fi
            exec "\(Self.python)" "$@"
            """
        let pool = try Self.pool(python: script, in: folder)
        defer { pool.shutDown() }
        let stuk = try loadExample("ab-ts-s.yaml")
        let started = Date()
        #expect(throws: PDFRenderer.Failure.timedOut(seconds: 1)) {
            try Stukken.pdf(stuk, templates: Package.templateSet, options: .init(timeout: 1, pool: pool))
        }
        #expect(Date().timeIntervalSince(started) < 10)
        let stuckPID = try #require(
            pid_t(String(contentsOfFile: mark, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(kill(stuckPID, 0) != 0, "the stuck worker is gone")
        let pdf = try Stukken.pdf(stuk, templates: Package.templateSet, options: .init(pool: pool))
        #expect(pdf.starts(with: Array("%PDF".utf8)))
    }

    /// A Python without the weasyprint module (site-packages off) gets today's message.
    @Test func missingModuleIsExplained() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pool = try Self.pool(python: "#!/bin/sh\nexec \"\(Self.python)\" -S \"$@\"\n", in: folder)
        defer { pool.shutDown() }
        #expect(throws: PDFRenderer.Failure.weasyprintMissing) {
            try Stukken.pdf(try loadExample("ab-ts-s.yaml"), templates: Package.templateSet, options: .init(pool: pool))
        }
        let notThere = folder.appendingPathComponent("geen-python").path
        #expect(throws: PDFRenderer.Failure.notExecutable(notThere)) {
            try WeasyPrint.locate(environment: ["STUKKEN_PYTHON": notThere])
        }
    }

    /// A worker that dies during a job: the job fails with its exit status, the next job
    /// starts a new worker.
    @Test func crashedWorkerFailsTheJob() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pool = try Self.pool(python: "#!/bin/sh\nread job\necho kapot >&2\nexit 7\n", in: folder)
        defer { pool.shutDown() }
        let stuk = try loadExample("ab-ts-s.yaml")
        for _ in 0..<2 {
            #expect(throws: PDFRenderer.Failure.failed(status: 7, detail: "kapot")) {
                try Stukken.pdf(stuk, templates: Package.templateSet, options: .init(pool: pool))
            }
        }
    }

    /// `render --format pdf` of several files makes them on workers (the Python is started
    /// with `--worker`), with the bytes each file gets when rendered on its own.
    @Test func renderOfManyFilesUsesWorkers() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let calls = folder.appendingPathComponent("aanroepen").path
        let python = try executable(
            in: folder, "python", "#!/bin/sh\necho \"$5\" >> \"\(calls)\"\nexec \"\(Self.python)\" \"$@\"\n")
        let environment = ["STUKKEN_PYTHON": python.path]
        let names = ["ab-ts-s", "memo-coalitieakkoorden"]
        let many = folder.appendingPathComponent("samen")
        let result = try CLI.run(
            ["render", "--format", "pdf", "-o", many.path] + names.map { "examples/\($0).yaml" },
            environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        let started = try String(contentsOfFile: calls, encoding: .utf8).split(separator: "\n")
        #expect(!started.isEmpty && started.allSatisfy { $0 == "--worker" }, "\(started)")
        for name in names {
            let alone = folder.appendingPathComponent("\(name).pdf")
            let single = try CLI.run(
                ["render", "--format", "pdf", "-o", alone.path, "examples/\(name).yaml"], environment: environment)
            #expect(single.status == 0, "\(single.stderr)")
            let pooled = try Data(contentsOf: many.appendingPathComponent("\(name).pdf"))
            #expect(pooled == (try Data(contentsOf: alone)), "\(name)")
        }
    }

    /// `pack --pdf` whose WeasyPrint dies: the pack fails and no folder is left, not half a pack.
    @Test func crashedWorkerLeavesNoHalfPack() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let python = try executable(in: folder, "python", "#!/bin/sh\nread job\nexit 7\n")
        let out = folder.appendingPathComponent("site")
        let result = try CLI.run(
            ["pack", "examples/vergadering/vergadering.yaml", "-o", out.path, "--pdf"],
            environment: ["STUKKEN_PYTHON": python.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains(PDFMessage.failed(status: 7, detail: "").text), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
