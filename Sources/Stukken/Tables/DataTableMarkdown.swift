/// A data table in plain GFM Markdown, for `render --format md`: Markdown has no spanning
/// headings or colours, so the groups and categories are said in words under the table and
/// each ranked value carries its place as the seed prints it, `2,44 (2)`.
enum DataTableMarkdown {
    static func markdown(_ table: DataTable) -> String {
        let e = MarkdownEscaping.escape
        let ranks = table.ranks
        var out = "**Tabel: \(e(table.bijschrift))**\n\n"
        let headings = table.kolommen.map { k in e(k.naam) + (k.categorie.map { " (\(e($0)))" } ?? "") }
        out += "| " + ([e(table.kop)] + headings).joined(separator: " | ") + " |\n"
        out += "|---|" + table.kolommen.map { $0.isGetal ? "---:|" : "---|" }.joined() + "\n"
        for (g, groep) in table.rijgroepen.enumerated() {
            if let naam = groep.naam {
                out += "| **\(e(naam))** |" + String(repeating: " |", count: headings.count) + "\n"
            }
            for (r, rij) in groep.rijen.enumerated() {
                let naam = groep.isTotaal ? "**\(e(rij.naam))**" : e(rij.naam)
                let cells = table.kolommen.indices.map { c -> String in
                    let waarde = c < rij.waarden.count ? rij.waarden[c] : ""
                    guard table.kolommen[c].isGetal, let getal = Getal(waarde) else { return e(waarde) }
                    return getal.dutch + (ranks[g][r][c].map { " (\($0))" } ?? "")
                }
                out += "| " + ([naam] + cells).joined(separator: " | ") + " |\n"
            }
        }
        return out + "\n" + notes(table)
    }

    private static func notes(_ table: DataTable) -> String {
        let e = MarkdownEscaping.escape
        var lines: [String] = []
        let groups = table.kolomgroepen.compactMap { g -> String? in
            guard let naam = g.naam, let first = g.kolommen.first, let last = g.kolommen.last else { return nil }
            let range = g.kolommen.count == 1 ? e(first.naam) : "\(e(first.naam)) tot en met \(e(last.naam))"
            return "\(e(naam)): \(range)"
        }
        if !groups.isEmpty {
            lines.append("\(table.groepskop.map(e) ?? "Kolomgroepen"): " + groups.joined(separator: "; ") + ".")
        }
        if let rangorde = table.rangorde {
            let first = rangorde == .laagEerst ? "laagste" : "hoogste"
            lines.append("(1), (2), …: plaats in de kolom, de \(first) waarde is 1; gelijke waarden delen een plaats.")
        }
        for c in table.categorieen { lines.append("\(e(c.naam)) (\(e(c.kleur))): \(e(c.uitleg)).") }
        return lines.joined(separator: "\n\n")
    }
}
