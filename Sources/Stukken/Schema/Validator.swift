import Yams

/// Stage 2: node tree + field list → validated `Record`, and every problem found.
///
/// Walks the whole tree even after the first error, so an author fixes a file in one go.
/// Yams' own decoder is not used: it ignores unknown keys, reads `no` as a boolean and
/// forgets where values stood.
public struct Validator {
    public let file: String
    /// Everything found so far, in source order (kept so as it is found: `Stukken.load`
    /// reads it more than once).
    public private(set) var diagnostics: [Diagnostic] = []

    public init(file: String) {
        self.file = file
    }

    public mutating func validate(_ node: Node, fields: [Field], path: String = "") -> Record? {
        guard case .mapping(let mapping) = node else {
            error(at: node, field: path.isEmpty ? nil : path, Message.expectedMapping(path, found: Self.describe(node)))
            return nil
        }
        return record(mapping, node: node, fields: fields, path: path)
    }

    // MARK: Mappings

    /// What a mapping's entries hold, before defaults and the presence check.
    private struct Entries {
        var values: [String: Value] = [:]
        /// Written but blank: absent for the presence check, but reported where the blank is.
        var empty: [String: Node] = [:]
        /// Refused values: already reported, so not "missing" as well.
        var invalid: Set<String> = []
        var locations: [String: SourceLocation] = [:]
        var itemLocations: [String: [SourceLocation]] = [:]
    }

    private mutating func record(_ mapping: Node.Mapping, node: Node, fields: [Field], path: String) -> Record {
        var entries = Entries()
        let known = Dictionary(uniqueKeysWithValues: fields.map { ($0.key, $0) })
        for (keyNode, valueNode) in mapping {
            guard let field = knownField(keyNode, in: known, fields: fields, path: path) else { continue }
            read(valueNode, field: field, path: Self.join(path, field.key), into: &entries)
        }
        Self.applyDefaults(fields, to: &entries.values, skipping: entries.invalid)
        presenceCheck(fields, entries, node: node, path: path)
        var result = Record(entries.values, location: location(of: node))
        result.locations = entries.locations
        result.itemLocations = entries.itemLocations
        return result
    }

    /// The field a key names; a key that is no text or names no field is reported.
    private mutating func knownField(
        _ keyNode: Node, in known: [String: Field], fields: [Field], path: String
    ) -> Field? {
        guard case .scalar(let keyScalar) = keyNode else {
            error(at: keyNode, field: path.isEmpty ? nil : path, Message.keyNotText)
            return nil
        }
        let key = keyScalar.string
        guard let field = known[key] else {
            error(
                at: keyNode, field: Self.join(path, key),
                Message.unknownKey(
                    key, suggestion: Spelling.nearest(to: key, in: fields.map(\.key)),
                    known: fields.map(\.key)))
            return nil
        }
        return field
    }

    private mutating func read(_ valueNode: Node, field: Field, path: String, into entries: inout Entries) {
        let key = field.key
        entries.locations[key] = location(of: valueNode)
        if case .list = field.type {
            let items = if case .sequence(let sequence) = valueNode { Array(sequence) } else { [valueNode] }
            let marks = items.compactMap(location(of:))
            if marks.count == items.count { entries.itemLocations[key] = marks }
        }
        if Self.isEmpty(valueNode) {
            entries.empty[key] = valueNode
        } else if let value = self.value(valueNode, type: field.type, field: field, path: path) {
            entries.values[key] = value
        } else {
            entries.invalid.insert(key)
        }
    }

    /// The one place defaults are applied: to each absent field that need not be there.
    /// Optional fields first, so a `requiredWhen` condition sees a defaulted sibling (a memo
    /// without `opmaak` is opmaak memo) whatever the order of the fields.
    private static func applyDefaults(_ fields: [Field], to values: inout [String: Value], skipping: Set<String>) {
        let absent = fields.filter { $0.defaultValue != nil && values[$0.key] == nil && !skipping.contains($0.key) }
        for field in absent where field.presence == .optional {
            values[field.key] = field.typedDefault
        }
        for field in absent where field.presence != .optional && !isRequired(field, given: values) {
            values[field.key] = field.typedDefault
        }
    }

    private static func isRequired(_ field: Field, given values: [String: Value]) -> Bool {
        switch field.presence {
        case .required: true
        case .optional: false
        case .requiredWhen(let other, let wanted):
            values[other].flatMap { v -> String? in if case .text(let s) = v { s } else { nil } }
                .map(wanted.contains) ?? false
        }
    }

    /// Reports each required field that is blank or missing.
    private mutating func presenceCheck(_ fields: [Field], _ entries: Entries, node: Node, path: String) {
        for field in fields
        where entries.values[field.key] == nil && !entries.invalid.contains(field.key)
            && Self.isRequired(field, given: entries.values)
        {
            let fieldPath = Self.join(path, field.key)
            if let emptyNode = entries.empty[field.key] {
                error(at: emptyNode, field: fieldPath, Message.emptyRequired(field))
                continue
            }
            let condition: String? =
                if case .requiredWhen(let other, let wanted) = field.presence {
                    "\(other): \(wanted.joined(separator: "/"))"
                } else { nil }
            error(at: node, field: fieldPath, Message.missingRequired(field, in: path, condition: condition))
        }
    }

    // MARK: Values

