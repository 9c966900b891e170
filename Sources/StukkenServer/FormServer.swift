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

    /// The routes, without a socket: the HTTP tests drive this directly.
    public static func router(workbench: Workbench, opened: String? = nil) -> Router<BasicRequestContext> {
        let router = Router()
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
            guard let upload = Multipart.file(named: "bestand", in: body.getBytes(at: body.readerIndex, length: body.readableBytes) ?? [], contentType: contentType) else {
                return errorPage(workbench, ServeMessage.noUpload, status: .badRequest)
            }
            let name = upload.fileName.isEmpty ? "bestand.yaml" : upload.fileName
            return open(SourceFile.decode(Data(upload.bytes), path: name), workbench: workbench)
        }
        router.get("/:soort") { _, context in
            let kind = try Self.kind(in: context)
            return html(workbench.formPage(kind: kind, values: .record([:]), showMessages: false))
        }
        router.post("/:soort") { request, context in
            let kind = try Self.kind(in: context)
            let form = try await Self.form(request)
            var values = FormValue.read(form: form, fields: kind.fields)
            let action = form["actie"] ?? "bijwerken"
            if action.hasPrefix("toevoegen:") {
                values = values.adding(itemAt: String(action.dropFirst("toevoegen:".count)), fields: kind.fields)
            } else if action.hasPrefix("verwijderen:") {
                values = values.removing(itemAt: String(action.dropFirst("verwijderen:".count)), fields: kind.fields)
            } else if action == "yaml" {
                // An unfinished stuk may be saved to continue later; its open problems travel
                // along as comments, which the reader (and the form) ignore.
                let checked = workbench.check(kind: kind, values: values)
                let errors = checked.diagnostics.filter { $0.severity == .error }
                var yaml = checked.yaml
                if !errors.isEmpty {
                    let lines = [ServeMessage.unfinished(errors.count)] + errors.map {
                        "- " + ($0.field.map { "\($0): " } ?? "") + $0.message
                    }
                    yaml = lines.map { "# " + $0.replacingOccurrences(of: "\n", with: " ") + "\n" }.joined() + yaml
                }
                return download(yaml, name: "\(kind.soort).yaml", type: "application/yaml; charset=utf-8")
            } else if action == "html" || action == "pdf" {
                let checked = workbench.check(kind: kind, values: values)
                guard let stuk = checked.stuk else {
                    return html(
                        workbench.formPage(kind: kind, values: values, notice: ServeMessage.htmlNeedsValid),
                        status: .unprocessableContent)
                }
                if action == "pdf" {
                    // WeasyPrint, as `render --format pdf`; without it the form says which package is missing.
                    do {
                        let pdf = try Stukken.pdf(stuk, templates: workbench.templates)
                        return download(pdf, name: "\(kind.soort).pdf", type: "application/pdf")
                    } catch {
                        return html(
                            workbench.formPage(kind: kind, values: values, notice: String(describing: error)),
                            status: .serviceUnavailable)
                    }
                }
                let page = Stukken.html(stuk, templates: workbench.templates)
                return download(page.html, name: "\(kind.soort).html", type: "text/html; charset=utf-8")
            }
            return html(workbench.formPage(kind: kind, values: values))
        }
        router.post("/:soort/voorbeeld") { request, context in
            let kind = try Self.kind(in: context)
            let values = FormValue.read(form: try await Self.form(request), fields: kind.fields)
            var headers = securityHeaders
            headers[.contentType] = "application/json; charset=utf-8"
            return Response(
                status: .ok, headers: headers,
                body: .init(byteBuffer: ByteBuffer(string: workbench.previewJSON(kind: kind, values: values))))
        }
        return router
    }

    /// Starts the server on 127.0.0.1:`port` (0: any free port) and calls `onRunning` with
    /// the port it got; returns when the server stops (Ctrl-C).
    public static func run(
        port: Int, workbench: Workbench, opened: String?, onRunning: @escaping @Sendable (Int) -> Void
    ) async throws {
        let app = Application(
            router: router(workbench: workbench, opened: opened),
            configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: nil),
            onServerRunning: { channel in onRunning(channel.localAddress?.port ?? port) },
            // Only problems on the terminal: the one line with the address is the output.
            logger: {
                var logger = Logger(label: "stukken-serve")
                logger.logLevel = .warning
                return logger
            }())
        try await app.runService()
    }

    // MARK: - Pieces

    static func kind(in context: BasicRequestContext) throws -> any DocumentKind.Type {
        let soort = context.parameters.get("soort") ?? ""
        guard let kind = DocumentKinds.kind(named: soort) else {
            throw HTTPError(.notFound, message: ServeMessage.unknownKind(soort, kinds: DocumentKinds.names))
        }
        return kind
    }

    static func form(_ request: Request) async throws -> [String: String] {
        let body = try await request.body.collect(upTo: maximumBody)
        return URLEncodedForm.parse(body.getString(at: body.readerIndex, length: body.readableBytes) ?? "")
    }

    /// An opened file into its kind's form. The file's own diagnostics that the form cannot
    /// show (an unknown key, which the form has no place for) are listed above the fields.
    static func open(_ read: Result<SourceFile, DiagnosticsError>, workbench: Workbench) -> Response {
        let source: SourceFile
        switch read {
        case .success(let s): source = s
        case .failure(let e): return errorPage(workbench, ServeMessage.cannotOpen, diagnostics: e.diagnostics)
        }
        let node: Node
        switch YAMLReader.read(source) {
        case .success(let n): node = n
        case .failure(let e): return errorPage(workbench, ServeMessage.cannotOpen, diagnostics: e.diagnostics)
        }
        let soort = node.mapping?.first { $0.key.scalar?.string == "soort" }?.value.scalar?.string ?? ""
        guard let kind = DocumentKinds.kind(named: soort) else {
            var diagnostics: [Diagnostic] = []
            if case .failure(let e) = Stukken.load(source) { diagnostics = e.diagnostics }
            return errorPage(workbench, ServeMessage.cannotOpen, diagnostics: diagnostics)
        }
        let values = FormValue.read(node: node, fields: kind.fields)
        let rewritten = workbench.check(kind: kind, values: values).diagnostics.map(\.message)
        var lost: [Diagnostic] = []
        if case .failure(let e) = Stukken.load(source) {
            lost = e.diagnostics.filter { !rewritten.contains($0.message) }
        }
        return html(workbench.formPage(kind: kind, values: values, notice: ServeMessage.opened(source.path), extraDiagnostics: lost))
    }

    static func errorPage(
        _ workbench: Workbench, _ text: String, diagnostics: [Diagnostic] = [], status: HTTPResponse.Status = .unprocessableContent
    ) -> Response {
        var body = "<header><p class=\"merk\"><a href=\"/\">stukken</a></p></header>\n<main>\n<h1>\(HTML.escape(text))</h1>\n"
        if !diagnostics.isEmpty {
            body += "<ul class=\"fout\">" + diagnostics.map { "<li>\(HTML.escape($0.description))</li>" }.joined() + "</ul>\n"
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

    static func asset(_ text: String, type: String) -> Response {
        var headers = securityHeaders
        headers[.contentType] = type
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func download(_ text: String, name: String, type: String) -> Response {
        download(Data(text.utf8), name: name, type: type)
    }

    static func download(_ data: Data, name: String, type: String) -> Response {
        var headers = securityHeaders
        headers[.contentType] = type
        headers[.contentDisposition] = "attachment; filename=\"\(name)\""
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// Refuses requests whose Host is not this machine's loopback name: a web page elsewhere
/// that points its own domain name at 127.0.0.1 (DNS rebinding) cannot reach the form.
/// A cross-site form post (Origin of another site) is refused too.
struct HostGuard<Context: RequestContext>: RouterMiddleware {
    static func allowed(_ authority: String) -> Bool {
        var host = Substring(authority)
        if let colon = host.lastIndex(of: ":"), host[host.index(after: colon)...].allSatisfy(\.isNumber) {
            host = host[..<colon]
        }
        return host == "localhost" || host == "127.0.0.1"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let hosts = [request.head.authority].compactMap { $0 } + request.headers[values: .init("Host")!]
        let originOK = request.headers[.origin].map { origin in
            origin.hasPrefix("http://") && Self.allowed(String(origin.dropFirst("http://".count)))
        } ?? true
        guard !hosts.isEmpty, hosts.allSatisfy(Self.allowed), originOK else {
            return Response(
                status: .forbidden, headers: [.contentType: "text/plain; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: ServeMessage.wrongHost + "\n")))
        }
        return try await next(request, context)
    }
}

/// `application/x-www-form-urlencoded`, as browsers send a form.
enum URLEncodedForm {
    static func parse(_ body: String) -> [String: String] {
        var result: [String: String] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = decode(parts[0])
            result[name] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return result
    }

    static func decode(_ s: Substring) -> String {
        let spaced = s.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}

/// The one file of a `multipart/form-data` upload ("Open YAML").
enum Multipart {
    struct File {
        var fileName: String
        var bytes: [UInt8]
    }

    static func file(named name: String, in body: [UInt8], contentType: String) -> File? {
        guard let range = contentType.range(of: "boundary=") else { return nil }
        var boundary = String(contentType[range.upperBound...])
        if let semicolon = boundary.firstIndex(of: ";") { boundary = String(boundary[..<semicolon]) }
        boundary = boundary.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        let delimiter = Array(("--" + boundary).utf8)
        var parts: [ArraySlice<UInt8>] = []
        var start: Int? = nil
        var i = 0
        while i + delimiter.count <= body.count {
            if body[i] == delimiter[0] && Array(body[i..<(i + delimiter.count)]) == delimiter {
                if let s = start { parts.append(body[s..<max(s, i - 2)]) }  // drop the CRLF before
                i += delimiter.count
                start = i + 2  // skip the CRLF after
                continue
            }
            i += 1
        }
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        for part in parts {
            guard let headerEnd = find(separator, in: part) else { continue }
            let headers = String(decoding: part[part.startIndex..<headerEnd], as: UTF8.self)
            guard headers.contains("name=\"\(name)\"") else { continue }
            var fileName = ""
            if let r = headers.range(of: "filename=\"") {
                fileName = String(headers[r.upperBound...].prefix { $0 != "\"" })
            }
            return File(fileName: fileName, bytes: Array(part[(headerEnd + separator.count)...]))
        }
        return nil
    }

    static func find(_ needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        var i = haystack.startIndex
        while i + needle.count <= haystack.endIndex {
            if Array(haystack[i..<(i + needle.count)]) == needle { return i }
            i += 1
        }
        return nil
    }
}
