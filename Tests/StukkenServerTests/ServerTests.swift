import Foundation
import Hummingbird
import HummingbirdTesting
import Stukken
import Testing
import Yams

@testable import StukkenServer

enum Package {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let examples = root.appendingPathComponent("examples")

    static var exampleFiles: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }

    static let workbench: Workbench = {
        guard case .success(let set) = TemplateSet.load(from: root.appendingPathComponent("Templates").path) else {
            fatalError("templates do not load")
        }
        return Workbench(templates: set)
    }()
}

/// An example read the way "Open YAML" reads it.
func formValues(_ name: String) throws -> (any DocumentKind.Type, FormValue, SourceFile) {
    let source = try SourceFile.read(path: Package.examples.appendingPathComponent(name).path).get()
    let node = try YAMLReader.read(source).get()
    let soort = node.mapping?.first { $0.key.scalar?.string == "soort" }?.value.scalar?.string ?? ""
    let kind = try #require(DocumentKinds.kind(named: soort))
    return (kind, FormValue.read(node: node, fields: kind.fields), source)
}

/// What a browser sends for a filled form: every control's name (its field path) and value.
func formPairs(_ value: FormValue, fields: [Field], path: String = "") -> [(String, String)] {
    var pairs: [(String, String)] = []
    for field in fields where field.key != "soort" {
        pairs += formPairs(value[field.key], type: field.type, path: path.isEmpty ? field.key : path + "." + field.key)
    }
    return pairs
}

func formPairs(_ value: FormValue?, type: FieldType, path: String) -> [(String, String)] {
    switch type {
    case .list(let element, _):
        guard case .list(let items) = value else { return [] }
        return items.enumerated().flatMap { formPairs($0.element, type: element, path: "\(path)[\($0.offset + 1)]") }
    case .record(let fields), .textOrRecord(_, let fields):
        return formPairs(value ?? .record([:]), fields: fields, path: path)
    default:
        if case .scalar(let s) = value { return [(path, s)] }
        return [(path, "")]
    }
}

func encoded(_ pairs: [(String, String)]) -> ByteBuffer {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._*")
    let body = pairs.map { name, value in
        [name, value].map { $0.addingPercentEncoding(withAllowedCharacters: allowed)! }.joined(separator: "=")
    }.joined(separator: "&")
    return ByteBuffer(string: body)
}

let formHeaders: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

func app(opened: String? = nil) -> some ApplicationProtocol {
    Application(router: FormServer.router(workbench: Package.workbench, opened: opened))
}

@Suite struct RoundTripTests {
    /// Every example → form → YAML: `check` accepts it, it renders the same page as the
    /// original, and it reads back into the same form values.
    @Test(arguments: Package.exampleFiles)
    func example(_ name: String) throws {
        let (kind, values, source) = try formValues(name)
        let yaml = YAMLWriter.yaml(kind: kind, values: values)
        // As the form reads it: no other file (a notitie's bij: voorstel) is followed.
        let original = try Stukken.load(source, following: false).get()
        let rewritten: Stuk
        switch Stukken.load(SourceFile(path: name, text: yaml), following: false) {
        case .success(let s): rewritten = s
        case .failure(let e):
            Issue.record(
                "\(name): the written YAML does not pass check:\n\(e.diagnostics.map(\.description).joined(separator: "\n"))\n\(yaml)"
            )
            return
        }
        #expect(
            Stukken.html(rewritten, templates: Package.workbench.templates)
                == Stukken.html(original, templates: Package.workbench.templates))
        let node = try YAMLReader.read(SourceFile(path: name, text: yaml)).get()
        #expect(pruned(FormValue.read(node: node, fields: kind.fields)) == pruned(values))
        // And once more: writing the re-read form gives the same bytes.
        #expect(YAMLWriter.yaml(kind: kind, values: FormValue.read(node: node, fields: kind.fields)) == yaml)
    }

    /// The form as submitted (names are field paths) reads into the same values.
    @Test(arguments: Package.exampleFiles)
    func submitted(_ name: String) throws {
        let (kind, values, _) = try formValues(name)
        var form: [String: String] = [:]
        for (n, v) in formPairs(values, fields: kind.fields) { form[n] = v }
        let read = try FormValue.read(form: form, fields: kind.fields)
        #expect(YAMLWriter.yaml(kind: kind, values: read) == YAMLWriter.yaml(kind: kind, values: values))
    }

    @Test(arguments: [
        "eerste regel\n", "geen regeleinde", "twee regeleinden\n\n", "  ingesprongen code\n\nen tekst\n",
        "\nbegint leeg\n", "regel met \"aanhalingstekens\" en \\ en # en : en - \n- lijst\n",
    ])
    func markdownBlock(_ text: String) throws {
        let yaml = "t: " + YAMLWriter.block(text, indent: "  ")
        let node = try #require(try Yams.compose(yaml: yaml))
        #expect(node.mapping?["t"]?.string == text, "\(yaml)")
    }

    /// A value typed into the form comes back in `value="…"`: a quote followed by a
    /// combining mark (one `Character`) is escaped too.
    @Test func formValuesCannotLeaveTheirAttribute() async throws {
        #expect(Array(HTML.escape("a\"\u{338} b").utf8) == Array("a&quot;\u{338} b".utf8))
        let (kind, values, _) = try formValues("evaluatie-dashboard-woninginbraken.yaml")
        let hostile = "x\"\u{338} autofocus onfocus=alert(1) y=\"\u{338}"
        var pairs = formPairs(values, fields: kind.fields).map { $0.0 == "datum" ? ($0.0, hostile) : $0 }
        pairs.append(("actie", "bijwerken"))
        let body = encoded(pairs)
        try await app().test(.router) { client in
            try await client.execute(uri: "/evaluatie", method: .post, headers: formHeaders, body: body) { response in
                let html = String(buffer: response.body)
                let bytes = Array(html.utf8)
                let raw = Array("\"\u{338}".utf8)
                let leaked = (0...(bytes.count - raw.count)).contains {
                    bytes[$0..<($0 + raw.count)].elementsEqual(raw)
                }
                #expect(!leaked)
                #expect(html.utf8.count > 1000 && html.contains("&quot;\u{338} autofocus"))
            }
        }
    }

    @Test(arguments: [
        "ja", "no", "E3", "a: b", "# niet", "- lijst", "\"x\" \\ y", "tab\tna", "@home", "*ster", "2016-10-10",
    ])
    func quotedScalar(_ text: String) throws {
        let node = try #require(try Yams.compose(yaml: "t: " + YAMLScalar.quoted(text)))
        #expect(node.mapping?["t"]?.string == text)
    }
}

