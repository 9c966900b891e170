import ArgumentParser
import Foundation
import Stukken

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Zet stukken om naar HTML, Markdown of PDF.",
        discussion: """
            Eén bestand zonder -o schrijft naar stdout. -o BESTAND voor één invoer, -o MAP voor meer.
            Een invoerbestand wordt nooit overschreven; uitvoer wordt in zijn geheel of niet geschreven.
            --format pdf maakt met WeasyPrint (Debian-pakket weasyprint) een getagde PDF (PDF/UA-1) van dezelfde \
            HTML-pagina, met lopende kop en paginanummers; --voorblad zet er een voorblad voor.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case html, markdown, pdf
        var fileExtension: String {
            switch self {
            case .html: "html"
            case .markdown: "md"
            case .pdf: "pdf"
            }
        }
        /// HTML and Markdown go through the parallel batch renderer.
        var batch: BatchRender.Format? {
            switch self {
            case .html: .html
            case .markdown: .markdown
            case .pdf: nil
            }
        }
    }

    @Argument(help: "De YAML-bestanden; een map staat voor de YAML-bestanden die erin staan.")
    var files: [String]

    @Option(name: .shortAndLong, help: "Uitvoerbestand (één invoer) of map (meer invoer).")
    var output: String?

    @Option(name: .long, help: "html, markdown of pdf.")
    var format: Format = .html

    @Flag(name: .customLong("met-hulpvragen"), help: "Een formulier drukt ook de hulpvragen af, onder elk label.")
    var metHulpvragen = false

    @OptionGroup var pdfOptions: PDFOptions

    @OptionGroup var templateOptions: TemplateOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError(CommandMessage.noInputFiles.description) }
        if format == .pdf && output == nil { throw ValidationError(PDFRenderer.Failure.stdoutRefused) }
        try pdfOptions.check(makingPDFs: format == .pdf, pdfFlag: "--format pdf")
    }

    func run() throws {
        let inputs = InputFiles.expand(self.files)
        if let empty = inputs.emptyFolders.first {
            throw ValidationError(CommandMessage.noYAMLInFolder(empty).description)
        }
        let files = inputs.files
        let templates = try templateOptions.load()
        // Not at, inside or above an input (a stuk, the templates folder): checked before
        // -o is created or written.
        if let output, let problem = OutputGuard.problem(output: output, inputs: files + [templates.directory]) {
            Console.error(problem)
            throw ExitCode.failure
        }
        let toDirectory = try outputIsDirectory(files: files, namedFolder: inputs.namedFolder)
        if let output, toDirectory {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        }
        if let batch = format.batch, let output, toDirectory {
            try renderBatch(files, into: output, format: batch, templates: templates, skipping: inputs.fromFolders)
        } else {
            try renderOneByOne(files, toDirectory: toDirectory, templates: templates)
        }
    }

    /// Many files as HTML or Markdown: every core, written one by one.
    private func renderBatch(
        _ files: [String], into output: String, format: BatchRender.Format, templates: TemplateSet,
        skipping: Set<String>
    ) throws {
        let outcomes = BatchRender.render(
            files, into: output, format: format, templates: templates, protecting: files + templates.files,
            skippingMeetingsAmong: skipping, metHulpvragen: metHulpvragen)
        var failed = false
        for outcome in outcomes {
            Console.report(outcome.diagnostics, sources: outcome.source.map { [outcome.file: $0] } ?? [:])
            if let error = outcome.writeError { Console.error(error) }
            failed = failed || !(outcome.written || outcome.skippedMeeting)
        }
        if failed { throw ExitCode.failure }
    }

    /// PDFs, or one file to stdout or `-o`: each loaded, made and written in turn.
    private func renderOneByOne(_ files: [String], toDirectory: Bool, templates: TemplateSet) throws {
        let (stukken, failed) = Console.loadAll(files)
        let protected = AtomicFile.Protected(files + templates.files)
        let pdfs = format == .pdf ? madePDFs(stukken, templates: templates) : []
        var writeFailed = false
        for (i, stuk) in stukken.enumerated() {
            guard let data = try bytes(of: stuk, pdf: pdfs.isEmpty ? nil : pdfs[i], templates: templates) else {
                writeFailed = true
                continue
            }
            guard let output else {
                FileHandle.standardOutput.write(data)
                continue
            }
            let target =
                toDirectory
                ? output + "/" + BatchRender.outputName(for: stuk.source.path, extension: format.fileExtension)
                : output
            do {
                try AtomicFile.write(data, to: target, protecting: protected)
            } catch {
                Console.error(String(describing: error))
                writeFailed = true
            }
        }
        if failed > 0 || writeFailed { throw ExitCode.failure }
    }

    /// Every stuk's PDF, in their order. Several at once on the WeasyPrint pool's workers
    /// (one per core); a single PDF in a process of its own, which costs the same.
    private func madePDFs(_ stukken: [Stuk], templates: TemplateSet) -> [Result<
        PDFRenderer.RenderedPDF, PDFRenderer.Failure
    >] {
        let options = PDFRenderer.Options(
            voorblad: pdfOptions.voorblad, timeout: pdfOptions.pdfTimeout, localImages: true,
            metHulpvragen: metHulpvragen, pool: stukken.count > 1 ? WeasyPrintPool.shared : nil)
        let made = Made(count: stukken.count)
        DispatchQueue.concurrentPerform(iterations: stukken.count) { i in
            made[i] = Result { () throws(PDFRenderer.Failure) in
                try Stukken.renderedPDF(stukken[i], templates: templates, options: options)
            }
        }
        return made.all
    }

    /// The stuk in the chosen format; `nil` when its PDF failed (said on stderr).
    private func bytes(
        of stuk: Stuk, pdf made: Result<PDFRenderer.RenderedPDF, PDFRenderer.Failure>?, templates: TemplateSet
    ) throws -> Data? {
        if let batch = format.batch {
            return Data(
                BatchRender.text(stuk, format: batch, templates: templates, metHulpvragen: metHulpvragen).utf8)
        }
        guard let made else { return nil }
        do {
            let pdf = try made.get()
            Console.report(pdf.warnings, sources: [stuk.source.path: stuk.source.text])
            return pdf.data
        } catch {
            Console.error("\(stuk.source.path): \(error)")
            // Without WeasyPrint no other file will succeed either.
            if error == .weasyprintMissing || error.isNotExecutable { throw ExitCode.failure }
            return nil
        }
    }

    /// `-o` names a folder when there are several inputs, or when it already is one.
    private func outputIsDirectory(files: [String], namedFolder: Bool) throws -> Bool {
        guard let output else {
            if files.count > 1 || namedFolder {
                throw ValidationError(CommandMessage.manyInputsNeedFolder.description)
            }
            return false
        }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory)
        if files.count > 1 || namedFolder {
            if exists && !isDirectory.boolValue {
                throw ValidationError(CommandMessage.manyInputsOutputIsFile(output).description)
            }
            return true
        }
        return exists && isDirectory.boolValue
    }
}

/// The PDFs of `render`, each written by one thread of `concurrentPerform`.
private final class Made: @unchecked Sendable {
    private var results: [Result<PDFRenderer.RenderedPDF, PDFRenderer.Failure>?]
    private let lock = NSLock()
    init(count: Int) { results = Array(repeating: nil, count: count) }
    subscript(i: Int) -> Result<PDFRenderer.RenderedPDF, PDFRenderer.Failure>? {
        get { lock.withLock { results[i] } }
        set { lock.withLock { results[i] = newValue } }
    }
    var all: [Result<PDFRenderer.RenderedPDF, PDFRenderer.Failure>] {
        lock.withLock { results.map { $0 ?? .failure(.io("")) } }
    }
}
