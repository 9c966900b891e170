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
    /// `reserving` ones, which the page already uses, and lettered lists as lists
    /// (`LetteredLists`). `print`: footnotes stand at their call (`PrintFootnotes`), for
    /// WeasyPrint to put at the foot of the page; on screen they stay endnotes.
    ///
    /// `block`: HTML for a top-level paragraph, by its plain text, to stand instead of it
    /// (a data table for `[tabel: id]`, see `TableReference`); `nil` keeps the paragraph.
    /// The HTML goes in as a custom block node, which cmark writes as given even in safe
    /// mode, so it must be escaped by whoever makes it.
    static func html(
        _ markdown: String, reserving: [String] = [], print: Bool = false, block: ((String) -> String?)? = nil
    ) -> HTMLFragment {
        var slugs = Slug.Registry()
        for id in reserving { _ = slugs.unique(id) }
        return html(markdown, slugs: &slugs, print: print, block: block)
    }

    /// One of several fragments of a page, whose anchors `slugs` keeps unique.
    static func html(
        _ markdown: String, slugs: inout Slug.Registry, print: Bool = false, block: ((String) -> String?)? = nil
    ) -> HTMLFragment {
        withDocument(markdown) { document, parser in
            let root = MarkdownNode(raw: document)
            LetteredLists.apply(root)
            if print { PrintFootnotes.apply(root) }
            let headings = collectHeadings(document).map { node in
                Heading(level: Int(cmark_node_get_heading_level(node)), text: plainText(of: node))
            }
            // The ids the headings are about to get (`make` below gives the same), for the links.
            var upcoming = slugs
            CrossReferences.apply(root, headings: HTMLFragment.withIDs(headings, slugs: &upcoming), print: print)
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

    /// Every list in `markdown` that looks lettered or numbered by hand but is out of order
    /// (see `LetteredLists.misordered`), with its line in the text.
    static func misorderedLists(_ markdown: String) -> [LetteredLists.Misordered] {
        withDocument(markdown) { document, _ in LetteredLists.misordered(MarkdownNode(raw: document)) }
    }

    /// The headings of a Markdown field (their text) and its links to an anchor in the
    /// same document (`[…](#anker)`), for `check`'s cross-reference rule.
    static func outline(_ markdown: String) -> (headings: [String], anchorLinks: [(anchor: String, line: Int)]) {
        withDocument(markdown) { document, _ in
            let headings = collectHeadings(document).map { plainText(of: $0) }
            let links = MarkdownNode(raw: document).descendants.compactMap { node in
                node.anchor.map { (anchor: $0, line: node.line) }
            }
            return (headings, links)
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
    static func nodes(in document: OpaquePointer) -> [OpaquePointer] {
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

/// One node of cmark-gfm's tree, for the transformations in the files beside this one
/// (lettered lists, print footnotes), which do not touch the C library themselves. Valid
/// only inside the `CommonMark` call that made it.
struct MarkdownNode {
    fileprivate let raw: OpaquePointer

    enum Kind { case list, item, paragraph, text, link, footnoteReference, footnoteDefinition, other }

    var kind: Kind {
        switch cmark_node_get_type(raw) {
        case CMARK_NODE_LIST: .list
        case CMARK_NODE_ITEM: .item
        case CMARK_NODE_PARAGRAPH: .paragraph
        case CMARK_NODE_TEXT: .text
        case CMARK_NODE_LINK: .link
        case CMARK_NODE_FOOTNOTE_REFERENCE: .footnoteReference
        case CMARK_NODE_FOOTNOTE_DEFINITION: .footnoteDefinition
        default: .other
        }
    }

    var children: [MarkdownNode] {
        var result: [MarkdownNode] = []
        var child = cmark_node_first_child(raw)
        while let node = child {
            result.append(MarkdownNode(raw: node))
            child = cmark_node_next(node)
        }
        return result
    }

    /// This node and everything below it, in document order.
    var descendants: [MarkdownNode] { CommonMark.nodes(in: raw).map { MarkdownNode(raw: $0) } }

    /// A text node's characters; a footnote reference's number.
    var literal: String {
        get { cmark_node_get_literal(raw).map { String(cString: $0) } ?? "" }
        nonmutating set { cmark_node_set_literal(raw, newValue) }
    }

    var line: Int { Int(cmark_node_get_start_line(raw)) }
    /// "x" for a link to `#x`, an anchor in the same document; nil for any other node.
    var anchor: String? {
        guard kind == .link, let url = cmark_node_get_url(raw).map({ String(cString: $0) }), url.hasPrefix("#")
        else { return nil }
        return String(url.dropFirst())
    }

    /// Adds a text node (cmark escapes it when writing HTML).
    func appendText(_ text: String) {
        let node = cmark_node_new(CMARK_NODE_TEXT)!
        cmark_node_set_literal(node, text)
        cmark_node_append_child(raw, node)
    }
    var isBulletList: Bool { cmark_node_get_list_type(raw) == CMARK_BULLET_LIST }
    /// `1)` rather than `1.`: cmark's HTML drops the difference, the originals print it.
    var isParenthesisedList: Bool {
        cmark_node_get_list_type(raw) == CMARK_ORDERED_LIST && cmark_node_get_list_delim(raw) == CMARK_PAREN_DELIM
    }
    var listStart: Int { Int(cmark_node_get_list_start(raw)) }
    var isTight: Bool { cmark_node_get_list_tight(raw) != 0 }

    /// A block cmark writes as `enter`, its children, `exit`. Only for markup of our own:
    /// nothing a document says may reach `enter` or `exit` unescaped.
    static func customBlock(enter: String, exit: String) -> MarkdownNode {
        custom(CMARK_NODE_CUSTOM_BLOCK, enter: enter, exit: exit)
    }

    static func customInline(enter: String, exit: String) -> MarkdownNode {
        custom(CMARK_NODE_CUSTOM_INLINE, enter: enter, exit: exit)
    }

    private static func custom(_ type: cmark_node_type, enter: String, exit: String) -> MarkdownNode {
        let node = cmark_node_new(type)!
        cmark_node_set_on_enter(node, enter)
        cmark_node_set_on_exit(node, exit)
        return MarkdownNode(raw: node)
    }

    /// Moves `child` (with what it holds) from where it was to the end of this node.
    func append(_ child: MarkdownNode) { cmark_node_append_child(raw, child.raw) }

    /// Moves every child of `other` to the end of this node, so `other` may then be freed.
    /// cmark's inline nodes read their text from their paragraph's buffer until the text is
    /// first asked for (then copied into the node): asked for here, before the move, so
    /// freeing the emptied paragraph leaves none of them pointing into freed memory.
    func adoptChildren(of other: MarkdownNode) {
        for child in other.children {
            for node in CommonMark.nodes(in: child.raw) {
                _ = cmark_node_get_literal(node)
                if cmark_node_get_type(node) == CMARK_NODE_LINK || cmark_node_get_type(node) == CMARK_NODE_IMAGE {
                    _ = cmark_node_get_url(node)
                    _ = cmark_node_get_title(node)
                }
            }
            cmark_node_append_child(raw, child.raw)
        }
    }

    /// Puts `other` where this node is and frees this node with what is still below it.
    func replace(with other: MarkdownNode) {
        cmark_node_replace(raw, other.raw)
        cmark_node_free(raw)
    }

    /// Takes this node out of the tree and frees it.
    func remove() {
        cmark_node_unlink(raw)
        cmark_node_free(raw)
    }

    /// The HTML cmark writes for this node's children alone (safe mode, like the page).
    var childrenHTML: String {
        children.map { child in
            let html = cmark_render_html(child.raw, CommonMark.renderOptions, nil)
            defer { free(html) }
            return html.map { String(cString: $0) } ?? ""
        }.joined()
    }
}
