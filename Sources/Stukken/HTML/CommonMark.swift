import CMarkGFM

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one place that talks to libcmark-gfm: every `cmark_*` call and every `free`.
///
/// Safe mode always (never `CMARK_OPT_UNSAFE`): raw HTML is not passed through and
/// `javascript:` links lose their target. GFM extensions table, strikethrough, autolink,
/// tagfilter and tasklist are attached to every parser; footnotes are on, smart
/// punctuation off.
enum CommonMark {
    /// Registration is not thread-safe in this libcmark-gfm build: done once, lazily,
    /// through a Swift `static let` (initialised exactly once, under a lock).
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]
    static let parseOptions = CMARK_OPT_FOOTNOTES
    static let renderOptions = CMARK_OPT_FOOTNOTES | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES

    /// Markdown → HTML body, with an `id` on every heading (see `Slug`) other than the
    /// `reserving` ones, which the page already uses.
    ///
    /// `block`: HTML for a top-level paragraph, by its plain text, to stand instead of it
    /// (a data table for `[tabel: id]`, see `TableReference`); `nil` keeps the paragraph.
    /// The HTML goes in as a custom block node, which cmark writes as given even in safe
    /// mode, so it must be escaped by whoever makes it.
    static func html(
        _ markdown: String, reserving: [String] = [], block: ((String) -> String?)? = nil
    ) -> HTMLFragment {
        var slugs = Slug.Registry()
        for id in reserving { _ = slugs.unique(id) }
        return html(markdown, slugs: &slugs, block: block)
    }

    /// One of several fragments of a page, whose anchors `slugs` keeps unique.
    static func html(
        _ markdown: String, slugs: inout Slug.Registry, block: ((String) -> String?)? = nil
    ) -> HTMLFragment {
        withDocument(markdown) { document, parser in
            let headings = collectHeadings(document).map { node in
                Heading(level: Int(cmark_node_get_heading_level(node)), text: plainText(of: node))
            }
            if let block { replaceParagraphs(document, block: block) }
            let raw = cmark_render_html(document, renderOptions, cmark_parser_get_syntax_extensions(parser))
            defer { free(raw) }
            let html = raw.map { String(cString: $0) } ?? ""
            return HTMLFragment.make(html: html, headings: headings, slugs: &slugs)
        }
    }

    /// A Markdown-valued field made safe to splice into a template:
    /// its headings moved to start at `headingLevel` (one `h1` per page, no skipped
    /// levels), raw HTML turned into visible text (safe mode would drop it silently),
    /// and fences, comments and link definitions closed or resolved so nothing leaks
    /// into the template text that follows.
    static func normalise(field markdown: String, headingLevel: Int) -> (markdown: String, hadHTML: Bool) {
        withDocument(markdown) { document, parser in
            let headings = collectHeadings(document)
            if let top = headings.map({ Int(cmark_node_get_heading_level($0)) }).min() {
                // Shifted so the highest starts at `headingLevel`, and never more than one
                // level below the heading before it: `##` then `####` becomes h2, h3
                // (screen readers navigate by level; axe's `heading-order`).
                var previous = headingLevel - 1
                for node in headings {
                    let shifted = Int(cmark_node_get_heading_level(node)) - top + headingLevel
                    let level = min(6, max(1, min(shifted, previous + 1)))
                    cmark_node_set_heading_level(node, Int32(level))
                    previous = level
                }
            }
            let hadHTML = replaceHTMLWithText(document)
            let raw = cmark_render_commonmark(document, parseOptions, 0)
            defer { free(raw) }
            var text = raw.map { String(cString: $0) } ?? ""
            while text.hasSuffix("\n") { text.removeLast() }
            return (text, hadHTML)
        }
    }

    /// Markdown → plain text (paragraphs separated by a blank line, no markup), for
    /// metadata fields that carry text, not HTML: DiWoo `omschrijving`, JSON-LD `abstract`.
    static func plainText(_ markdown: String) -> String {
        withDocument(markdown) { document, parser in
            let raw = cmark_render_plaintext(document, renderOptions, 0)
            defer { free(raw) }
            var text = raw.map { String(cString: $0) } ?? ""
            while text.hasSuffix("\n") { text.removeLast() }
            return text
        }
    }

    /// A paragraph directly under the document (not in a list or quote): its plain text
    /// and its first and last line in `markdown`, 1-based.
    struct TopParagraph: Equatable {
        var text: String
        var lines: ClosedRange<Int>
    }

    static func topLevelParagraphs(_ markdown: String) -> [TopParagraph] {
        withDocument(markdown) { document, _ in
            children(of: document).filter { cmark_node_get_type($0) == CMARK_NODE_PARAGRAPH }.map {
                let first = Int(cmark_node_get_start_line($0))
                return TopParagraph(
                    text: plainText(of: $0), lines: first...max(first, Int(cmark_node_get_end_line($0))))
            }
        }
    }

    // MARK: - Internals

    private static func children(of node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let c = child {
            result.append(c)
            child = cmark_node_next(c)
        }
        return result
    }

    private static func replaceParagraphs(_ document: OpaquePointer, block: (String) -> String?) {
        for node in children(of: document) where cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH {
            guard let html = block(plainText(of: node)) else { continue }
            let custom = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
            cmark_node_set_on_enter(custom, html)
            cmark_node_replace(node, custom)
            cmark_node_free(node)
        }
    }

    private static func withDocument<T>(
        _ markdown: String, _ body: (OpaquePointer, OpaquePointer) -> T
    ) -> T {
        precondition(registered)
        let parser = cmark_parser_new(parseOptions)!
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        var text = markdown
        text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        let document = cmark_parser_finish(parser)!
        defer { cmark_node_free(document) }
        return body(document, parser)
    }

    private static func collectHeadings(_ document: OpaquePointer) -> [OpaquePointer] {
        nodes(in: document).filter { cmark_node_get_type($0) == CMARK_NODE_HEADING }
    }

    /// All nodes in document order (collected first, so callers may change the tree).
    private static func nodes(in document: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) { result.append(node) }
        }
        return result
    }

    private static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        for child in nodes(in: node) {
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(child) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        return text
    }

    /// Replaces raw HTML nodes by text nodes with the same characters. Returns whether any were found.
    private static func replaceHTMLWithText(_ document: OpaquePointer) -> Bool {
        var found = false
        for node in nodes(in: document) {
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE else { continue }
            found = true
            let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            let text = cmark_node_new(CMARK_NODE_TEXT)!
            if type == CMARK_NODE_HTML_BLOCK {
                var trimmed = literal
                while trimmed.hasSuffix("\n") { trimmed.removeLast() }
                cmark_node_set_literal(text, trimmed)
                let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH)!
                cmark_node_append_child(paragraph, text)
                cmark_node_replace(node, paragraph)
            } else {
                cmark_node_set_literal(text, literal)
                cmark_node_replace(node, text)
            }
            cmark_node_free(node)
        }
        return found
    }
}
