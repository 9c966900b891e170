import Yams

/// Stage 2: node tree + field list → validated `Record`, and every problem found.
///
/// Walks the whole tree even after the first error, so an author fixes a file in one go.
/// Yams' own decoder is not used: it ignores unknown keys, reads `no` as a boolean and
/// forgets where values stood.
public struct Validator {
    public let file: String
    private var found: [Diagnostic] = []

    /// Everything found so far, in source order.
    public var diagnostics: [Diagnostic] {
        found.enumerated().sorted { a, b in
            let l = (a.element.line ?? 0, a.element.column ?? 0, a.offset)
            let r = (b.element.line ?? 0, b.element.column ?? 0, b.offset)
            return l < r
        }.map(\.element)
    }

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

    private mutating func record(_ mapping: Node.Mapping, node: Node, fields: [Field], path: String) -> Record {
        var values: [String: Value] = [:]
        var empty: [String: Node] = [:]
        var invalid: Set<String> = []
        var locations: [String: SourceLocation] = [:]
        var itemLocations: [String: [SourceLocation]] = [:]
        let known = Dictionary(uniqueKeysWithValues: fields.map { ($0.key, $0) })

        for (keyNode, valueNode) in mapping {
            guard case .scalar(let keyScalar) = keyNode else {
                error(at: keyNode, field: path.isEmpty ? nil : path, Message.keyNotText)
                continue
            }
            let key = keyScalar.string
            let fieldPath = Self.join(path, key)
            guard let field = known[key] else {
                error(
                    at: keyNode, field: fieldPath,
                    Message.unknownKey(
                        key, suggestion: Spelling.nearest(to: key, in: fields.map(\.key)),
                        known: fields.map(\.key)))
                continue
            }
            locations[key] = location(of: valueNode)
            if case .list = field.type {
                let items = if case .sequence(let sequence) = valueNode { Array(sequence) } else { [valueNode] }
                let marks = items.compactMap(location(of:))
                if marks.count == items.count { itemLocations[key] = marks }
            }
            if Self.isEmpty(valueNode) {
                empty[key] = valueNode
                continue
            }
            if let value = self.value(valueNode, type: field.type, field: field, path: fieldPath) {
                values[key] = value
            } else {
                invalid.insert(key)  // already reported; not "missing" as well
            }
        }

        // Defaults first, so a `requiredWhen` condition sees a defaulted sibling (a memo
        // without `opmaak` is opmaak memo) whatever the order of the fields.
        for field in fields
        where field.presence == .optional && values[field.key] == nil && !invalid.contains(field.key) {
            if let d = field.defaultValue { values[field.key] = Self.defaultValue(d, type: field.type) }
        }

        for field in fields where values[field.key] == nil && !invalid.contains(field.key) {
            let fieldPath = Self.join(path, field.key)
            let required: Bool
            switch field.presence {
            case .required: required = true
            case .optional: required = false
            case .requiredWhen(let other, let wanted):
                let otherValue = values[other].flatMap { v -> String? in
                    if case .text(let s) = v { s } else { nil }
                }
                required = otherValue.map(wanted.contains) ?? false
            }
            if let emptyNode = empty[field.key] {
                if required {
                    error(at: emptyNode, field: fieldPath, Message.emptyRequired(field))
                } else if let d = field.defaultValue {
                    values[field.key] = Self.defaultValue(d, type: field.type)
                }
                continue
            }
            if required {
                let condition: String? =
                    if case .requiredWhen(let other, let wanted) = field.presence {
                        "\(other): \(wanted.joined(separator: "/"))"
                    } else { nil }
                error(at: node, field: fieldPath, Message.missingRequired(field, in: path, condition: condition))
            } else if let d = field.defaultValue {
                values[field.key] = Self.defaultValue(d, type: field.type)
            }
        }
        var result = Record(values, location: location(of: node))
        result.locations = locations
        result.itemLocations = itemLocations
        return result
    }

    private static func defaultValue(_ text: String, type: FieldType) -> Value {
        switch type {
        case .markdown: .markdown(text)
        case .jaNee: .jaNee(text == "ja")
        case .date: (try? Datum.parse(text).get()).map(Value.date) ?? .text(text)
        default: .text(text)
        }
    }

