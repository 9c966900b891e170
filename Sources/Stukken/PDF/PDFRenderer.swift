import Foundation

/// Stage 6: a standalone HTML page → PDF, by WeasyPrint (Debian `weasyprint`), which
/// implements CSS paged media: `@page` margin boxes, `string-set` running headers, page
/// counters, bookmarks. Chromium's print-to-PDF does none of that (see TECH-NOTES).
///
/// WeasyPrint runs in a child process (`WeasyPrintDriver`, its Python API) with a time
/// limit; its output goes to a private temporary folder and comes back as bytes, so a
/// failed or killed run leaves nothing behind and callers write the result atomically.
/// `SOURCE_DATE_EPOCH` is fixed, so the same page gives the same bytes. Making a PDF reads
/// nothing from the network and no file but the images a stuk names in its own folder (and
/// those only when asked); what is left out comes back as a located warning.
public enum PDFRenderer {
    public struct Options: Sendable {
        /// A cover page before the document (seed 004: PLATFORM IVZ / SAMEN STERK VOOR EEN
        /// VEILIG TWENTE / VOORSTEL … / ONDERWERP …), unnumbered.
        public var voorblad: Bool
        /// Seconds WeasyPrint may take before it is stopped.
        public var timeout: Double
        /// Images the stuk names by a relative path (`![grafiek](grafiek.png)`) are read from
        /// the stuk's own folder or below it. Off unless asked: the form and a pack read no
        /// files beyond the stuk (their HTML pages could not show such an image either).
        public var localImages: Bool
        /// A form prints its hulpvragen under each label (`render --met-hulpvragen`).
        public var metHulpvragen: Bool
        /// Workers that stay alive between PDFs (`WeasyPrintPool.shared` for many PDFs);
        /// `nil`: a process of its own, as good for a single PDF.
        public var pool: WeasyPrintPool?

        public init(
            voorblad: Bool = false, timeout: Double = 120, localImages: Bool = false, metHulpvragen: Bool = false,
            pool: WeasyPrintPool? = nil
        ) {
            self.voorblad = voorblad
            self.timeout = timeout
            self.localImages = localImages
            self.metHulpvragen = metHulpvragen
            self.pool = pool
        }
    }

    /// A PDF and the warnings about what it was made without (images it may not fetch).
    public struct RenderedPDF: Sendable {
        public var data: Data
        public var warnings: [Diagnostic]
    }

    public enum Failure: Error, CustomStringConvertible, Equatable {
        case weasyprintMissing
        case notExecutable(String)
        case timedOut(seconds: Int)
        case failed(status: Int32, detail: String)
        case io(String)

        public var description: String {
            switch self {
            case .weasyprintMissing: PDFMessage.weasyprintMissing.description
            case .notExecutable(let p): PDFMessage.weasyprintNotExecutable(p).description
            case .timedOut(let s): PDFMessage.timedOut(seconds: s).description
            case .failed(let status, let detail): PDFMessage.failed(status: status, detail: detail).description
            case .io(let detail): PDFMessage.io(detail).description
            }
        }
    }

    /// A document as PDF bytes; what was left out is not said (see `rendered`).
    public static func pdf(_ stuk: Stuk, templates: TemplateSet, options: Options = Options()) throws(Failure) -> Data {
        try rendered(stuk, templates: templates, options: options).data
    }

    /// A document as PDF, with a warning for every image it was made without.
    public static func rendered(
        _ stuk: Stuk, templates: TemplateSet, options: Options = Options()
    ) throws(Failure) -> RenderedPDF {
        let page = printPage(
            stuk, templates: templates, voorblad: options.voorblad, extras: nil, metHulpvragen: options.metHulpvragen)
        let folder = options.localImages ? URL(fileURLWithPath: stuk.source.path).deletingLastPathComponent().path : nil
        let (data, refused) = try render(page, timeout: options.timeout, imageFolder: folder, pool: options.pool)
        // In the order of the source, as the other diagnostics are.
        let warnings = refused.flatMap { $0.diagnostics(for: stuk) }
        let sorted = warnings.sorted { ($0.line ?? .max, $0.column ?? 0) < ($1.line ?? .max, $1.column ?? 0) }
        return RenderedPDF(data: data, warnings: sorted)
    }

    /// The page as WeasyPrint gets it: the same HTML page, plus the running header's
    /// strings, the metadata and (when asked) the cover.
    static func printPage(
        _ stuk: Stuk, templates: TemplateSet, voorblad: Bool, extras: PageExtras?, metHulpvragen: Bool = false
    ) -> HTMLPage {
        let header = PrintHeader.of(stuk.document)
        return WideTables.mark(
            Stukken.html(
                stuk, templates: templates, extras: extras, print: header.context(voorblad: voorblad),
                metHulpvragen: metHulpvragen))
    }

    /// Any page of ours through WeasyPrint, reading no image files (a pack's pages).
    static func render(_ page: HTMLPage, timeout: Double, pool: WeasyPrintPool? = nil) throws(Failure) -> Data {
        try render(page, timeout: timeout, imageFolder: nil, pool: pool).data
    }

