/// A validated value: what the validator hands to a document model.
///
/// Only the validator makes these, and only from input it accepted, so a model reading a
/// `Record` never sees a wrong type.
public indirect enum Value: Sendable, Equatable {
    case text(String)
    case markdown(String)
    case date(Datum)
    case jaNee(Bool)
    case list([Value])
    case record(Record)
}

/// The validated fields of one mapping, with defaults filled in.
public struct Record: Sendable, Equatable {
    public var values: [String: Value]
    public var location: SourceLocation?
    /// Where each field's value stands in the source.
    public var locations: [String: SourceLocation] = [:]
    /// For list fields: where each item stands, so a check can point at one item
    /// (a misspelt gemeente) instead of the whole list.
    public var itemLocations: [String: [SourceLocation]] = [:]

    public init(_ values: [String: Value] = [:], location: SourceLocation? = nil) {
        self.values = values
        self.location = location
    }

    public subscript(key: String) -> Value? { values[key] }

    /// Where item `index` (0-based) of list field `key` stands; else the field, else the record.
    public func location(of key: String, item index: Int) -> SourceLocation? {
        if let items = itemLocations[key], items.indices.contains(index) { return items[index] }
        return locations[key] ?? location
    }

    public func text(_ key: String) -> String? {
        switch values[key] {
        case .text(let s), .markdown(let s): return s
        case .date(let d): return d.iso
        case .jaNee(let b): return b ? "ja" : "nee"
        default: return nil
        }
    }

    public func markdown(_ key: String) -> String? {
        if case .markdown(let s) = values[key] { return s }
        return text(key)
    }

    public func date(_ key: String) -> Datum? {
        if case .date(let d) = values[key] { return d }
        return nil
    }

    /// A date the schema requires. The validator refuses a document without it, so a
    /// missing one here is a bug in stukken: it stops loudly instead of printing a made-up date.
    func requiredDate(_ key: String) -> Datum {
        guard let d = date(key) else {
            preconditionFailure("the required date '\(key)' is missing from a validated record")
        }
        return d
    }

    public func jaNee(_ key: String) -> Bool? {
        if case .jaNee(let b) = values[key] { return b }
        return nil
    }

    public func list(_ key: String) -> [Value] {
        if case .list(let items) = values[key] { return items }
        return []
    }

    public func record(_ key: String) -> Record? {
        if case .record(let r) = values[key] { return r }
        return nil
    }

    public func records(_ key: String) -> [Record] {
        list(key).compactMap { if case .record(let r) = $0 { r } else { nil } }
    }

    public func texts(_ key: String) -> [String] {
        switch values[key] {
        case .list(let items): return items.compactMap { if case .text(let s) = $0 { s } else { nil } }
        case .text(let s): return [s]
        default: return []
        }
    }
}

extension Value {
    /// A text that is the same for equal values on every run (dictionary order is not),
    /// for content hashes.
    var canonical: String {
        switch self {
        case .text(let s): "t" + Self.quote(s)
        case .markdown(let s): "m" + Self.quote(s)
        case .date(let d): "d" + d.iso
        case .jaNee(let b): b ? "ja" : "nee"
        case .list(let items): "[" + items.map(\.canonical).joined(separator: ",") + "]"
        case .record(let r): r.canonical
        }
    }

    private static func quote(_ s: String) -> String { "\(s.utf8.count):\(s)" }
}

extension Record {
    var canonical: String {
        "{" + values.keys.sorted().map { "\($0)=\(values[$0]!.canonical)" }.joined(separator: ",") + "}"
    }
}
