import Foundation

/// Stage 6: a standalone HTML page → PDF, by WeasyPrint (Debian `weasyprint`), which
/// implements CSS paged media: `@page` margin boxes, `string-set` running headers, page
/// counters, bookmarks. Chromium's print-to-PDF does none of that (see TECH-NOTES).
///
/// WeasyPrint runs as a child process with a time limit; its output goes to a private
/// temporary folder and comes back as bytes, so a failed or killed run leaves nothing
/// behind and callers write the result atomically. `SOURCE_DATE_EPOCH` is fixed, so the
/// same page gives the same bytes.
public enum PDFRenderer {
    public struct Options: Sendable {
        /// A cover page before the document (seed 004: PLATFORM IVZ / SAMEN STERK VOOR EEN
        /// VEILIG TWENTE / VOORSTEL … / ONDERWERP …), unnumbered.
        public var voorblad: Bool
        /// Seconds WeasyPrint may take before it is stopped.
        public var timeout: Double

        public init(voorblad: Bool = false, timeout: Double = 120) {
            self.voorblad = voorblad
            self.timeout = timeout
        }
    }

    public enum Failure: Error, CustomStringConvertible, Equatable {
        case weasyprintMissing
        case notExecutable(String)
        case timedOut(seconds: Int)
        case failed(status: Int32, detail: String)
        case io(String)

        public var description: String {
            switch self {
            case .weasyprintMissing: PDFMessage.weasyprintMissing
            case .notExecutable(let p): PDFMessage.weasyprintNotExecutable(p)
            case .timedOut(let s): PDFMessage.timedOut(seconds: s)
            case .failed(let status, let detail): PDFMessage.failed(status: status, detail: detail)
            case .io(let detail): PDFMessage.io(detail)
            }
        }
    }

    /// The one entry point: a document as PDF bytes.
    public static func pdf(_ stuk: Stuk, templates: TemplateSet, options: Options = Options()) throws(Failure) -> Data {
        try render(printPage(stuk, templates: templates, voorblad: options.voorblad, extras: nil), timeout: options.timeout)
    }

    /// The page as WeasyPrint gets it: the same HTML page, plus the running header's
    /// strings, the metadata and (when asked) the cover.
    static func printPage(_ stuk: Stuk, templates: TemplateSet, voorblad: Bool, extras: PageExtras?) -> HTMLPage {
        let header = PrintHeader.of(stuk.document)
        return WideTables.mark(Stukken.html(stuk, templates: templates, extras: extras, print: header.context(voorblad: voorblad)))
    }

    /// Any page of ours through WeasyPrint.
    static func render(_ page: HTMLPage, timeout: Double) throws(Failure) -> Data {
        let weasyprint = try WeasyPrint.locate()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "stukken-pdf-\(getpid())-\(UInt64.random(in: 0...UInt64.max))")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        } catch {
            throw .io("\(folder.path): \(error.localizedDescription)")
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("pagina.html")
        let output = folder.appendingPathComponent("stuk.pdf")
        guard FileManager.default.createFile(atPath: input.path, contents: Data(page.html.utf8)) else {
            throw .io("\(input.path): \(String(cString: strerror(errno)))")
        }
        try WeasyPrint.run(weasyprint, input: input, output: output, log: folder.appendingPathComponent("log.txt"), timeout: timeout)
        guard let data = FileManager.default.contents(atPath: output.path), data.starts(with: Array("%PDF".utf8)) else {
            throw .failed(status: 0, detail: "geen PDF in de uitvoer")
        }
        return data
    }
}

/// The WeasyPrint command line, found and run.
enum WeasyPrint {
    /// `STUKKEN_WEASYPRINT` (a path) overrides the search of `PATH`.
    static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws(PDFRenderer.Failure) -> URL {
        if let path = environment["STUKKEN_WEASYPRINT"], !path.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: path) else { throw .notExecutable(path) }
            return URL(fileURLWithPath: path)
        }
        let directories = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        for directory in directories {
            let candidate = String(directory) + "/weasyprint"
            if FileManager.default.isExecutableFile(atPath: candidate) { return URL(fileURLWithPath: candidate) }
        }
        throw .weasyprintMissing
    }

    /// Fixed, so a PDF does not change with the day it was made. A caller's own
    /// `SOURCE_DATE_EPOCH` is kept (reproducible-builds convention).
    static let defaultEpoch = "0"

    static func run(_ executable: URL, input: URL, output: URL, log: URL, timeout: Double) throws(PDFRenderer.Failure) {
        let process = Process()
        process.executableURL = executable
        // `--base-url ""`: relative links (bijlagen in a pack) stay relative instead of
        // becoming file:// paths of the temporary folder; nothing relative is fetched.
        process.arguments = ["--quiet", "--pdf-variant", "pdf/ua-1", "--base-url", "", "--encoding", "utf-8", input.path, output.path]
        var environment = ProcessInfo.processInfo.environment
        if environment["SOURCE_DATE_EPOCH"] == nil { environment["SOURCE_DATE_EPOCH"] = defaultEpoch }
        environment["LC_ALL"] = "C.UTF-8"
        process.environment = environment
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let logHandle = try? FileHandle(forWritingTo: log)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = logHandle ?? FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            throw .io("\(executable.path): \(error.localizedDescription)")
        }
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            if finished.wait(timeout: .now() + 5) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                finished.wait()
            }
            try? logHandle?.close()
            throw .timedOut(seconds: Int(timeout))
        }
        try? logHandle?.close()
        if process.terminationStatus != 0 {
            let detail = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            throw .failed(status: process.terminationStatus, detail: String(detail.suffix(2000)).trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }
}

extension PDFRenderer.Failure {
    public var isNotExecutable: Bool { if case .notExecutable = self { true } else { false } }
    /// For the command line's check of `-o`.
    public static var stdoutRefused: String { PDFMessage.stdoutRefused }
}
