/// Footnotes for paper: each note's text moves to its call, as
/// `<span class="voetnoot">…</span>`, which the print stylesheet floats to the foot of its
/// page (CSS GCPM `float: footnote`; WeasyPrint numbers the call and the note itself). cmark
/// gathers the notes after everything else, which on paper is the last page, each with a
/// "↩" back-link that means nothing there; on screen they stay that way (with Dutch labels,
/// see `HTMLFragment`).
///
/// cmark-gfm numbers the notes in the order of their first call, writes that number as
/// each call's text, and moves the notes that are called to the document's end in the same
/// order (uncalled ones it drops): the n-th note there is number n.
enum PrintFootnotes {
    static func apply(_ root: MarkdownNode) {
        let definitions = root.children.filter { $0.kind == .footnoteDefinition }
        guard !definitions.isEmpty else { return }
        let notes = definitions.map(noteHTML)
        for call in root.descendants where call.kind == .footnoteReference {
            guard let number = Int(call.literal), notes.indices.contains(number - 1) else { continue }
            // The note's HTML is cmark's own rendering of the note (safe mode), so it
            // carries no markup a document could have put there.
            call.replace(
                with: .customInline(enter: "<span class=\"voetnoot\">" + notes[number - 1] + "</span>", exit: ""))
        }
        for definition in definitions { definition.remove() }
    }

    /// A note's paragraphs as inline HTML, one after another (a footnote is a line or two;
    /// a block inside a `span` would not stay in the page's flow).
    private static func noteHTML(_ definition: MarkdownNode) -> String {
        definition.children.map { block in
            block.kind == .paragraph ? block.childrenHTML : plainHTML(block)
        }.joined(separator: " ")
    }

    /// A list or quote in a note, as its paragraphs' text.
    private static func plainHTML(_ block: MarkdownNode) -> String {
        block.descendants.filter { $0.kind == .paragraph }.map(\.childrenHTML).joined(separator: " ")
    }
}