    /// `imageFolder`: where relative image paths point; nil reads no file at all. With a
    /// pool the same driver gets the same files, on a worker instead of a new process.
    static func render(
        _ page: HTMLPage, timeout: Double, imageFolder: String?, pool: WeasyPrintPool? = nil
    ) throws(Failure) -> (data: Data, refused: [RefusedImage]) {
        let folder = try PrivateFolder.create(prefix: "stukken-pdf")
        defer { folder.remove() }
        let pagePath = try folder.write(Data(page.html.utf8), to: "pagina.html")
        let (output, report) = (folder.path("stuk.pdf"), folder.path("weggelaten.json"))
        if let pool {
            try pool.run([pagePath, output, report, imageFolder], timeout: timeout)
        } else {
            let python = try WeasyPrint.locate()
            let run = WeasyPrint.Run(
                driver: try folder.write(Data(WeasyPrintDriver.source.utf8), to: WeasyPrintDriver.fileName),
                page: pagePath, output: output, report: report, imageFolder: imageFolder,
                log: try folder.write(Data(), to: "log.txt"))
            try WeasyPrint.run(python, run, timeout: timeout)
        }
        guard let data = FileManager.default.contents(atPath: output), data.starts(with: Array("%PDF".utf8)) else {
            throw .failed(status: 0, detail: MessagePart.noPDFInOutput)
        }
        guard let report = FileManager.default.contents(atPath: report),
            let refused = try? JSONDecoder().decode([RefusedImage].self, from: report)
        else { throw .failed(status: 0, detail: MessagePart.noImageReport) }
        return (data, refused)
    }
}

/// WeasyPrint's Python, found and run with our driver.
enum WeasyPrint {
    /// The Python that has the `weasyprint` module: the one named on the first line (`#!`)
    /// of the `weasyprint` program. Debian's is `/usr/bin/python3`, and only that Python has
    /// Debian's module (a `python3` earlier on `PATH`, from pyenv or a venv, does not); a
    /// WeasyPrint installed with pip names its own. `STUKKEN_WEASYPRINT` (a path to a
    /// `weasyprint` program) overrides the search of `PATH`; `STUKKEN_PYTHON` (a Python
    /// that can import `weasyprint`) overrides both.
    static func locate(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(PDFRenderer.Failure) -> URL {
        if let python = environment["STUKKEN_PYTHON"], !python.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: python) else { throw .notExecutable(python) }
            return URL(fileURLWithPath: python)
        }
        let searchPath = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        if let path = environment["STUKKEN_WEASYPRINT"], !path.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: path),
                let python = interpreter(of: path, searchPath: searchPath)
            else { throw .notExecutable(path) }
            return python
        }
        guard let program = find("weasyprint", in: searchPath) else { throw .weasyprintMissing }
        guard let python = interpreter(of: program, searchPath: searchPath) else { throw .notExecutable(program) }
        return python
    }

    private static func find(_ name: String, in searchPath: String) -> String? {
        searchPath.split(separator: ":").map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// `#!/usr/bin/python3` → /usr/bin/python3; `#!/usr/bin/env python3` → python3 on `PATH`.
    static func interpreter(of program: String, searchPath: String) -> URL? {
        guard let handle = FileHandle(forReadingAtPath: program) else { return nil }
        defer { try? handle.close() }
        let head = String(decoding: (try? handle.read(upToCount: 512)) ?? Data(), as: UTF8.self)
        guard head.hasPrefix("#!") else { return nil }
        let firstLine = head.dropFirst(2).prefix { $0 != "\n" }
        let words = firstLine.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard var python = words.first else { return nil }
        if python.hasSuffix("/env") {
            guard let name = words.dropFirst().first(where: { !$0.hasPrefix("-") && !$0.contains("=") }),
                let found = find(name, in: searchPath)
            else { return nil }
            python = found
        }
        return FileManager.default.isExecutableFile(atPath: python) ? URL(fileURLWithPath: python) : nil
    }

    /// Fixed, so a PDF does not change with the day it was made. A caller's own
    /// `SOURCE_DATE_EPOCH` is kept (reproducible-builds convention).
    static let defaultEpoch = "0"

    /// What WeasyPrint's Python runs with, in a process of its own or as a worker.
    static func environment(from base: [String: String]) -> [String: String] {
        var environment = base
        if environment["SOURCE_DATE_EPOCH"] == nil { environment["SOURCE_DATE_EPOCH"] = defaultEpoch }
        environment["LC_ALL"] = "C.UTF-8"
        return environment
    }

    /// The files of one run, all in the private folder but `imageFolder`.
    struct Run {
        var driver: String
        var page: String
        var output: String
        var report: String
        var imageFolder: String?
        var log: String

        /// `-I`: no `PYTHON*` variables, no user site-packages, not the script's folder on
        /// the module path; `-B`: no `.pyc` files written.
        var arguments: [String] { ["-I", "-B", driver, page, output, report] + (imageFolder.map { [$0] } ?? []) }
    }

    static func run(_ python: URL, _ run: Run, timeout: Double) throws(PDFRenderer.Failure) {
        let process = Process()
        process.executableURL = python
        process.arguments = run.arguments
        process.environment = environment(from: ProcessInfo.processInfo.environment)
        let logHandle = FileHandle(forWritingAtPath: run.log)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = logHandle ?? FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            throw .io("\(python.path): \(error.localizedDescription)")
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
        if process.terminationStatus == WeasyPrintDriver.noWeasyPrintModule { throw .weasyprintMissing }
        if process.terminationStatus != 0 {
            let detail = (try? String(contentsOfFile: run.log, encoding: .utf8)) ?? ""
            let tail = String(detail.suffix(2000)).trimmingCharacters(in: .whitespacesAndNewlines)
            throw .failed(status: process.terminationStatus, detail: tail)
        }
    }
}

extension PDFRenderer.Failure {
    public var isNotExecutable: Bool { if case .notExecutable = self { true } else { false } }
    /// For the command line's check of `-o`.
    public static var stdoutRefused: String { PDFMessage.stdoutRefused.description }
}
