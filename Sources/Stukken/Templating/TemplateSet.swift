import Foundation
import Mustache

/// Stage 3: the Mustache templates of `Templates/`, loaded once.
///
/// Per kind, in `Templates/<soort>/`:
/// - `kop.md.mustache`, `inhoud.md.mustache`, `slot.md.mustache`: the Markdown document
///   (heading block, body, signatures), `--format markdown` prints all three;
/// - `kop.html.mustache`, `slot.html.mustache`: the same heading and signatures as HTML,
///   where layout needs what Markdown cannot say (`<th scope>`, two signature columns);
/// - `inhoud.html.mustache` (the forms only): the body as the seed's two-column table,
///   each answer's HTML made by cmark on its own (`FormBody`).
/// `formulier/`: the blank forms (`BlankForm`) and the hulpvragen partials the forms share.
/// `pagina.html.mustache` wraps a page; `stijl.css` is embedded in it.
public struct TemplateSet: Sendable {
    public let directory: String
    private let library: MustacheLibrary
    public let stylesheet: String
    /// `druk.css`: paged-media rules only WeasyPrint understands, for PDF pages only.
    public let printStylesheet: String
    /// A hash of every template byte, for incremental builds.
    public let fingerprint: String

    private static let registerContentType: Bool = {
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
        MustacheContentTypes.register(HTMLBytesContentType(), named: "HTML")
        return true
    }()

    /// The `Templates/` folder: `--templates`, else `STUKKEN_TEMPLATES`, else the one
    /// beside the executable's package, else `./Templates`.
    public static func defaultDirectory() -> String {
        if let env = ProcessInfo.processInfo.environment["STUKKEN_TEMPLATES"], !env.isEmpty { return env }
        var candidates: [String] = []
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath()
        var dir = executable.deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(dir.appendingPathComponent("Templates").path)
            dir = dir.deletingLastPathComponent()
        }
        candidates.append(FileManager.default.currentDirectoryPath + "/Templates")
        // Source checkout: this file is Sources/Stukken/Templating/TemplateSet.swift.
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Templates").path
        candidates.append(source)
        return candidates.first { FileManager.default.fileExists(atPath: $0 + "/pagina.html.mustache") }
            ?? candidates.last!
    }

    /// Every file under `directory`, which a writing command must not overwrite (an
    /// output reached through a symlink into the folder included).
    public var files: [String] {
        (FileManager.default.enumerator(atPath: directory)?.compactMap { $0 as? String } ?? []).map {
            directory + "/" + $0
        }
    }

    public static func load(from directory: String = defaultDirectory()) -> Result<TemplateSet, DiagnosticsError> {
        precondition(registerContentType)
        var library = MustacheLibrary()
        var diagnostics: [Diagnostic] = []
        var hasher = FingerprintHasher()
        let fm = FileManager.default
        guard let names = fm.enumerator(atPath: directory)?.compactMap({ $0 as? String }).sorted() else {
            return .failure(
                DiagnosticsError([
                    Diagnostic(
                        .error, file: directory, message: Message.templateMissing("pagina.html", directory: directory))
                ]))
        }
        for name in names where name.hasSuffix(".mustache") {
            let path = directory + "/" + name
            guard let text = fm.contents(atPath: path).flatMap({ String(data: $0, encoding: .utf8) }) else { continue }
            hasher.add(name)
            hasher.add(text)
            // An HTML template escapes with `HTMLEscaping` (swift-mustache's own default
            // cannot be replaced): a pragma line is put before its first line (a standalone
            // tag, it renders nothing), and diagnostics count lines without it.
            let pragma = name.hasSuffix(".html.mustache") ? htmlPragma : ""
            do {
                let template = try MustacheTemplate(string: pragma + text)
                library.register(template, named: String(name.dropLast(".mustache".count)))
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(
                    Diagnostic(
                        .error, file: path, line: max(1, error.context.lineNumber - (pragma.isEmpty ? 0 : 1)),
                        column: error.context.columnNumber,
                        message: Message.templateSyntax(String(describing: error.error))))
            } catch {
                diagnostics.append(
                    Diagnostic(.error, file: path, message: Message.templateSyntax(String(describing: error))))
            }
        }
        let css = fm.contents(atPath: directory + "/stijl.css").flatMap { String(data: $0, encoding: .utf8) } ?? ""
        hasher.add(css)
        let printCSS = fm.contents(atPath: directory + "/druk.css").flatMap { String(data: $0, encoding: .utf8) } ?? ""
        hasher.add(printCSS)
        if library.getTemplate(named: "pagina.html") == nil {
            diagnostics.append(
                Diagnostic(
                    .error, file: directory,
                    message: Message.templateMissing("pagina.html.mustache", directory: directory)))
        }
        if diagnostics.hasErrors { return .failure(DiagnosticsError(diagnostics)) }
        return .success(
            TemplateSet(
                directory: directory, library: library, stylesheet: css, printStylesheet: printCSS,
                fingerprint: hasher.hex))
    }

    static let htmlPragma = "{{%CONTENT_TYPE: HTML}}\n"

    /// Renders `<soort>/<part>`; a part a kind does not have renders as nothing.
    func render(_ context: Any, kind: String, part: String) -> String {
        library.render(context, withTemplate: "\(kind)/\(part)") ?? ""
    }

    func render(_ context: Any, template: String) -> String {
        library.render(context, withTemplate: template) ?? ""
    }

    public func has(kind: String, part: String) -> Bool {
        library.getTemplate(named: "\(kind)/\(part)") != nil
    }
}

/// FNV-1a over the template texts: a stable fingerprint, not a security hash.
struct FingerprintHasher {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325
    mutating func add(_ text: String) {
        for byte in text.utf8 {
            state ^= UInt64(byte)
            state = state &* 0x0000_0100_0000_01B3
        }
        state ^= 0xFF
    }
    var hex: String { String(state, radix: 16) }
}

/// A list for a template section whose rows are made as the template reaches them, so
/// a long list (an agenda of ten thousand items) is never held as contexts all at once.
/// The transforms a template may apply to a list (`count(items)`, …) work as on an array.
struct LazyRows<Base: BidirectionalCollection>: Sequence, MustacheSequence, MustacheTransformable {
    let base: Base
    let row: (Base.Element) -> [String: Any]

    func makeIterator() -> LazyMapSequence<Base, [String: Any]>.Iterator {
        base.lazy.map(row).makeIterator()
    }

    func transform(_ name: String) -> Any? {
        switch name {
        case "first": base.first.map(row)
        case "last": base.last.map(row)
        case "reversed": base.reversed().map(row)
        case "count": base.count
        case "empty": base.isEmpty
        default: nil
        }
    }
}