@Suite struct RouteTests {
    @Test func index() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("<html lang=\"nl\">"))
                for kind in DocumentKinds.all { #expect(html.contains("href=\"/\(kind.soort)\"")) }
                #expect(html.contains("enctype=\"multipart/form-data\""))
                #expect(!html.contains("http://") && !html.contains("https://"), "no external resources")
            }
        }
    }

    @Test func assets() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/formulier.css", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/css; charset=utf-8")
                #expect(String(buffer: response.body).contains(".werkblad"))
            }
            try await client.execute(uri: "/voorbeeld.js", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/javascript; charset=utf-8")
                #expect(String(buffer: response.body).contains("/voorbeeld"))
            }
        }
    }

    /// Every field of every kind is on its page with a label tied to its control, its
    /// hulpvragen and its required mark: the page is generated from the fields.
    @Test(arguments: DocumentKinds.names)
    func formPage(_ soort: String) async throws {
        let kind = try #require(DocumentKinds.kind(named: soort))
        try await app().test(.router) { client in
            try await client.execute(uri: "/\(soort)", method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("<html lang=\"nl\">"))
                for field in kind.fields where field.key != "soort" {
                    let id = FormRenderer.id(field.key)
                    switch field.type {
                    case .list, .record, .textOrRecord:
                        #expect(
                            html.contains(
                                "<fieldset class=\"\(field.type.isList ? "lijst" : "groep")\" id=\"\(id)\"><legend>\(HTML.escape(field.label))"
                            ))
                    default:
                        #expect(html.contains("<label for=\"\(id)\">\(HTML.escape(field.label))"), "\(field.key)")
                        #expect(html.contains("id=\"\(id)\" name=\"\(field.key)\""), "\(field.key)")
                    }
                    for line in field.help {
                        #expect(html.contains("<p>\(HTML.escape(line))</p>"), "\(field.key): \(line)")
                    }
                    let marked = html.contains(">\(HTML.escape(field.label)) <span class=\"verplicht\">(verplicht")
                    #expect(marked == (field.presence != .optional), "\(field.key): required mark")
                }
            }
        }
    }

    /// A new, empty form is not yet wrong: no messages until the author checks.
    @Test func newFormWithoutMessages() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/evaluatie", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("data-pad=\"datum\"></ul>"))
                #expect(!html.contains("\"><li>"), "a message list with items")
                #expect(!html.contains("aria-invalid"))
            }
            try await client.execute(
                uri: "/evaluatie", method: .post, headers: formHeaders, body: encoded([("actie", "bijwerken")])
            ) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("aria-invalid=\"true\""))
                #expect(html.contains("data-pad=\"datum\"><li>"))
            }
        }
    }

    @Test func unknownKind() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/brief", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    /// A wrong value: its message (the words of `stukken check`) stands in the list beside
    /// the field it concerns.
    @Test func messageBesideField() async throws {
        let (kind, values, _) = try formValues("evaluatie-dashboard-woninginbraken.yaml")
        var pairs = formPairs(values, fields: kind.fields).map { $0.0 == "datum" ? ($0.0, "2017-02-30") : $0 }
        pairs.append(("actie", "bijwerken"))
        let body = encoded(pairs)
        var form: [String: String] = [:]
        for (n, v) in pairs { form[n] = v }
        let expected = Package.workbench.check(kind: kind, values: try FormValue.read(form: form, fields: kind.fields))
            .diagnostics
        let message = try #require(expected.first { $0.field == "datum" }?.message)
        try await app().test(.router) { client in
            try await client.execute(uri: "/evaluatie", method: .post, headers: formHeaders, body: body) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(
                    html.contains(
                        "<ul class=\"fout\" id=\"v-datum-fout\" data-pad=\"datum\"><li>\(HTML.escape(message))</li></ul>"
                    ))
                #expect(
                    html.contains(
                        "id=\"v-datum\" name=\"datum\" aria-describedby=\"v-datum-fout\" aria-required=\"true\" aria-invalid=\"true\""
                    ))
                #expect(html.contains("1 fout;"))
            }
            try await client.execute(uri: "/evaluatie/voorbeeld", method: .post, headers: formHeaders, body: body) {
                response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                struct Answer: Decodable {
                    var html: String
                    var stand: String
                    var meldingen: [String: [String]]
                }
                let answer = try JSONDecoder().decode(Answer.self, from: Data(String(buffer: response.body).utf8))
                #expect(answer.meldingen["datum"] == [message])
                #expect(answer.stand.hasPrefix("1 fout"))
                #expect(answer.html.contains("Geen voorbeeld") || answer.html.contains("<html"))
            }
        }
    }

    /// A list item's message goes to that item (`voorstel[2]` → the item's text box).
    @Test func listItemMessage() async throws {
        let pairs = [
            ("voorstel[1].tekst", "Eerste punt"), ("voorstel[2].tekst", "tweede"), ("voorstel[2].punten[1].tekst", ""),
        ]
        // Any three distinct catalogue messages will do.
        let (m2, m3, m4) = (ServeMessage.pdfBusy, ServeMessage.badUpload, ServeMessage.noUpload)
        let diagnostics = [
            Diagnostic(.error, file: "x", field: "voorstel[2]", message: m2),
            Diagnostic(.error, file: "x", field: "voorstel[2].punten[1].tekst", message: m3),
            Diagnostic(.error, file: "x", field: "onbekend", message: m4),
        ]
        var form: [String: String] = [:]
        for (n, v) in pairs { form[n] = v }
        let values = try FormValue.read(form: form, fields: Voorstel.fields)
        let (html, messages) = Workbench.fields(kind: Voorstel.self, values: values, diagnostics: diagnostics)
        #expect(messages["voorstel[2]"] == [m2.text])
        #expect(messages["voorstel[2].punten[1].tekst"] == [m3.text])
        #expect(messages[""] == [m4.text])
        #expect(html.contains("name=\"voorstel[2].punten[1].tekst\""))
    }

    @Test func addAndRemoveRows() async throws {
        try await app().test(.router) { client in
            let add = [("voorstel[1].tekst", "Eerste"), ("actie", "toevoegen:voorstel")]
            try await client.execute(uri: "/voorstel", method: .post, headers: formHeaders, body: encoded(add)) {
                response in
                let html = String(buffer: response.body)
                #expect(html.contains("name=\"voorstel[2].tekst\""))
                #expect(!html.contains("name=\"voorstel[3].tekst\""))
                #expect(html.contains("value=\"Eerste\""))
            }
            let nested = [("voorstel[1].tekst", "Eerste"), ("actie", "toevoegen:voorstel[1].punten")]
            try await client.execute(uri: "/voorstel", method: .post, headers: formHeaders, body: encoded(nested)) {
                response in
                #expect(String(buffer: response.body).contains("name=\"voorstel[1].punten[1].tekst\""))
            }
            let remove = [
                ("voorstel[1].tekst", "Eerste"), ("voorstel[2].tekst", "Tweede"), ("actie", "verwijderen:voorstel[1]"),
            ]
            try await client.execute(uri: "/voorstel", method: .post, headers: formHeaders, body: encoded(remove)) {
                response in
                let html = String(buffer: response.body)
                #expect(
                    html.contains(
                        "id=\"v-voorstel-1--tekst\" name=\"voorstel[1].tekst\" aria-describedby=\"v-voorstel-1--tekst-fout\" aria-required=\"true\" value=\"Tweede\""
                    ))
                #expect(!html.contains("value=\"Eerste\""))
            }
            for list in ["projectgroep.leden", "planning.mijlpalen", "bijlagen"] {
                let kind = list == "bijlagen" ? "voorstel" : "projectplan"
                try await client.execute(
                    uri: "/\(kind)", method: .post, headers: formHeaders,
                    body: encoded([("actie", "toevoegen:\(list)")])
                ) { response in
                    #expect(String(buffer: response.body).contains("name=\"\(list)[1]."), "\(list)")
                }
            }
        }
    }

    /// Download YAML of a filled form gives the file `check` accepts; uploading it again
    /// ("Open YAML") gives the same form.
    /// The form reads no other file, so the YAML is checked the same way (a notitie's
    /// `bij:` voorstel is not followed; `BijVoorstelTests` follow it).
    @Test(arguments: Package.exampleFiles)
    func downloadAndOpen(_ name: String) async throws {
        let (kind, values, _) = try formValues(name)
        let pairs = formPairs(values, fields: kind.fields)
        try await app().test(.router) { client in
            let formPage = try await client.execute(
                uri: "/\(kind.soort)", method: .post, headers: formHeaders,
                body: encoded(pairs + [("actie", "bijwerken")])
            ) { response in
                #expect(response.status == .ok)
                return String(buffer: response.body)
            }
            #expect(formPage.contains("Geen fouten"))
            let yaml = try await client.execute(
                uri: "/\(kind.soort)", method: .post, headers: formHeaders, body: encoded(pairs + [("actie", "yaml")])
            ) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentDisposition] == "attachment; filename=\"\(kind.soort).yaml\"")
                return String(buffer: response.body)
            }
            #expect((try? Stukken.load(SourceFile(path: name, text: yaml), following: false).get()) != nil)
            let boundary = "----stukken-test-grens"
            let multipart =
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"bestand\"; filename=\"\(name)\"\r\nContent-Type: application/yaml\r\n\r\n\(yaml)\r\n--\(boundary)--\r\n"
            try await client.execute(
                uri: "/openen", method: .post, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"],
                body: ByteBuffer(string: multipart)
            ) { response in
                #expect(response.status == .ok)
                let opened = String(buffer: response.body)
                // The same form as the one that was downloaded, apart from the notice.
                let strip = { (s: String) in
                    s.split(separator: "\n").filter { !$0.contains("class=\"melding\"") }.joined(separator: "\n")
                }
                #expect(strip(opened) == strip(formPage))
            }
            try await client.execute(
                uri: "/\(kind.soort)", method: .post, headers: formHeaders, body: encoded(pairs + [("actie", "html")])
            ) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentDisposition] == "attachment; filename=\"\(kind.soort).html\"")
                let original = try Stukken.load(SourceFile(path: name, text: yaml), following: false).get()
                #expect(
                    String(buffer: response.body) == Stukken.html(original, templates: Package.workbench.templates).html
                )
            }
        }
    }

    /// An unfinished form can still be saved; the file says what is missing, and opens again.
    @Test func unfinishedYAML() async throws {
        try await app().test(.router) { client in
            let pairs = [("project", "Buurtpreventie"), ("actie", "yaml")]
            let yaml = try await client.execute(
                uri: "/evaluatie", method: .post, headers: formHeaders, body: encoded(pairs)
            ) { response in
                #expect(response.status == .ok)
                return String(buffer: response.body)
            }
            let diagnostics: [Diagnostic]
            switch Stukken.load(SourceFile(path: "e.yaml", text: yaml)) {
            case .success: diagnostics = []
            case .failure(let e): diagnostics = e.diagnostics
            }
            #expect(!diagnostics.isEmpty)
            #expect(yaml.hasPrefix("# " + MessagePart.unfinished(diagnostics.count) + "\n"))
            for d in diagnostics { #expect(yaml.contains(d.message)) }
            #expect(yaml.contains("project: \"Buurtpreventie\"\n"))
        }
    }

    /// "Download PDF": the same PDF as `stukken render --format pdf` (WeasyPrint, tagged).
    @Test func pdfDownload() async throws {
        let (kind, values, _) = try formValues("evaluatie-dashboard-woninginbraken.yaml")
        try await app().test(.router) { client in
            let body = encoded(formPairs(values, fields: kind.fields) + [("actie", "pdf")])
            try await client.execute(uri: "/evaluatie", method: .post, headers: formHeaders, body: body) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentDisposition] == "attachment; filename=\"evaluatie.pdf\"")
                #expect(response.headers[.contentType] == "application/pdf")
                #expect(String(buffer: response.body).hasPrefix("%PDF-"))
            }
        }
    }

    @Test func htmlRefusedWhileInvalid() async throws {
        try await app().test(.router) { client in
            try await client.execute(
                uri: "/evaluatie", method: .post, headers: formHeaders, body: encoded([("actie", "html")])
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.headers[.contentDisposition] == nil)
                #expect(String(buffer: response.body).contains(HTML.escape(ServeMessage.htmlNeedsValid.text)))
            }
        }
    }

    @Test func openedFile() async throws {
        let path = Package.examples.appendingPathComponent("evaluatie-dashboard-woninginbraken.yaml").path
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        try await app(opened: path).test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(String(buffer: response.body).contains("href=\"/bestand\""))
            }
            try await client.execute(uri: "/bestand", method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(
                    html.contains("value=\"Pilot regionaal dashboard woninginbraken\"")
                        || html.contains("Pilot regionaal dashboard"))
                #expect(html.contains("Geen fouten"))
            }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "the opened file is only read")
        try await app().test(.router) { client in
            try await client.execute(uri: "/bestand", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    /// An uploaded file with a key the form has no place for: its message is shown, not lost.
    @Test func openedFileWithUnknownKey() async throws {
        let yaml = "soort: memo\nportefeulliehouder: x\n"
        let boundary = "grens"
        let multipart =
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"bestand\"; filename=\"m.yaml\"\r\n\r\n\(yaml)\r\n--\(boundary)--\r\n"
        try await app().test(.router) { client in
            try await client.execute(
                uri: "/openen", method: .post, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"],
                body: ByteBuffer(string: multipart)
            ) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("portefeulliehouder"))
            }
            // A file without soort cannot choose a form: the validator's message says why.
            let noKind =
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"bestand\"; filename=\"x.yaml\"\r\n\r\nonderwerp: x\n\r\n--\(boundary)--\r\n"
            try await client.execute(
                uri: "/openen", method: .post, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"],
                body: ByteBuffer(string: noKind)
            ) { response in
                #expect(response.status == .unprocessableContent)
                let html = String(buffer: response.body)
                #expect(html.contains(HTML.escape(ServeMessage.cannotOpen.text)))
                #expect(html.contains("x.yaml:1:1: error:"))
            }
            try await client.execute(
                uri: "/openen", method: .post, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"],
                body: ByteBuffer(string: "--grens--\r\n")
            ) { response in
                #expect(response.status == .badRequest)
            }
        }
    }
}

