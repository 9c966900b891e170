import Foundation

/// A data table from `tabellen:` (see `DataTableFields`), read from a validated record.
/// Cells keep the text the author wrote; numbers are parsed by `Getal`, ranks computed by
/// `DenseRank`, so what the page colours always follows from the values.
struct DataTable: Sendable, Equatable {
    enum Order: String, Sendable {
        case laagEerst = "laag-eerst"
        case hoogEerst = "hoog-eerst"
    }

    struct Categorie: Sendable, Equatable {
        var naam: String
        var kleur: String
        var uitleg: String
    }
    struct Kolom: Sendable, Equatable {
        var naam: String
        var isGetal: Bool
        var categorie: String?
        var inRangorde: Bool
    }
    struct Kolomgroep: Sendable, Equatable {
        var naam: String?
        var kolommen: [Kolom]
    }
    struct Rij: Sendable, Equatable {
        var naam: String
        var waarden: [String]
    }
    struct Rijgroep: Sendable, Equatable {
        var naam: String?
        var isTotaal: Bool
        var rijen: [Rij]
    }

    var id: String
    var bijschrift: String
    var kop: String
    var groepskop: String?
    var rangorde: Order?
    var categorieen: [Categorie]
    var kolomgroepen: [Kolomgroep]
    var rijgroepen: [Rijgroep]

    var kolommen: [Kolom] { kolomgroepen.flatMap(\.kolommen) }

    init(_ r: Record) {
        id = r.text("id") ?? ""
        bijschrift = r.text("bijschrift") ?? ""
        kop = r.text("kop") ?? ""
        groepskop = r.text("groepskop")
        rangorde = r.text("rangorde").flatMap(Order.init(rawValue:))
        categorieen = r.records("categorieen").map {
            Categorie(naam: $0.text("naam") ?? "", kleur: $0.text("kleur") ?? "", uitleg: $0.text("uitleg") ?? "")
        }
        kolomgroepen = r.records("kolomgroepen").map { g in
            Kolomgroep(
                naam: g.text("naam"),
                kolommen: g.records("kolommen").map {
                    Kolom(
                        naam: $0.text("naam") ?? "", isGetal: ($0.text("soort") ?? "getal") == "getal",
                        categorie: $0.text("categorie"), inRangorde: $0.jaNee("rangorde") ?? true)
                })
        }
        rijgroepen = r.records("rijgroepen").map { g in
            Rijgroep(
                naam: g.text("naam"), isTotaal: g.jaNee("totaal") ?? false,
                rijen: g.records("rijen").map { Rij(naam: $0.text("naam") ?? "", waarden: $0.texts("waarden")) })
        }
    }

    /// Every table of a record, by id (the first of two with one id; `check` reports the second).
    static func all(in record: Record) -> [String: DataTable] {
        var tables: [String: DataTable] = [:]
        for table in record.records("tabellen").map(DataTable.init) where tables[table.id] == nil {
            tables[table.id] = table
        }
        return tables
    }

    /// The rank of each cell (`[row group][row][column]`), `nil` where a cell is not ranked:
    /// no ranking rule, a text column, a column left out, an aggregate row, a value that is no number.
    var ranks: [[[Int?]]] {
        let columns = kolommen
        var result = rijgroepen.map { g in g.rijen.map { _ in [Int?](repeating: nil, count: columns.count) } }
        guard let rangorde else { return result }
        for (c, kolom) in columns.enumerated() where kolom.isGetal && kolom.inRangorde {
            var places: [(g: Int, r: Int, value: Double)] = []
            for (g, groep) in rijgroepen.enumerated() where !groep.isTotaal {
                for (r, rij) in groep.rijen.enumerated() {
                    if c < rij.waarden.count, let getal = Getal(rij.waarden[c]) { places.append((g, r, getal.value)) }
                }
            }
            let ranked = DenseRank.ranks(places.map(\.value), lowestFirst: rangorde == .laagEerst)
            for (place, rank) in zip(places, ranked) { result[place.g][place.r][c] = rank }
        }
        return result
    }
}

/// A number as authors write it in a table: `2,44` or `2.44`, `-3`, `12`. One decimal
/// separator at most and no thousands separator, since `1.743` would be ambiguous
/// (Dutch 1743 or English 1,743): such a value is refused rather than guessed.
struct Getal: Sendable, Equatable {
    /// What an author writes in a number column where there is no figure: a dash, which
    /// prints as written and takes no place in the ranking.
    static let none: Set<String> = ["-", "\u{2013}", "\u{2014}"]

    let value: Double
    /// Dutch style, the digits as written: `2.44` prints `2,44`, `2,80` keeps its zero.
    let dutch: String

    init?(_ text: String) {
        let t = text.trimmingCharacters(in: .whitespaces)
        var digits = Substring(t)
        let negative = digits.first == "-"
        if negative { digits.removeFirst() }
        let parts = digits.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "," || $0 == "." })
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCIIDigit } })
        else { return nil }
        let english = (negative ? "-" : "") + parts.joined(separator: ".")
        guard let value = Double(english) else { return nil }
        self.value = value
        // U+2212 MINUS SIGN: a hyphen before a number can break the line.
        dutch = (negative ? "\u{2212}" : "") + parts.joined(separator: ",")
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
