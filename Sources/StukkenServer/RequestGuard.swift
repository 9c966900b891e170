import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import Stukken

/// Refuses requests whose Host is not this machine's loopback name: a web page elsewhere
/// that points its own domain name at 127.0.0.1 (DNS rebinding) cannot reach the form.
/// A form post from any other origin is refused too, another port on this machine included:
/// only the form's own pages may post to it.
struct HostGuard<Context: RequestContext>: RouterMiddleware {
    static func allowed(_ authority: String) -> Bool {
        var host = Substring(authority)
        if let colon = host.lastIndex(of: ":") {
            // Only ASCII digits: `localhost:٨٠` or `localhost:½` is no port.
            let port = host[host.index(after: colon)...].utf8
            guard (1...5).contains(port.count), port.allSatisfy({ (0x30...0x39).contains($0) }) else { return false }
            host = host[..<colon]
        }
        return host == "localhost" || host == "127.0.0.1"
    }

    /// Whether a request from this host may reach the routes: no Origin but the form's
    /// own, and nothing a browser marks as sent from another site, except going to a page.
    static func sameOrigin(_ request: Request, host: String) -> Bool {
        if let origin = request.headers[.origin] { return origin == "http://" + host }
        guard request.method != .get, request.method != .head,
            let site = request.headers[HTTPFields.Element.Name("Sec-Fetch-Site")!]
        else { return true }
        return site == "same-origin" || site == "none"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard request.headers[RequestTargetGuard.marker] == nil else {
            return FormServer.plain(ServeMessage.absoluteTarget.text, status: .badRequest)
        }
        let hosts = [request.head.authority].compactMap { $0 } + request.headers[values: .init("Host")!]
        guard let host = hosts.first, hosts.allSatisfy({ $0 == host }), Self.allowed(host),
            Self.sameOrigin(request, host: host)
        else {
            return FormServer.plain(ServeMessage.wrongHost.text, status: .forbidden)
        }
        return try await next(request, context)
    }
}

/// Every answer carries the security headers, an error too; and an error is a page in the
/// form's own words, never the framework's JSON.
struct SecurityHeaders<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPError {
            response = FormServer.errorPage(
                error.body ?? ServeMessage.status(error.status.code).text, status: error.status)
        } catch is NIOTooManyBytesError {
            response = FormServer.errorPage(ServeMessage.status(413).text, status: .contentTooLarge)
        } catch {
            context.logger.error("\(request.method) \(request.uri.path): \(error)")
            response = FormServer.errorPage(ServeMessage.status(500).text, status: .internalServerError)
        }
        for field in FormServer.securityHeaders where response.headers[field.name] == nil {
            response.headers.append(field)
        }
        return response
    }
}

/// A request line must name a path (`GET /x`): the absolute form (`GET http://evil.com/`)
/// names another server, which this one is not. The HTTP types Hummingbird hands on keep only
/// the path, so the request line is looked at here, before that conversion, and marked for
/// `HostGuard` to refuse.
final class RequestTargetGuard: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart

    static let marker = HTTPFields.Element.Name("Stukken-Request-Target")!

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var part = unwrapInboundIn(data)
        if case .head(var head) = part, !head.uri.hasPrefix("/") {
            head.uri = "/"
            head.headers.replaceOrAdd(name: Self.marker.rawName, value: "absolute")
            part = .head(head)
        }
        context.fireChannelRead(wrapInboundOut(part))
    }
}

/// Hummingbird's HTTP/1 channel with `RequestTargetGuard` right after the request decoder.
struct GuardedHTTP1Channel: ServerChildChannel {
    let inner: HTTP1Channel

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<HTTP1Channel.Value> {
        inner.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let operations = channel.pipeline.syncOperations
            let decoder = try operations.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            try operations.addHandler(RequestTargetGuard(), position: .after(decoder))
            return value
        }
    }

    func handle(value: HTTP1Channel.Value, logger: Logger) async {
        await inner.handle(value: value, logger: logger)
    }
}

extension HTTPServerBuilder {
    /// HTTP/1 with the request-line guard; a connection with nothing to say for
    /// `idleTimeout` (idle, or stuck halfway through its headers or body) is closed.
    static func guardedHTTP1(idleTimeout: TimeAmount) -> HTTPServerBuilder {
        .init { responder in
            GuardedHTTP1Channel(
                inner: HTTP1Channel(responder: responder, configuration: .init(idleTimeout: idleTimeout)))
        }
    }
}