    // MARK: Values

    private mutating func value(_ node: Node, type: FieldType, field: Field, path: String) -> Value? {
        switch type {
        case .text, .markdown:
            guard let text = scalarText(node, field: field, path: path) else { return nil }
            guard type.isMarkdown else { return .text(text) }
            for problem in MarkdownShape.problems(in: text, budget: &markdownBudget) {
                error(at: node, field: path, Message.markdownShape(problem, field: path))
            }
            return .markdown(text)

        case .date:
            guard let text = scalarText(node, field: field, path: path) else { return nil }
            switch Datum.parse(text) {
            case .success(let d): return .date(d)
            case .failure(.unrecognised):
                error(at: node, field: path, Message.notADate(text, field: path))
            case .failure(.impossible(let why)):
                error(at: node, field: path, Message.impossibleDate(text, field: path, why: why))
            }
            return nil

        case .jaNee:
            guard let text = scalarText(node, field: field, path: path) else { return nil }
            switch text {
            case "ja": return .jaNee(true)
            case "nee": return .jaNee(false)
            default:
                error(at: node, field: path, Message.notJaNee(text, field: path))
                return nil
            }

        case .choice(let options):
            guard let text = scalarText(node, field: field, path: path) else { return nil }
            if options.contains(text) { return .text(text) }
            error(
                at: node, field: path,
                Message.notAChoice(
                    text, field: path, options: options,
                    suggestion: Spelling.nearest(to: text, in: options)))
            return nil

        case .list(let element, let minimum):
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

        case .record(let fields):
            guard case .mapping(let mapping) = node else {
                error(at: node, field: path, Message.expectedMapping(path, found: Self.describe(node)))
                return nil
            }
            return .record(record(mapping, node: node, fields: fields, path: path))

        case .textOrRecord(let shorthand, let fields):
            switch node {
            case .mapping(let mapping):
                return .record(record(mapping, node: node, fields: fields, path: path))
            case .scalar:
                guard let inner = fields.first(where: { $0.key == shorthand }),
                    let v = value(node, type: inner.type, field: inner, path: path)
                else { return nil }
                var values = [shorthand: v]
                for f in fields where f.key != shorthand {
                    if let d = f.defaultValue { values[f.key] = Self.defaultValue(d, type: f.type) }
                }
                return .record(Record(values, location: location(of: node)))
            default:
                error(at: node, field: path, Message.expectedTextOrMapping(path, found: Self.describe(node)))
                return nil
            }
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

    /// Empty: a blank scalar, or a mapping or list holding nothing but blanks (an
    /// untouched block from `stukken new` counts as absent, not as half-filled).
    static func isEmpty(_ node: Node) -> Bool {
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain {
                return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
            }
            return scalar.string.allSatisfy(\.isWhitespace)
        case .mapping(let mapping):
            return !mapping.isEmpty && mapping.allSatisfy { isEmpty($0.value) }
        case .sequence(let sequence):
            return !sequence.isEmpty && sequence.allSatisfy(isEmpty)
        case .alias:
            return false
        }
    }

    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar: MessagePart.kindText
        case .sequence: MessagePart.kindList
        case .mapping: MessagePart.kindMapping
        case .alias: MessagePart.kindAlias
        }
    }

    static func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    private func location(of node: Node) -> SourceLocation? {
        node.mark.map { SourceLocation(file: file, line: $0.line, column: $0.column) }
    }

    /// Table cells of all Markdown fields of the file together (see `MarkdownShape`).
    private var markdownBudget = MarkdownShape.Budget()

    private mutating func error(at node: Node, field: String?, _ message: Message) {
        let mark = node.mark
        found.append(
            Diagnostic(.error, file: file, line: mark?.line, column: mark?.column, field: field, message: message))
    }

    public mutating func add(_ diagnostic: Diagnostic) {
        found.append(diagnostic)
    }
}

extension FieldType {
    var isMarkdown: Bool {
        if case .markdown = self { return true }
        return false
    }

    /// Whether a lone scalar can stand for a one-item list of this type.
    var acceptsScalar: Bool {
        switch self {
        case .text, .markdown, .textOrRecord, .choice, .date: true
        default: false
        }
    }
}
