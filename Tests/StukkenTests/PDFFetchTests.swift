import Foundation
import Testing

@testable import Stukken

#if canImport(Glibc)
    import Glibc
#endif

/// A web server on 127.0.0.1 that answers every request with 404 and remembers its first
/// line: the PDF stage must send it nothing.
final class Listener: @unchecked Sendable {
    let port: Int
    private let socket: Int32
    private let lock = NSLock()
    private var lines: [String] = []
    private var stopped = false
    private let done = DispatchSemaphore(value: 0)

    init() throws {
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && listen(fd, 16) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        try #require(bound, "cannot listen on 127.0.0.1")
        socket = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread.detachNewThread { [self] in serve() }
    }

    var requests: [String] { lock.withLock { lines } }

    func stop() {
        lock.withLock { stopped = true }
        done.wait()
        close(socket)
    }

    private func serve() {
        while !lock.withLock({ stopped }) {
            var ready = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            guard poll(&ready, 1, 100) > 0 else { continue }
            let client = accept(socket, nil, nil)
            guard client >= 0 else { continue }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let n = read(client, &buffer, buffer.count)
            let request = String(decoding: buffer.prefix(max(n, 0)), as: UTF8.self)
            let line = request.split(separator: "\r\n").first.map(String.init) ?? "(connection)"
            lock.withLock { lines.append(line) }
            let answer = "HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\n\r\n"
            _ = answer.withCString { write(client, $0, strlen($0)) }
            close(client)
        }
        done.signal()
    }
}

/// A small PNG of one colour, `width`×`height`, so `pdfimages -list` can tell images apart.
func png(width: Int, height: Int) -> Data {
    func chunk(_ type: String, _ body: [UInt8]) -> [UInt8] {
        let typed = Array(type.utf8) + body
        return bigEndian(UInt32(body.count)) + typed + bigEndian(crc32(typed))
    }
    func bigEndian(_ v: UInt32) -> [UInt8] { [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: v >> $0) } }
    func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
    func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1
        var b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        return b << 16 | a
    }
    let pixel: [UInt8] = [200, 30, 30]
    var raw: [UInt8] = []
    for _ in 0..<height {
        raw.append(0)
        for _ in 0..<width { raw += pixel }
    }
    // zlib with one stored (uncompressed) block: no compressor needed for a few bytes.
    let size = UInt16(raw.count)
    var stored: [UInt8] = [0x78, 0x01, 0x01]
    stored += [UInt8(size & 0xFF), UInt8(size >> 8), UInt8(~size & 0xFF), UInt8(~size >> 8)]
    stored += raw
    stored += bigEndian(adler32(raw))
    let header = bigEndian(UInt32(width)) + bigEndian(UInt32(height)) + [8, 2, 0, 0, 0]
    let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    return Data(signature + chunk("IHDR", header) + chunk("IDAT", stored) + chunk("IEND", []))
}

/// A memo whose inhoud is `inhoud` (already indented for the block scalar).
func memo(inhoud: String) -> String {
    let indented = inhoud.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
    return """
        soort: memo
        openbaar: ja
        aan: het DVO
        van: J. Slot
        datum: 2016-10-10
        onderwerp: Afbeeldingen
        inhoud: |
          Een alinea.

        """ + indented.joined(separator: "\n") + "\n"
}

extension PDFTools {
    /// `pdfimages -list`: one "width×height" an image (soft masks left out).
    static func images(_ pdf: URL) throws -> [String] {
        try run("pdfimages", ["-list", pdf.path]).split(separator: "\n").dropFirst(2).compactMap { line in
            let columns = line.split(separator: " ", omittingEmptySubsequences: true)
            guard columns.count > 4, columns[2] == "image" else { return nil }
            return "\(columns[3])x\(columns[4])"
        }
    }
}

