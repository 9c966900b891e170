import Foundation
import Hummingbird
import HummingbirdTesting
import Stukken
import Testing

@testable import StukkenServer

/// Issue 16, `stukken serve`: one request must not take the server down or hold it up.

/// `pairs` as a form body, names and values percent-encoded as a browser does.
func formBody(_ pairs: [(String, String)]) -> ByteBuffer { encoded(pairs) }

/// The upload of "Open YAML" with this boundary and file name.
func upload(_ yaml: String, fileName: String = "stuk.yaml", boundary: String = "grens") -> (HTTPFields, ByteBuffer) {
    let body =
        "--\(boundary)\r\nContent-Disposition: form-data; name=\"bestand\"; filename=\"\(fileName)\"\r\n"
        + "Content-Type: application/yaml\r\n\r\n\(yaml)\r\n--\(boundary)--\r\n"
    return ([.contentType: "multipart/form-data; boundary=\(boundary)"], ByteBuffer(string: body))
}

/// A voorstel with `count` punten, as a file.
func voorstelYAML(punten count: Int) -> String {
    var yaml = "soort: voorstel\norgaan: DVO\nonderwerp: x\nagendapunt: E1\ndatum: 2016-10-10\nopenbaar: ja\n"
    yaml += "behandeld_door: x\nportefeuillehouder: x\nvoorstel:\n"
    for i in 0..<count { yaml += "  - punt \(i)\n" }
    return yaml
}

@Suite struct FormLimitTests {
    /// `voorstel[9223372036854775807].tekst=a` crashed the server (SIGSEGV building that
    /// many rows); 1,000,000 took 40 s and 4 GB. A row number above the limit is refused.
    @Test(arguments: ["/voorstel", "/voorstel/voorbeeld"])
    func rowNumberAboveTheLimitIsRefused(_ uri: String) async throws {
        let refusal = HTML.escape(ServeMessage.tooManyRows(list: "voorstel", limit: FormLimits.maximumItems).text)
        try await app().test(.router) { client in
            for number in ["9223372036854775807", "99999999999999999999999999999", "1000000", "501", "0501"] {
                let body = formBody([("onderwerp", "x"), ("voorstel[\(number)].tekst", "a")])
                try await client.execute(uri: uri, method: .post, headers: formHeaders, body: body) { response in
                    #expect(response.status == .contentTooLarge, "\(number)")
                    #expect(String(buffer: response.body).contains(refusal), "\(number)")
                    #expect(response.headers[.contentSecurityPolicy] != nil)
                }
            }
            let last = formBody([("voorstel[\(FormLimits.maximumItems)].tekst", "a")])
            try await client.execute(uri: uri, method: .post, headers: formHeaders, body: last) { response in
                #expect(response.status == .ok)
            }
        }
    }

    /// Numbers a browser never sends leave no empty rows: two rows, not three hundred.
    @Test func skippedRowNumbersLeaveNoEmptyRows() async throws {
        let body = formBody([
            ("voorstel[1].tekst", "eerste"), ("voorstel[300].tekst", "tweede"), ("actie", "bijwerken"),
        ])
        try await app().test(.router) { client in
            try await client.execute(uri: "/voorstel", method: .post, headers: formHeaders, body: body) { response in
                let html = String(buffer: response.body)
                #expect(response.status == .ok)
                #expect(
                    html.contains(
                        "name=\"voorstel[2].tekst\" aria-describedby=\"v-voorstel-2--tekst-fout\" aria-required=\"true\" value=\"tweede\""
                    ))
                #expect(!html.contains("name=\"voorstel[3].tekst\""))
            }
        }
    }

    @Test func tooManyFieldsAreRefused() async throws {
        let limit = FormLimits.maximumFields
        let refusal = HTML.escape(ServeMessage.tooManyFields(limit: limit).text)
        try await app().test(.router) { client in
            for (count, status) in [(limit, HTTPResponse.Status.ok), (limit + 1, .contentTooLarge)] {
                let body = formBody((1...count).map { ("veld\($0)", "") })
                try await client.execute(uri: "/memo", method: .post, headers: formHeaders, body: body) { response in
                    #expect(response.status == status, "\(count) fields")
                    #expect(String(buffer: response.body).contains(refusal) == (status != .ok))
                }
            }
        }
    }

    /// What a list can hold in the form it also holds when a file is opened or a row added:
    /// a file with more rows would open, but could never be saved again.
    @Test func openingAndAddingStayWithinTheLimit() async throws {
        let limit = FormLimits.maximumItems
        try await app().test(.router) { client in
            let (headers, body) = upload(voorstelYAML(punten: limit + 1))
            try await client.execute(uri: "/openen", method: .post, headers: headers, body: body) { response in
                #expect(response.status == .contentTooLarge)
                #expect(
                    String(buffer: response.body).contains(
                        HTML.escape(ServeMessage.tooManyRows(list: "voorstel", limit: limit).text)))
            }
            let (fits, fitsBody) = upload(voorstelYAML(punten: limit))
            try await client.execute(uri: "/openen", method: .post, headers: fits, body: fitsBody) { response in
                #expect(response.status == .ok)
            }
            let full = formBody(
                (1...limit).map { ("voorstel[\($0)].tekst", "p\($0)") } + [("actie", "toevoegen:voorstel")])
            try await client.execute(uri: "/voorstel", method: .post, headers: formHeaders, body: full) { response in
                let html = String(buffer: response.body)
                #expect(response.status == .ok)
                #expect(html.contains(HTML.escape(ServeMessage.tooManyRows(list: "voorstel", limit: limit).text)))
                #expect(html.contains("name=\"voorstel[\(limit)].tekst\""))
                #expect(!html.contains("name=\"voorstel[\(limit + 1)].tekst\""))
            }
        }
    }

    /// Names that are no field path of ours are left out, as before; none of them crashes.
    @Test func oddNamesAreIgnored() throws {
        let names = [
            "voorstel[+12].tekst", "voorstel[-5].tekst", "voorstel[0].tekst", "voorstel[\u{FF11}].tekst",
            "voorstel[].tekst", "voorstel[1", "[1]", "voorstel..tekst", "voorstel]1[", ".", "", "voorstel[1]x",
        ]
        var form: [String: String] = ["voorstel[2].tekst": "echt"]
        for name in names { form[name] = "x" }
        let values = try FormValue.read(form: form, fields: Voorstel.fields)
        #expect(values["voorstel"] == .list([.record(["tekst": .scalar("echt"), "punten": .list([])])]))
    }
}

