/// A problem found in an input, located like a compiler error.
///
/// Every stage reports problems as `Diagnostic`s; nothing else is printed to the user
/// about bad input. Message texts and their codes live in `Message` (Diagnostics/Messages).
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        case error
        case warning
        case note
    }

    public var severity: Severity
    /// The input file as the user named it.
    public var file: String
    /// 1-based line and column; `nil` when the problem concerns the file as a whole.
    public var line: Int?
    public var column: Int?
    /// The field the problem concerns, as a path (`ondertekening.secretaris`, `voorstel[2]`).
    public var field: String?
    /// What the diagnostic is; compare this, never `message`.
    public var code: Code
    /// The Dutch text, without the code.
    public var message: String

    public init(
        _ severity: Severity, file: String, line: Int? = nil, column: Int? = nil,
        field: String? = nil, message: Message
    ) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.code = message.code
        self.message = message.text
    }

    public init(_ severity: Severity, at location: SourceLocation, field: String? = nil, message: Message) {
        self.init(
            severity, file: location.file, line: location.line, column: location.column,
            field: field, message: message)
    }

    /// `path:line:col: error: STK012: message`, the first line of the printed form: the
    /// compiler form editors and CI problem matchers read, with the code after the severity.
    public var description: String {
        var place = file
        if let line {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        return "\(place): \(severity.rawValue): \(code.rawValue): \(message)"
    }
}

/// A place in a source file.
public struct SourceLocation: Sendable, Equatable, Hashable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }
}

/// Thrown when an input has errors; carries every diagnostic found, not just the first.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
