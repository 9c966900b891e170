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

    public init(_ values: [String: Value] = [:], location: SourceLocation? = nil) {
        self.values = values
        self.location = location
    }

    public subscript(key: String) -> Value? { values[key] }

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