/// C3 of the security review: making a PDF fetches nothing from the network and reads no
/// file but an image in the stuk's own folder.
@Suite(.enabled(if: PDFTools.weasyprintAvailable, "weasyprint is not installed: PDF tests skipped"))
struct PDFFetchTests {
    /// A stuk in a folder of its own, with an image file outside that folder beside it.
    struct Setup {
        let root: URL
        var folder: URL { root.appendingPathComponent("stuk") }
        var outside: URL { root.appendingPathComponent("buiten/geheim.png") }
        var stuk: URL { folder.appendingPathComponent("stuk.yaml") }
        var pdf: URL { root.appendingPathComponent("stuk.pdf") }

        init(inhoud: String) throws {
            root = try temporaryDirectory()
            for made in [folder, outside.deletingLastPathComponent()] {
                try FileManager.default.createDirectory(at: made, withIntermediateDirectories: true)
            }
            try png(width: 9, height: 9).write(to: outside)
            try memo(inhoud: inhoud).write(to: stuk, atomically: true, encoding: .utf8)
        }

        func render() throws -> CLI.Result {
            try CLI.run(["render", stuk.path, "--format", "pdf", "-o", pdf.path])
        }

        func line(of text: String) throws -> Int {
            let lines = try String(contentsOf: stuk, encoding: .utf8).components(separatedBy: "\n")
            return try #require(lines.firstIndex { $0.contains(text) }) + 1
        }

        /// The printed warning's first line for `image`: file, line, column, message.
        func warning(_ image: String, _ reason: RefusedImage.Reason, in stderr: String) throws -> Bool {
            let place = "\(stuk.path):\(try line(of: image)):"
            let message = ": warning: " + PDFMessage.imageLeftOut(image, reason: reason).description
            return stderr.split(separator: "\n").contains { $0.hasPrefix(place) && $0.hasSuffix(message) }
        }
    }

