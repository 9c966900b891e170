/// Lists the authors letter or number by hand, as the originals do (seed 004: "- a) een te
/// volle cq drukke agenda …", "- 1) drugs/hennepsteelt"), become ordered lists whose
/// markers print "a)" and "1)", as the voorstel's points do, and the typed label leaves the
/// text. cmark-gfm reads such lists in three shapes:
/// - `- a) x`: a bullet item whose paragraph begins with "a) ";
/// - `- 1) x`: a bullet item holding an ordered list of one item, delimiter `)`;
/// - `1) x`: an ordered list with delimiter `)`, which cmark's HTML writes like `1.`.
/// A list that skips or repeats a label stays as typed; `misordered` finds it for `check`.
enum LetteredLists {
    /// A hand-labelled list out of order: its first line in the field and its labels.
    struct Misordered: Equatable, Sendable {
        var line: Int
        var labels: [String]
    }

    /// Rewrites every such list in the tree, nested ones and those inside bullets included.
    static func apply(_ node: MarkdownNode) {
        var current = node
        if node.kind == .list, let rewritten = rewrite(node) { current = rewritten }
        for child in current.children { apply(child) }
    }

    static func misordered(_ root: MarkdownNode) -> [Misordered] {
        root.descendants.filter { $0.kind == .list && $0.children.count > 1 }.compactMap { list in
            let labels =
                letters(list).map { $0.map { String($0) } } ?? numbers(list).map { $0.map { String($0) } }
            guard let labels, !isSequence(labels) else { return nil }
            return Misordered(line: list.line, labels: labels.map { "\($0))" })
        }
    }

    // MARK: - Recognising

    /// "a", "b", … when every item of a bullet list begins with a letter and ")".
    private static func letters(_ list: MarkdownNode) -> [Character]? {
        guard list.isBulletList else { return nil }
        var result: [Character] = []
        for item in list.children {
            guard let text = leadingText(item), let letter = label(text.literal) else { return nil }
            result.append(letter)
        }
        return result
    }

    /// 1, 2, … when every item of a bullet list is one `1)` item (`- 1) x`).
    private static func numbers(_ list: MarkdownNode) -> [Int]? {
        guard list.isBulletList else { return nil }
        var result: [Int] = []
        for item in list.children {
            let inner = item.children
            guard inner.count == 1, inner[0].isParenthesisedList, inner[0].children.count == 1 else { return nil }
            result.append(inner[0].listStart)
        }
        return result
    }

    /// The first text of an item's first paragraph, where a typed label stands.
    private static func leadingText(_ item: MarkdownNode) -> MarkdownNode? {
        guard let paragraph = item.children.first, paragraph.kind == .paragraph,
            let text = paragraph.children.first, text.kind == .text
        else { return nil }
        return text
    }

    /// "a" for "a) …": one lower-case letter, `)`, then a space or nothing.
    private static func label(_ text: String) -> Character? {
        let chars = Array(text.prefix(3))
        guard chars.count >= 2, let letter = chars.first, ("a"..."z").contains(letter), chars[1] == ")",
            chars.count == 2 || chars[2] == " "
        else { return nil }
        return letter
    }

    private static func isSequence(_ labels: [String]) -> Bool {
        let numbers = labels.compactMap { Int($0) }
        if numbers.count == labels.count {
            return zip(numbers, numbers.dropFirst()).allSatisfy { $1 == $0 + 1 }
        }
        let scalars = labels.compactMap { $0.unicodeScalars.first?.value }
        return zip(scalars, scalars.dropFirst()).allSatisfy { $1 == $0 + 1 }
    }

    // MARK: - Rewriting

    /// The list in its new form, or nil when it stays as it was.
    private static func rewrite(_ list: MarkdownNode) -> MarkdownNode? {
        if let letters = letters(list), isSequence(letters.map { String($0) }), let first = letters.first {
            let items = list.children
            for item in items {
                if let text = leadingText(item) { text.literal = String(text.literal.dropFirst(3)) }
            }
            let start = Int(first.unicodeScalars.first!.value) - Int(("a" as Unicode.Scalar).value) + 1
            return replace(list, items: items, type: "a", start: start, tight: list.isTight)
        }
        if let numbers = numbers(list), isSequence(numbers.map { String($0) }), let first = numbers.first {
            let items = list.children.map { $0.children[0].children[0] }
            return replace(list, items: items, type: nil, start: first, tight: list.isTight)
        }
        if list.isParenthesisedList {
            return replace(list, items: list.children, type: nil, start: list.listStart, tight: list.isTight)
        }
        return nil
    }

    /// `<ol class="haakje">` holding `items`; the stylesheet prints its markers with `)`.
    /// cmark writes a paragraph in a list item without `<p>` only when the list is a list
    /// node and tight: here a tight item's paragraphs become bare blocks to the same effect.
    private static func replace(
        _ list: MarkdownNode, items: [MarkdownNode], type: String?, start: Int, tight: Bool
    ) -> MarkdownNode {
        let attributes = (type.map { " type=\"\($0)\"" } ?? "") + (start == 1 ? "" : " start=\"\(start)\"")
        let block = MarkdownNode.customBlock(enter: "<ol\(attributes) class=\"haakje\">", exit: "</ol>")
        for item in items {
            block.append(item)
            guard tight else { continue }
            for paragraph in item.children where paragraph.kind == .paragraph {
                let bare = MarkdownNode.customBlock(enter: "", exit: "")
                bare.adoptChildren(of: paragraph)
                paragraph.replace(with: bare)
            }
        }
        list.replace(with: block)
        return block
    }
}
