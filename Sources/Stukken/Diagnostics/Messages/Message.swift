/// A text the user reads about a problem, with its stable code.
///
/// The catalogue is this folder: `Catalogue.swift` (reading, structure and values),
/// `PackMessages.swift`, `WooMessages.swift`, `PDFMessages.swift` and `ServeMessages.swift`;
/// `MessageParts.swift` holds the pieces that go inside messages and the status lines that
/// report no problem. Nothing outside this folder writes a Dutch sentence for the user.
///
/// The style rule, for every entry, the form's texts and the CLI's usage errors alike:
/// - Dutch, lower case, no full stop at the end;
/// - "what is wrong; how to fix it": the problem first, then after a semicolon what to do;
/// - name the field, file or option as the user wrote it, in quotes;
/// - no English from a library: translate it, or quote it marked as its own words
///   (`(libyaml: "…")`).
///
/// Every entry carries a `Diagnostic.Code` of its own (see `Code.swift`); code compares
/// codes, never texts, so a message can be reworded without changing behaviour.
public struct Message: Sendable, Hashable, CustomStringConvertible {
    public let code: Diagnostic.Code
    public let text: String

    init(_ code: Diagnostic.Code, _ text: String) {
        self.code = code
        self.text = text
    }

    /// `STK012: onbekend veld …`, as it appears after the severity in a diagnostic line.
    public var description: String { "\(code.rawValue): \(text)" }
}
