/// A calendar date as documents print it: "10 oktober 2016".
///
/// Kept as year, month and day (no `Date`, no time zone), so formatting is the same on
/// every machine and a date never shifts by a day.
public struct Datum: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...9999).contains(year),
            (1...Self.days(inMonth: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    static let maanden = [
        "januari", "februari", "maart", "april", "mei", "juni",
        "juli", "augustus", "september", "oktober", "november", "december",
    ]
    /// Abbreviations authors write; "okt." with a dot is accepted too.
    static let afkortingen = [
        "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
    ]

    /// "10 oktober 2016".
    public var description: String { "\(day) \(Self.maanden[month - 1]) \(year)" }
    public var lang: String { description }
    /// "2016-10-10".
    public var iso: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (a: Datum, b: Datum) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public enum ParseError: Error, Equatable {
        /// Not shaped like a date at all.
        case unrecognised
        /// Shaped like a date, but the day or month does not exist (2016-13-45).
        case impossible(String)
    }

    /// Parses `2016-10-10` or `10 oktober 2016` (month name in any case, or abbreviated).
    public static func parse(_ text: String) -> Result<Datum, ParseError> {
        let t = text.trimmingWhitespace()
        let iso = t.split(separator: "-", omittingEmptySubsequences: false)
        if iso.count == 3, iso[0].count == 4, (1...2).contains(iso[1].count), (1...2).contains(iso[2].count),
            let y = Int(iso[0]), let m = Int(iso[1]), let d = Int(iso[2])
        {
            return make(y, m, d)
        }
        let words = t.split(whereSeparator: { $0 == " " || $0 == "\t" })
        if words.count == 3, let d = Int(words[0]), let y = Int(words[2]), words[2].count == 4 {
            var name = words[1].lowercased()
            if name.hasSuffix(".") { name.removeLast() }
            if let m = maanden.firstIndex(of: name) ?? afkortingen.firstIndex(of: name)
                ?? (name == "sept" ? 8 : nil) ?? (name == "maa" ? 2 : nil)
            {
                return make(y, m + 1, d)
            }
        }
        return .failure(.unrecognised)
    }

    private static func make(_ y: Int, _ m: Int, _ d: Int) -> Result<Datum, ParseError> {
        guard (1...12).contains(m) else { return .failure(.impossible(MessagePart.noSuchMonth(m))) }
        guard let datum = Datum(year: y, month: m, day: d) else {
            return .failure(.impossible(MessagePart.noSuchDay(d, month: maanden[m - 1], year: y)))
        }
        return .success(datum)
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