    @Test func remoteImagesAreNotFetched() throws {
        let listener = try Listener()
        defer { listener.stop() }
        let base = "http://127.0.0.1:\(listener.port)"
        let setup = try Setup(
            inhoud: """
                ![p](\(base)/img.png)

                ![ref][r]

                ![s](\(base)/x.svg)

                [r]: \(base)/ref.png
                """)
        defer { try? FileManager.default.removeItem(at: setup.root) }
        let result = try setup.render()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try PDFTools.images(setup.pdf).isEmpty)
        // The form's way (library defaults) sends nothing either.
        let stuk = try Stukken.load(path: setup.stuk.path).get()
        let rendered = try Stukken.renderedPDF(stuk, templates: Package.templateSet)
        #expect(rendered.data.starts(with: Array("%PDF".utf8)))
        #expect(rendered.warnings.count == 3)
        #expect(listener.requests.isEmpty, "requests: \(listener.requests)")
        // A warning for each, at the line that names it.
        for name in ["img.png", "ref.png", "x.svg"] {
            #expect(try setup.warning("\(base)/\(name)", .netwerk, in: result.stderr), "\(name): \(result.stderr)")
        }
    }

    /// An SVG beside the stuk is drawn, but what it names outside the folder is not.
    @Test func svgInFolderCannotEmbedAFileOutside() throws {
        let setup = try Setup(inhoud: "![tekening](tekening.svg)")
        defer { try? FileManager.default.removeItem(at: setup.root) }
        let svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="120" height="40">\
            <image href="\(setup.outside.absoluteString)" width="9" height="9"/>\
            <text x="10" y="30">TEKENING-TEKST</text></svg>
            """
        try svg.write(to: setup.folder.appendingPathComponent("tekening.svg"), atomically: true, encoding: .utf8)
        let result = try setup.render()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try PDFTools.images(setup.pdf).isEmpty)
        #expect(try PDFTools.pages(setup.pdf).joined().contains("TEKENING-TEKST"))
        let warning = PDFMessage.imageLeftOut(setup.outside.absoluteString, reason: .buitenMap).description
        #expect(result.stderr.contains("\(setup.stuk.path): warning: \(warning)"), "\(result.stderr)")
    }

    /// A data: SVG (only a template can have one: cmark empties it in Markdown) gets no
    /// file either; the fetcher serves what is inside an SVG too.
    @Test func dataSVGCannotEmbedAFile() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let secret = root.appendingPathComponent("geheim.png")
        try png(width: 9, height: 9).write(to: secret)
        let svg = """
            <svg xmlns='http://www.w3.org/2000/svg' width='20' height='20'>\
            <image href='\(secret.absoluteString)' width='9' height='9'/></svg>
            """
        let encoded = try #require(svg.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
        let image = "<img src=\"data:image/svg+xml,\(encoded)\" alt=\"\">"
        let page = HTMLPage(html: "<!DOCTYPE html><html lang=\"nl\"><title>t</title><p>\(image)</p>")
        let folder = root.appendingPathComponent("stuk")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (imageFolder, reason) in [(nil, RefusedImage.Reason.geenMap), (folder.path, .buitenMap)] {
            let (data, refused) = try PDFRenderer.render(page, timeout: 60, imageFolder: imageFolder)
            let pdf = root.appendingPathComponent("d.pdf")
            try data.write(to: pdf)
            #expect(try PDFTools.images(pdf).isEmpty)
            #expect(refused == [RefusedImage(url: secret.absoluteString, srcs: [], reason: reason)])
        }
    }

    /// A bijlage linked from a pack's page stays a link beside the PDF, not a file:// URL of
    /// the folder `stukken` ran in (which also told the reader whose computer made it).
    @Test func relativeLinksStayRelative() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let link = "<a href=\"e3-bijlagen/1.pdf\">bijlage</a>"
        let page = HTMLPage(html: "<!DOCTYPE html><html lang=\"nl\"><title>t</title><p>\(link)</p>")
        let pdf = root.appendingPathComponent("e3.pdf")
        try PDFRenderer.render(page, timeout: 60).write(to: pdf)
        let links = try PDFTools.run("pdfinfo", ["-url", pdf.path]).split(separator: "\n").dropFirst()
        #expect(links.map { $0.split(separator: " ").last } == ["e3-bijlagen/1.pdf"], "\(links)")
    }

    @Test func imagesInTheStuksFolderAreEmbedded() throws {
        let setup = try Setup(
            inhoud: """
                ![grafiek](grafiek.png)

                ![logo](afbeeldingen/logo%20vrt.png)

                ![klein](data:image/png;base64,\(png(width: 3, height: 2).base64EncodedString()))
                """)
        defer { try? FileManager.default.removeItem(at: setup.root) }
        try png(width: 7, height: 5).write(to: setup.folder.appendingPathComponent("grafiek.png"))
        let subfolder = setup.folder.appendingPathComponent("afbeeldingen")
        try FileManager.default.createDirectory(at: subfolder, withIntermediateDirectories: true)
        try png(width: 4, height: 6).write(to: setup.folder.appendingPathComponent("afbeeldingen/logo vrt.png"))
        let result = try setup.render()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        #expect(try PDFTools.images(setup.pdf).sorted() == ["3x2", "4x6", "7x5"])
    }

    /// `..`, an absolute path and a symbolic link out of the folder: refused, each with its warning.
    @Test func filesOutsideTheFolderAreRefused() throws {
        let setup = try Setup(
            inhoud: """
                ![koppeling](koppeling.png)

                ![omhoog](../buiten/geheim.png)

                ![absoluut](ABSOLUUT)

                ![tekst](stuk.yaml)
                """)
        defer { try? FileManager.default.removeItem(at: setup.root) }
        let yaml = try String(contentsOf: setup.stuk, encoding: .utf8)
        let absolute = yaml.replacingOccurrences(of: "ABSOLUUT", with: setup.outside.path)
        try absolute.write(to: setup.stuk, atomically: true, encoding: .utf8)
        let link = setup.folder.appendingPathComponent("koppeling.png")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "../buiten/geheim.png")
        let result = try setup.render()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try PDFTools.images(setup.pdf).isEmpty)
        let refused: [(String, RefusedImage.Reason)] = [
            ("koppeling.png", .buitenMap), ("../buiten/geheim.png", .buitenMap), (setup.outside.path, .buitenMap),
            ("stuk.yaml", .geenAfbeelding),
        ]
        for (written, reason) in refused {
            #expect(try setup.warning(written, reason, in: result.stderr), "\(written): \(result.stderr)")
        }
    }

    /// The form and a pack read no image files at all.
    @Test func withoutLocalImagesNoFileIsRead() throws {
        let setup = try Setup(inhoud: "![grafiek](grafiek.png)")
        defer { try? FileManager.default.removeItem(at: setup.root) }
        try png(width: 7, height: 5).write(to: setup.folder.appendingPathComponent("grafiek.png"))
        let stuk = try Stukken.load(path: setup.stuk.path).get()
        let rendered = try Stukken.renderedPDF(stuk, templates: Package.templateSet)
        try rendered.data.write(to: setup.pdf)
        #expect(try PDFTools.images(setup.pdf).isEmpty)
        #expect(rendered.warnings.map(\.message) == [PDFMessage.imageLeftOut("grafiek.png", reason: .geenMap).text])
        #expect(rendered.warnings.first?.field == "inhoud")
    }
}

@Suite struct PDFProcessTests {
    /// L6 of the security review: the page of a non-public stuk passes through a folder only
    /// this user can enter, in files only this user can read, and nothing is left afterwards.
    /// A stand-in WeasyPrint records what it finds and fails.
    @Test func temporaryFolderIsPrivateAndRemoved() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let tmp = root.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        let record = root.appendingPathComponent("modes.txt")
        let python = try executable(
            in: root, "python",
            """
            #!/bin/sh
            for a in "$@"; do case "$a" in "$TMPDIR"/*) d=$(dirname "$a");; esac; done
            stat -c '%a %n' "$d" "$d"/* > \(record.path)
            exit 1
            """)
        let weasyprint = try executable(in: root, "weasyprint", "#!\(python.path)\n")
        let result = try CLI.run(
            ["render", "examples/ab-ts-s.yaml", "--format", "pdf", "-o", root.appendingPathComponent("e3.pdf").path],
            environment: ["STUKKEN_WEASYPRINT": weasyprint.path, "TMPDIR": tmp.path])
        #expect(result.status == 1)
        let lines = try String(contentsOf: record, encoding: .utf8).split(separator: "\n")
        let modes = lines.map { $0.split(separator: " ")[0] }
        #expect(modes.count >= 3, "\(modes)")
        #expect(modes.first == "700")
        #expect(modes.dropFirst().allSatisfy { $0 == "600" }, "\(modes)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path).isEmpty)
        // A real WeasyPrint leaves nothing either (its font folder included).
        guard PDFTools.weasyprintAvailable else { return }
        let made = try CLI.run(
            ["render", "examples/ab-ts-s.yaml", "--format", "pdf", "-o", root.appendingPathComponent("e3.pdf").path],
            environment: ["TMPDIR": tmp.path])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path).isEmpty)
    }

    /// The Python that has WeasyPrint is the one its program names on its first line.
    @Test func pythonOfTheWeasyprintProgram() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let python = try executable(in: root, "python3", "#!/bin/sh\n")
        let direct = try executable(in: root, "direct", "#!\(python.path) -s\nimport sys\n")
        let viaEnv = try executable(in: root, "via-env", "#!/usr/bin/env python3\nimport sys\n")
        let binary = try executable(in: root, "binary", "\u{7F}ELF")
        let missing = try executable(in: root, "missing", "#!\(root.path)/nergens\n")
        #expect(WeasyPrint.interpreter(of: direct.path, searchPath: "/nowhere") == python)
        #expect(WeasyPrint.interpreter(of: viaEnv.path, searchPath: "/nowhere:\(root.path)") == python)
        #expect(WeasyPrint.interpreter(of: binary.path, searchPath: root.path) == nil)
        #expect(WeasyPrint.interpreter(of: missing.path, searchPath: root.path) == nil)
        #expect(throws: PDFRenderer.Failure.notExecutable(binary.path)) {
            try WeasyPrint.locate(environment: ["STUKKEN_WEASYPRINT": binary.path])
        }
    }
}

/// A file with mode 0755.
func executable(in folder: URL, _ name: String, _ text: String) throws -> URL {
    let url = folder.appendingPathComponent(name)
    try text.write(to: url, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
    return url
}