@Suite struct MultipartTests {
    static let yaml = "soort: memo\n"

    func file(_ body: String, contentType: String) -> Result<Multipart.File, Multipart.Problem> {
        Multipart.file(named: "bestand", in: Array(body.utf8), contentType: contentType)
    }

    /// RFC 2046 allows 1 to 70 characters; a longer boundary made the old parser slow
    /// (50,000 characters: 11 s) and is refused before the body is read.
    @Test func boundaryLength() async throws {
        try await app().test(.router) { client in
            for (length, status) in [(70, HTTPResponse.Status.ok), (71, .badRequest), (50_000, .badRequest)] {
                let (headers, body) = upload("soort: memo\n", boundary: String(repeating: "-", count: length - 1) + "a")
                try await client.execute(uri: "/openen", method: .post, headers: headers, body: body) { response in
                    #expect(response.status == status, "boundary of \(length)")
                    if status != .ok {
                        #expect(String(buffer: response.body).contains(HTML.escape(ServeMessage.badUpload.text)))
                    }
                }
            }
        }
    }

    @Test func browsersForms() throws {
        let part =
            "Content-Disposition: form-data; name=\"bestand\"; filename=\"a;b=c.yaml\"\r\nContent-Type: text/yaml\r\n\r\n\(Self.yaml)"
        // Quoted boundary, a preamble, a field before the file, transport padding after a delimiter.
        let body =
            "preamble\r\n--x y\r\nContent-Disposition: form-data; name=\"ander\"\r\n\r\nwaarde\r\n--x y  \r\n\(part)\r\n--x y--\r\nepiloog"
        #expect(
            file(body, contentType: "multipart/form-data; boundary=\"x y\"")
                == .success(.init(fileName: "a;b=c.yaml", bytes: Array(Self.yaml.utf8))))
        #expect(
            file(body, contentType: "Multipart/Form-Data; charset=utf-8; boundary=\"x y\"") != .failure(.badBoundary))
        // The content may hold the boundary without CRLF-- before it, and CRs of its own.
        let tricky = "x y\r\r\n-x y\r\n-\r\n"
        let second = "--x y\r\nContent-Disposition: form-data; name=\"bestand\"\r\n\r\n\(tricky)\r\n--x y--"
        #expect(
            file(second, contentType: "multipart/form-data; boundary=\"x y\"")
                == .success(.init(fileName: "", bytes: Array(tricky.utf8))))
    }

    @Test(arguments: [
        "text/plain", "multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=a\rb",
        "multipart/mixed; boundary=a", "multipart/form-data; boundary=\"a \"", "multipart/form-data; boundary=a{b",
    ])
    func unusableBoundary(_ contentType: String) {
        #expect(file("--a\r\n\r\n--a--", contentType: contentType) == .failure(.badBoundary))
    }

    @Test func noFilePart() {
        let ct = "multipart/form-data; boundary=a"
        #expect(file("--a--\r\n", contentType: ct) == .failure(.noFile))
        #expect(
            file("--a\r\nContent-Disposition: form-data; name=\"ander\"\r\n\r\nx\r\n--a--", contentType: ct)
                == .failure(.noFile))
        #expect(
            file("--a\r\nContent-Disposition: form-data; name=\"bestand\"\r\n\r\nnooit gesloten", contentType: ct)
                == .failure(.noFile))
        // `filename="x" name="bestand"` in another parameter is no name.
        #expect(
            file(
                "--a\r\nContent-Disposition: form-data; name=\"ander\"; filename=\"name=\\\"bestand\\\"\"\r\n\r\nx\r\n--a--",
                contentType: ct) == .failure(.noFile))
    }

    /// A file name from the upload is shown in the notice: a bidi override (U+202E) would show
    /// `a<U+202E>lmth.yaml` as if it were `ayaml.html`; it is shown as `�` instead.
    @Test func uploadedNameIsShownSafely() async throws {
        try await app().test(.router) { client in
            let (headers, body) = upload("soort: memo\n", fileName: "C:\\\\map\\\\a\u{202E}lmth\u{2028}.yaml")
            try await client.execute(uri: "/openen", method: .post, headers: headers, body: body) { response in
                let html = String(buffer: response.body)
                #expect(response.status == .ok)
                #expect(!html.unicodeScalars.contains("\u{202E}") && !html.unicodeScalars.contains("\u{2028}"))
                #expect(html.contains(HTML.escape(MessagePart.opened("a\u{FFFD}lmth\u{FFFD}.yaml"))))
            }
        }
    }
}