    private mutating func value(_ node: Node, type: FieldType, field: Field, path: String) -> Value? {
        switch type {
        case .text, .markdown: return text(node, markdown: type.isMarkdown, field: field, path: path)
        case .date: return date(node, field: field, path: path)
        case .jaNee: return jaNee(node, field: field, path: path)
        case .choice(let options): return choice(node, options: options, field: field, path: path)
        case .list(let element, let minimum): return list(node, of: element, minimum: minimum, field: field, path: path)
        case .record(let fields):
            guard case .mapping(let mapping) = node else {
                error(at: node, field: path, Message.expectedMapping(path, found: Self.describe(node)))
                return nil
            }
            return .record(record(mapping, node: node, fields: fields, path: path))
        case .textOrRecord(let shorthand, let fields):
            return textOrRecord(node, shorthand: shorthand, fields: fields, path: path)
        }
    }

    private mutating func text(_ node: Node, markdown: Bool, field: Field, path: String) -> Value? {
        guard let text = scalarText(node, field: field, path: path) else { return nil }
        guard markdown else { return .text(text) }
        for problem in MarkdownShape.problems(in: text, budget: &markdownBudget) {
            error(at: node, field: path, Message.markdownShape(problem, field: path))
        }
        return .markdown(text)
    }

    private mutating func date(_ node: Node, field: Field, path: String) -> Value? {
        guard let text = scalarText(node, field: field, path: path) else { return nil }
        switch Datum.parse(text) {
        case .success(let d): return .date(d)
        case .failure(.unrecognised):
            error(at: node, field: path, Message.notADate(text, field: path))
        case .failure(.impossible(let why)):
            error(at: node, field: path, Message.impossibleDate(text, field: path, why: why))
        }
        return nil
    }

    private mutating func jaNee(_ node: Node, field: Field, path: String) -> Value? {
        guard let text = scalarText(node, field: field, path: path) else { return nil }
        switch text {
        case "ja": return .jaNee(true)
        case "nee": return .jaNee(false)
        default:
            error(at: node, field: path, Message.notJaNee(text, field: path))
            return nil
        }
    }

    private mutating func choice(_ node: Node, options: [String], field: Field, path: String) -> Value? {
        guard let text = scalarText(node, field: field, path: path) else { return nil }
        if options.contains(text) { return .text(text) }
        error(
            at: node, field: path,
            Message.notAChoice(
                text, field: path, options: options,
                suggestion: Spelling.nearest(to: text, in: options)))
        return nil
    }

    private mutating func list(
        _ node: Node, of element: FieldType, minimum: Int, field: Field, path: String
    ) -> Value? {
        let items: [Node]
        switch node {
        case .sequence(let sequence): items = Array(sequence)
        case .scalar where element.acceptsScalar:
            items = [node]  // one item may be written without the list dashes
        default:
            error(at: node, field: path, Message.expectedList(path, found: Self.describe(node)))
            return nil
        }
        var values: [Value] = []
        for (index, item) in items.enumerated() {
            let itemPath = "\(path)[\(index + 1)]"
            if Self.isEmpty(item) {
                error(at: item, field: itemPath, Message.emptyListItem(itemPath))
                continue
            }
            if let v = value(item, type: element, field: field, path: itemPath) { values.append(v) }
        }
        if items.count < minimum {
            error(at: node, field: path, Message.tooFewItems(path, minimum: minimum))
        }
        return .list(values)
    }

    private mutating func textOrRecord(_ node: Node, shorthand: String, fields: [Field], path: String) -> Value? {
        switch node {
        case .mapping(let mapping):
            return .record(record(mapping, node: node, fields: fields, path: path))
        case .scalar:
            guard let inner = fields.first(where: { $0.key == shorthand }),
                let v = value(node, type: inner.type, field: inner, path: path)
            else { return nil }
            var values = [shorthand: v]
            Self.applyDefaults(fields, to: &values, skipping: [])
            return .record(Record(values, location: location(of: node)))
        default:
            error(at: node, field: path, Message.expectedTextOrMapping(path, found: Self.describe(node)))
            return nil
        }
    }

    private mutating func scalarText(_ node: Node, field: Field, path: String) -> String? {
        guard case .scalar(let scalar) = node else {
            error(at: node, field: path, Message.expectedText(path, found: Self.describe(node)))
            return nil
        }
        let text = scalar.string
        // The reader refuses these characters in the file's text, but a double-quoted
        // scalar can still write them as escapes ("\u202E", "\x00", "\a"); no other
        // style has escapes.
        if scalar.style == .doubleQuoted, let invisible = text.unicodeScalars.first(where: YAMLReader.isForbidden) {
            error(at: node, field: path, Message.escapedInvisibleCharacter(invisible))
            return nil
        }
        // A block scalar in a one-line field is no error: rendering folds it to spaces.
        return text
    }

    // MARK: Helpers

    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar: MessagePart.kindText
        case .sequence: MessagePart.kindList
        case .mapping: MessagePart.kindMapping
        case .alias: MessagePart.kindAlias
        }
    }

    private func location(of node: Node) -> SourceLocation? {
        node.mark.map { SourceLocation(file: file, line: $0.line, column: $0.column) }
    }

    /// Table cells of all Markdown fields of the file together (see `MarkdownShape`).
    private var markdownBudget = MarkdownShape.Budget()

    private mutating func error(at node: Node, field: String?, _ message: Message) {
        let mark = node.mark
        add(Diagnostic(.error, file: file, line: mark?.line, column: mark?.column, field: field, message: message))
    }

    /// Adds in source order; among equal places, in the order found.
    public mutating func add(_ diagnostic: Diagnostic) {
        let place = { (d: Diagnostic) in (d.line ?? 0, d.column ?? 0) }
        let index = diagnostics.lastIndex { place($0) <= place(diagnostic) }.map { $0 + 1 } ?? 0
        diagnostics.insert(diagnostic, at: index)
    }
}
