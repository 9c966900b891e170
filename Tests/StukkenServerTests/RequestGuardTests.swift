import Foundation
import Hummingbird
import HummingbirdTesting
import Stukken
import Testing

@testable import StukkenServer

/// The request guard's edges (issue 16, L4) and the headers on every answer.
@Suite struct RequestGuardTests {
    static let post: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

    /// The router tests reach the server as `localhost` (no port): its own origin is
    /// `http://localhost`; another port on this machine is another origin.
    @Test func onlyTheFormsOwnOriginMayPost() async throws {
        let cases: [(String, HTTPResponse.Status)] = [
            ("http://localhost", .ok), ("http://localhost:9999", .forbidden), ("http://localhost:80", .forbidden),
            ("http://127.0.0.1", .forbidden), ("https://localhost", .forbidden), ("null", .forbidden),
        ]
        try await app().test(.router) { client in
            for (origin, status) in cases {
                var headers = Self.post
                headers[.origin] = origin
                try await client.execute(
                    uri: "/evaluatie", method: .post, headers: headers, body: ByteBuffer(string: "actie=yaml")
                ) { response in
                    #expect(response.status == status, "\(origin)")
                }
            }
        }
    }

    /// Without an Origin, what the browser says of where a post came from counts.
    @Test func crossSitePostWithoutOrigin() async throws {
        let site = HTTPFields.Element.Name("Sec-Fetch-Site")!
        let cases: [(String, HTTPResponse.Status)] = [
            ("cross-site", .forbidden), ("same-site", .forbidden), ("same-origin", .ok), ("none", .ok),
        ]
        try await app().test(.router) { client in
            for (value, status) in cases {
                var headers = Self.post
                headers[site] = value
                try await client.execute(
                    uri: "/evaluatie", method: .post, headers: headers, body: ByteBuffer(string: "actie=yaml")
                ) { response in
                    #expect(response.status == status, "\(value)")
                }
            }
            // Following a link from elsewhere to the start page is fine.
            try await client.execute(uri: "/", method: .get, headers: [site: "cross-site"]) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test(arguments: [
        "localhost:\u{668}\u{660}", "localhost:\u{BD}", "localhost:", "localhost:123456", "127.0.0.1:+80",
        "localhost:\u{FF18}\u{FF10}",
    ])
    func portWithoutASCIIDigits(_ host: String) { #expect(!HostGuard<BasicRequestContext>.allowed(host)) }

    /// Every answer carries the security headers, the refusals and errors too, and an error
    /// is a page in Dutch, not the framework's JSON.
    @Test func everyAnswerHasTheSecurityHeaders() async throws {
        let host = HTTPFields.Element.Name("Host")!
        let big = ByteBuffer(repeating: UInt8(ascii: "a"), count: FormServer.maximumBody + 1)
        let requests: [(String, HTTPRequest.Method, HTTPFields, ByteBuffer?, HTTPResponse.Status)] = [
            ("/", .get, [host: "evil.example"], nil, .forbidden),
            ("/evaluatie", .post, [.origin: "http://evil.example"], nil, .forbidden),
            ("/brief", .get, [:], nil, .notFound),
            ("/a/b/c", .get, [:], nil, .notFound),
            ("/evaluatie", .post, Self.post, big, .contentTooLarge),
            ("/openen", .post, [.contentType: "multipart/form-data; boundary=a"], big, .contentTooLarge),
            ("/formulier.css", .get, [:], nil, .ok),
        ]
        try await app().test(.router) { client in
            for (uri, method, headers, body, status) in requests {
                try await client.execute(uri: uri, method: method, headers: headers, body: body) { response in
                    #expect(response.status == status, "\(method) \(uri)")
                    #expect(
                        response.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true,
                        "\(method) \(uri)")
                    #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(method) \(uri)")
                    if status == .notFound || status == .contentTooLarge {
                        #expect(response.headers[.contentType] == "text/html; charset=utf-8", "\(method) \(uri)")
                        #expect(
                            String(buffer: response.body).contains(HTML.escape(ServeMessage.status(status.code).text))
                                || uri == "/brief")
                    }
                }
            }
        }
    }

    /// The 404 for an unknown kind names it (as the address has it, percent escapes and all),
    /// but not 5,000 characters of it.
    @Test func unknownKindIsShownSafely() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/a%E2%80%AEb" + String(repeating: "x", count: 5000), method: .get) {
                response in
                let html = String(buffer: response.body)
                #expect(response.status == .notFound)
                #expect(html.contains("a%E2%80%AEbxxx") && html.utf8.count < 2000)
            }
        }
    }

    /// An error no route expected becomes a 500 page with the same headers.
    @Test func unexpectedErrorPage() async throws {
        struct Broken: Error {}
        let router = Router()
        router.add(middleware: SecurityHeaders())
        router.get("/") { _, _ -> String in throw Broken() }
        try await Application(router: router).test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .internalServerError)
                #expect(response.headers[.contentSecurityPolicy] != nil)
                #expect(String(buffer: response.body).contains(HTML.escape(ServeMessage.status(500).text)))
            }
        }
    }
}

/// On a real socket: what only the bytes on the wire show.
@Suite struct LiveServerTests {
    static func live(idleTimeout: Duration = .seconds(30)) -> some ApplicationProtocol {
        FormServer.application(port: 0, workbench: Package.workbench, opened: nil, idleTimeout: idleTimeout)
    }

    /// A blocking exchange, on a thread of its own rather than one of the test's.
    static func exchange(_ port: Int, _ request: String, timeout: Double) async throws -> RawHTTP.Exchange {
        try await PDFJobs.onOwnThread { Result { try RawHTTP.exchange(port: port, request, timeout: timeout) } }.get()
    }

    /// Idle connections, and connections stuck halfway through their headers or body, are
    /// closed (they stayed open for good: 600 of them after 30 s).
    @Test func idleConnectionsAreClosed() async throws {
        try await Self.live(idleTimeout: .seconds(1)).test(.live) { client in
            let port = try #require(client.port)
            let stuck = [
                "", "GET / HTTP/1.1\r\nHost: loc",
                "POST /evaluatie HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\nactie=",
                "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n",
            ]
            for request in stuck {
                let exchange = try await Self.exchange(port, request, timeout: 8)
                #expect(exchange.closed, "\(request.debugDescription) still open")
            }
        }
    }

    /// `GET http://evil.com/` names another server; it was answered 200 as if it were `/`.
    @Test func absoluteFormRequestLineIsRefused() async throws {
        try await Self.live().test(.live) { client in
            let port = try #require(client.port)
            for target in ["http://evil.com/", "http://localhost/", "*"] {
                let exchange = try await Self.exchange(
                    port, "GET \(target) HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", timeout: 5)
                #expect(exchange.status == 400, "\(target)")
                #expect(exchange.text.contains(ServeMessage.absoluteTarget.text), "\(target)")
                #expect(exchange.text.lowercased().contains("content-security-policy:"), "\(target)")
            }
            // The authority form is no request line for GET at all: the HTTP parser refuses it.
            let authority = try await Self.exchange(
                port, "GET localhost:80 HTTP/1.1\r\nHost: localhost\r\n\r\n", timeout: 5)
            #expect(authority.status == 400)
            let plain = try await Self.exchange(
                port, "GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", timeout: 5)
            #expect(plain.status == 200)
        }
    }
}
