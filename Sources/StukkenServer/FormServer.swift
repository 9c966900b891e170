import Foundation
import Hummingbird
import Logging
import Stukken
import Yams

/// `stukken serve`: the web form on 127.0.0.1. It writes no file: an opened file is only
/// read, and every result leaves as a download.
public enum FormServer {
    /// Requests larger than this are refused (the largest real stuk is ~51 KB).
    static let maximumBody = 2 * Limits.maximumFileBytes
    /// A connection that sends nothing (or stops halfway through a request) for this long
    /// is closed; a browser opens a new one when it needs it.
    public static let idleTimeout: Duration = .seconds(30)

    /// The routes, without a socket: the HTTP tests drive this directly.
    public static func router(
        workbench: Workbench, opened: String? = nil, pdfJobs: PDFJobs = PDFJobs()
    ) -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: SecurityHeaders())
        router.add(middleware: HostGuard())

        router.get("/") { _, _ in
            html(workbench.indexPage(opened: opened))
        }
        router.get("/formulier.css") { _, _ in
            asset(Assets.css, type: "text/css; charset=utf-8")
        }
        router.get("/voorbeeld.js") { _, _ in
            asset(Assets.javascript, type: "text/javascript; charset=utf-8")
        }
        router.get("/bestand") { _, _ in
            guard let opened else { return html(workbench.indexPage(opened: nil), status: .notFound) }
            return open(SourceFile.read(path: opened), workbench: workbench)
        }
        router.post("/openen") { request, _ in
            let body = try await request.body.collect(upTo: maximumBody)
            let contentType = request.headers[.contentType] ?? ""
            let bytes = body.getBytes(at: body.readerIndex, length: body.readableBytes) ?? []
            switch Multipart.file(named: "bestand", in: bytes, contentType: contentType) {
            case .failure(.badBoundary): return errorPage(ServeMessage.badUpload.text, status: .badRequest)
            case .failure(.noFile): return errorPage(ServeMessage.noUpload.text, status: .badRequest)
            case .success(let upload):
                let name = Multipart.displayName(upload.fileName)
                return open(SourceFile.decode(Data(upload.bytes), path: name), workbench: workbench)
            }
        }
        router.get("/:soort") { _, context in
            let kind = try Self.kind(in: context)
            return html(workbench.formPage(kind: kind, values: .record([:]), showMessages: false))
        }
        router.post("/:soort") { request, context in
            let kind = try Self.kind(in: context)
            let form = try await Self.form(request)
            let values = try Self.values(form, kind: kind)
            let result = workbench.submit(FormAction(form["actie"]), kind: kind, values: values)
            return await respond(result, kind: kind, values: values, workbench: workbench, jobs: pdfJobs)
        }
        router.post("/:soort/voorbeeld") { request, context in
            let kind = try Self.kind(in: context)
            let values = try Self.values(try await Self.form(request), kind: kind)
            var headers = securityHeaders
            headers[.contentType] = "application/json; charset=utf-8"
            return Response(
                status: .ok, headers: headers,
                body: .init(byteBuffer: ByteBuffer(string: workbench.previewJSON(kind: kind, values: values))))
        }
        return router
    }

    /// A form post's result as HTTP; `values` are the submitted ones, for the PDF's error page.
    static func respond(
        _ result: FormResult, kind: any DocumentKind.Type, values: FormValue, workbench: Workbench, jobs: PDFJobs
    ) async -> Response {
        switch result {
        case .form(let values, let notice):
            return html(workbench.formPage(kind: kind, values: values, notice: notice))
        case .notValid(let values):
            return html(
                workbench.formPage(kind: kind, values: values, notice: ServeMessage.htmlNeedsValid.text),
                status: .unprocessableContent)
        case .download(let data, let name, let type):
            return download(data, name: name, type: type)
        case .pdf(let stuk, let metHulpvragen):
            return await pdf(
                stuk, metHulpvragen: metHulpvragen, kind: kind, values: values, workbench: workbench, jobs: jobs)
        case .blankPDF:
            let templates = workbench.templates
            return await pdf(
                named: "\(kind.soort)-leeg.pdf", kind: kind, values: values, workbench: workbench, jobs: jobs
            ) { () throws(PDFRenderer.Failure) in try BlankForm.pdf(kind, templates: templates, pool: .shared) }
        }
    }

    /// "Download PDF": WeasyPrint, as `render --format pdf`, on a thread of `jobs` (never a
    /// request thread) and a worker of the pool (started by the first PDF, then kept, so a
    /// download does not wait for Python's start-up); without WeasyPrint the form says which
    /// package is missing.
    static func pdf(
        _ stuk: Stuk, metHulpvragen: Bool = false, kind: any DocumentKind.Type, values: FormValue,
        workbench: Workbench, jobs: PDFJobs
    ) async -> Response {
        let templates = workbench.templates
        let options = PDFRenderer.Options(metHulpvragen: metHulpvragen, pool: .shared)
        return await pdf(named: "\(kind.soort).pdf", kind: kind, values: values, workbench: workbench, jobs: jobs) {
            () throws(PDFRenderer.Failure) in try Stukken.pdf(stuk, templates: templates, options: options)
        }
    }

    /// Any PDF the form offers (the stuk's, the blank form's), made the same way.
    static func pdf(
        named name: String, kind: any DocumentKind.Type, values: FormValue, workbench: Workbench, jobs: PDFJobs,
        make: @escaping @Sendable () throws(PDFRenderer.Failure) -> Data
    ) async -> Response {
        let made: Result<Data, PDFRenderer.Failure>
        do {
            made = try await jobs.run { Result { () throws(PDFRenderer.Failure) in try make() } }
        } catch {
            return html(
                workbench.formPage(kind: kind, values: values, notice: ServeMessage.pdfBusy.text),
                status: .serviceUnavailable)
        }
        switch made {
        case .success(let pdf):
            return download(pdf, name: name, type: "application/pdf")
        case .failure(let error):
            return html(
                workbench.formPage(kind: kind, values: values, notice: error.description), status: .serviceUnavailable)
        }
    }

    /// The server for `run` (and the live tests): HTTP/1 on 127.0.0.1:`port` with the
    /// request-line guard and the idle timeout.
    public static func application(
        port: Int, workbench: Workbench, opened: String?, pdfJobs: PDFJobs = PDFJobs(),
        idleTimeout: Duration = idleTimeout, onRunning: @escaping @Sendable (Int) -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: router(workbench: workbench, opened: opened, pdfJobs: pdfJobs),
            server: .guardedHTTP1(idleTimeout: .nanoseconds(Int64(idleTimeout / .nanoseconds(1)))),
            configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: nil),
            onServerRunning: { channel in onRunning(channel.localAddress?.port ?? port) },
            // Only problems on the terminal: the one line with the address is the output.
            logger: {
                var logger = Logger(label: "stukken-serve")
                logger.logLevel = .warning
                return logger
            }())
    }

    /// Starts the server on 127.0.0.1:`port` (0: any free port) and calls `onRunning` with
    /// the port it got; returns when the server stops (Ctrl-C).
    public static func run(
        port: Int, workbench: Workbench, opened: String?, onRunning: @escaping @Sendable (Int) -> Void
    ) async throws {
        try await application(port: port, workbench: workbench, opened: opened, onRunning: onRunning).runService()
    }

    // MARK: - Pieces

    static func kind(in context: BasicRequestContext) throws -> any DocumentKind.Type {
        let soort = context.parameters.get("soort") ?? ""
        guard let kind = DocumentKinds.kind(named: soort) else {
            // The name comes from the address: shown short and without invisible characters.
            let shown = Multipart.visible(soort, limit: 60)
            throw HTTPError(.notFound, message: Message.chooseKind(shown).text)
        }
        return kind
    }

    static func form(_ request: Request) async throws -> [String: String] {
        let body = try await request.body.collect(upTo: maximumBody)
        do {
            return try URLEncodedForm.parse(body.getString(at: body.readerIndex, length: body.readableBytes) ?? "")
        } catch {
            throw HTTPError(.contentTooLarge, message: error.message)
        }
    }

    /// The submitted form along the kind's fields; a form beyond `FormLimits` is refused.
    static func values(_ form: [String: String], kind: any DocumentKind.Type) throws -> FormValue {
        do {
            return try FormValue.read(form: form, fields: kind.fields)
        } catch {
            throw HTTPError(.contentTooLarge, message: error.message)
        }
    }

    /// An opened file into its kind's form. The file's own diagnostics that the form cannot
    /// show (an unknown key, which the form has no place for) are listed above the fields.
    static func open(_ read: Result<SourceFile, DiagnosticsError>, workbench: Workbench) -> Response {
        let source: SourceFile
        switch read {
        case .success(let s): source = s
        case .failure(let e): return errorPage(ServeMessage.cannotOpen.text, diagnostics: e.diagnostics)
        }
        let node: Node
        switch YAMLReader.read(source) {
        case .success(let n): node = n
        case .failure(let e): return errorPage(ServeMessage.cannotOpen.text, diagnostics: e.diagnostics)
        }
        let soort = node.mapping?.first { $0.key.scalar?.string == "soort" }?.value.scalar?.string ?? ""
        guard let kind = DocumentKinds.kind(named: soort) else {
            var diagnostics: [Diagnostic] = []
            if case .failure(let e) = Stukken.load(source, following: false) { diagnostics = e.diagnostics }
            return errorPage(ServeMessage.cannotOpen.text, diagnostics: diagnostics)
        }
        let values = FormValue.read(node: node, fields: kind.fields)
        // A file may hold more than one form post can carry back; it would open, but never save.
        if let problem = values.limitProblem(fields: kind.fields) {
            return errorPage(ServeMessage.cannotOpen.text, lines: [problem], status: .contentTooLarge)
        }
        // The same problem: the same code about the same field (texts may be reworded freely).
        let rewritten = Set(
            workbench.check(kind: kind, values: values).diagnostics.map { "\($0.code) \($0.field ?? "")" })
        var lost: [Diagnostic] = []
        if case .failure(let e) = Stukken.load(source, following: false) {
            lost = e.diagnostics.filter { !rewritten.contains("\($0.code) \($0.field ?? "")") }
        }
        return html(
            workbench.formPage(
                kind: kind, values: values, notice: MessagePart.opened(source.path), extraDiagnostics: lost))
    }

    static func errorPage(
        _ text: String, diagnostics: [Diagnostic] = [], status: HTTPResponse.Status = .unprocessableContent
    ) -> Response {
        errorPage(text, lines: diagnostics.map(\.description), status: status)
    }

    static func errorPage(_ text: String, lines: [String], status: HTTPResponse.Status) -> Response {
        var body =
            "<header><p class=\"merk\"><a href=\"/\">stukken</a></p></header>\n<main>\n<h1>\(HTML.escape(text))</h1>\n"
        if !lines.isEmpty {
            body += "<ul class=\"fout\">" + lines.map { "<li>\(HTML.escape($0))</li>" }.joined() + "</ul>\n"
        }
        body += "<p><a href=\"/\">Terug naar het begin</a></p>\n</main>\n"
        return html(Workbench.page(title: "stukken", body: body, script: false), status: status)
    }

    /// No other site may frame the form, and the preview frame gets no scripts (`sandbox`).
    static let securityHeaders: HTTPFields = [
        .contentSecurityPolicy:
            "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'",
        .xContentTypeOptions: "nosniff",
        .cacheControl: "no-store",
    ]

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = securityHeaders
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// A short answer before any page: a refused host or request line.
    static func plain(_ text: String, status: HTTPResponse.Status) -> Response {
        var headers = securityHeaders
        headers[.contentType] = "text/plain; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text + "\n")))
    }

    static func asset(_ text: String, type: String) -> Response {
        var headers = securityHeaders
        headers[.contentType] = type
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func download(_ data: Data, name: String, type: String) -> Response {
        var headers = securityHeaders
        headers[.contentType] = type
        headers[.contentDisposition] = "attachment; filename=\"\(name)\""
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