@Suite struct HostGuardTests {
    @Test(arguments: ["localhost", "127.0.0.1", "localhost:8080", "127.0.0.1:53211"])
    func allowed(_ host: String) { #expect(HostGuard<BasicRequestContext>.allowed(host)) }

    @Test(arguments: [
        "evil.example", "evil.example:8080", "127.0.0.1.evil.example", "localhost.evil.example", "[::1]:8080", "",
        "10.0.0.1",
    ])
    func refused(_ host: String) { #expect(!HostGuard<BasicRequestContext>.allowed(host)) }

    @Test func requests() async throws {
        try await app().test(.router) { client in
            for uri in ["/", "/evaluatie", "/formulier.css"] {
                try await client.execute(uri: uri, method: .get, headers: [.init("Host")!: "rebind.evil.example"]) {
                    response in
                    #expect(response.status == .forbidden)
                    #expect(String(buffer: response.body).contains(ServeMessage.wrongHost.text))
                }
            }
            try await client.execute(
                uri: "/evaluatie", method: .post,
                headers: [.origin: "http://evil.example", .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "actie=yaml")
            ) { response in
                #expect(response.status == .forbidden)
            }
            // The router tests reach the form as `localhost`: that is its own origin.
            try await client.execute(
                uri: "/evaluatie", method: .post,
                headers: [.origin: "http://localhost", .contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "actie=yaml")
            ) { response in
                #expect(response.status == .ok)
            }
        }
    }
}

/// The values without blank fields and items (which the form shows as empty either way).
func pruned(_ value: FormValue) -> FormValue {
    switch value {
    case .scalar: return value
    case .list(let items): return .list(items.filter { !$0.isBlank }.map(pruned))
    case .record(let values): return .record(values.filter { !$0.value.isBlank }.mapValues(pruned))
    }
}

extension FieldType {
    var isList: Bool { if case .list = self { true } else { false } }
}
