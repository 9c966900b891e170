import Stukken

/// What one submitted form may hold (README, "stukken serve"). The largest real form is a
/// few hundred fields; the bounds keep one request from costing more than a moment.
public enum FormLimits {
    /// Fields (`name=value` pairs) in one submitted form.
    public static let maximumFields = 5_000
    /// Rows in one list: `voorstel[500]` is the last row the form takes.
    public static let maximumItems = 500
    /// Steps in one field path (`voorstel[1].punten[2].tekst` has five); the deepest field
    /// has fewer. A longer name is no field of ours, and its chain of nodes is not built.
    static let maximumPathSteps = 16
}

/// A form the server will not read, with the words the page shows.
public struct FormRefusal: Error, Equatable {
    public var message: String
}

/// `application/x-www-form-urlencoded`, as browsers send a form.
enum URLEncodedForm {
    static func parse(_ body: String) throws(FormRefusal) -> [String: String] {
        let pairs = body.split(separator: "&")
        guard pairs.count <= FormLimits.maximumFields else {
            throw FormRefusal(message: ServeMessage.tooManyFields(limit: FormLimits.maximumFields).text)
        }
        var result: [String: String] = [:]
        for pair in pairs {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = decode(parts[0])
            result[name] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return result
    }

    /// `+` is a space, `%XX` a byte; what is no valid escape or no valid UTF-8 after
    /// decoding stays as sent (with its `+` as spaces), as Foundation's
    /// `removingPercentEncoding` did. One pass over the bytes: Foundation's bridging to
    /// NSString took 40 % of a live preview of a long notitie.
    static func decode(_ s: Substring) -> String {
        let utf8 = Array(s.utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var i = 0
        var escapesValid = true
        while i < utf8.count {
            let byte = utf8[i]
            if byte == UInt8(ascii: "%"), i + 2 < utf8.count, let high = hex(utf8[i + 1]), let low = hex(utf8[i + 2]) {
                bytes.append(high << 4 | low)
                i += 3
                continue
            }
            if byte == UInt8(ascii: "%") { escapesValid = false }
            bytes.append(byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
            i += 1
        }
        if escapesValid, let text = String(validating: bytes, as: UTF8.self) { return text }
        return String(decoding: utf8.map { $0 == UInt8(ascii: "+") ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
    }

    private static func hex(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// A submitted form as a tree of its field paths (`voorstel[2].punten[1].tekst`), built in
/// one pass over the names, so reading it along a kind's fields is linear in the form's size.
/// A name that is no field path of ours (`x[abc]`, `[1]`, `a[0]`) is left out, as the form
/// has no place for it; a row number above `FormLimits.maximumItems` refuses the form.
final class SubmittedForm {
    /// The value submitted under exactly this path.
    private(set) var value: String?
    private(set) var children: [String: SubmittedForm] = [:]
    private(set) var rows: [Int: SubmittedForm] = [:]

    init() {}

    convenience init(_ form: [String: String]) throws(FormRefusal) {
        self.init()
        guard form.count <= FormLimits.maximumFields else {
            throw FormRefusal(message: ServeMessage.tooManyFields(limit: FormLimits.maximumFields).text)
        }
        for (name, value) in form {
            try insert(value, at: Substring(name), fullName: name)
        }
    }

    subscript(key: String) -> SubmittedForm? { children[key] }

    /// The submitted rows of a list, in the order of their numbers. Numbers that were
    /// skipped leave no empty row behind (a browser sends them without gaps).
    var orderedRows: [SubmittedForm] {
        rows.keys.sorted().map { rows[$0]! }
    }

    /// One step of a field path: a key (`.tekst`) or a row number (`[2]`).
    private enum Step {
        case key(String)
        case row(Int)
    }

    private func insert(_ value: String, at name: Substring, fullName: String) throws(FormRefusal) {
        guard let steps = try Self.steps(name, fullName: fullName) else { return }
        var node = self
        for step in steps {
            switch step {
            case .key(let key): node = node.child(key)
            case .row(let number): node = node.row(number)
            }
        }
        node.value = value
    }

    /// The steps of `name`, or `nil` when it is no field path (nothing is built for it).
    private static func steps(_ name: Substring, fullName: String) throws(FormRefusal) -> [Step]? {
        var steps: [Step] = []
        var rest = name
        var expectKey = true
        while !rest.isEmpty || expectKey {
            guard steps.count < FormLimits.maximumPathSteps else { return nil }
            if expectKey {
                let end = rest.firstIndex { $0 == "." || $0 == "[" || $0 == "]" } ?? rest.endIndex
                guard end > rest.startIndex else { return nil }
                steps.append(.key(String(rest[..<end])))
                rest = rest[end...]
                expectKey = false
            } else if rest.first == "." {
                rest = rest.dropFirst()
                expectKey = true
            } else if rest.first == "[", let close = rest.firstIndex(of: "]") {
                let digits = rest[rest.index(after: rest.startIndex)..<close]
                let list = fullName[..<rest.startIndex]
                guard let number = try rowNumber(digits, list: list) else { return nil }
                steps.append(.row(number))
                rest = rest[rest.index(after: close)...]
            } else {
                return nil
            }
        }
        return steps
    }

    /// `nil` for what is no row number (empty, not ASCII digits, 0); a refusal for a number
    /// beyond the limit, however many digits it has.
    private static func rowNumber(_ digits: Substring, list: Substring) throws(FormRefusal) -> Int? {
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            return nil
        }
        let significant = digits.drop { $0 == "0" }
        guard significant.count <= 3, let number = Int(significant.isEmpty ? "0" : significant),
            number <= FormLimits.maximumItems
        else {
            throw FormRefusal(
                message: ServeMessage.tooManyRows(list: String(list), limit: FormLimits.maximumItems).text)
        }
        return number == 0 ? nil : number
    }

    private func child(_ key: String) -> SubmittedForm {
        if let existing = children[key] { return existing }
        let node = SubmittedForm()
        children[key] = node
        return node
    }

    private func row(_ number: Int) -> SubmittedForm {
        if let existing = rows[number] { return existing }
        let node = SubmittedForm()
        rows[number] = node
        return node
    }
}
