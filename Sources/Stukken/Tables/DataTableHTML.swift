/// A data table as HTML: caption, column groups (`colgroup`, `scope="colgroup"` headings
/// with `colspan`), row groups (`tbody`), numbers printed Dutch style and right-aligned,
/// ranked cells coloured by place *and* carrying the place as text "(2)" (WCAG 1.4.1:
/// colour is never the only signal), category columns marked by name, and a legend.
/// The table scrolls inside its own labelled, keyboard-focusable region, so on a narrow
/// screen the page itself does not scroll sideways. Every author's text is escaped.
enum DataTableHTML {
    /// Places beyond this get their number but no colour (the palette runs green → red).
    static let colouredPlaces = 5

    static func html(_ table: DataTable) -> String {
        let id = "tabel-" + HTMLEscaping.escape(table.id)
        let wide = table.kolommen.count + 1 >= WideTables.minimumColumns
        var out = "<div class=\"datatabel-gebied\(wide ? " breed" : "")\" role=\"region\" tabindex=\"0\""
        out += " aria-labelledby=\"\(id)-bijschrift\">\n"
        out += "<table class=\"datatabel\" id=\"\(id)\">\n"
        out += "<caption id=\"\(id)-bijschrift\">\(HTMLEscaping.escape(table.bijschrift))</caption>\n"
        out += colgroups(table) + head(table) + body(table)
        out += "</table>\n</div>\n"
        return out + legend(table)
    }

    private static func colgroups(_ table: DataTable) -> String {
        var out = "<colgroup><col></colgroup>"
        for groep in table.kolomgroepen { out += "<colgroup span=\"\(groep.kolommen.count)\"></colgroup>" }
        return out + "\n"
    }

    private static func head(_ table: DataTable) -> String {
        let grouped = table.kolomgroepen.contains { $0.naam != nil }
        let kop = HTMLEscaping.escape(table.kop)
        guard grouped else {
            return "<thead>\n<tr><th scope=\"col\">\(kop)</th>"
                + table.kolommen.map { columnHeading($0, table: table, rowspan: 1) }.joined() + "</tr>\n</thead>\n"
        }
        var first = "<tr>"
        var second = "<tr>"
        if let groepskop = table.groepskop {
            first += "<th scope=\"row\">\(HTMLEscaping.escape(groepskop))</th>"
            second += "<th scope=\"col\">\(kop)</th>"
        } else {
            first += "<th scope=\"col\" rowspan=\"2\">\(kop)</th>"
        }
        for groep in table.kolomgroepen {
            if let naam = groep.naam {
                first += "<th scope=\"colgroup\" colspan=\"\(groep.kolommen.count)\">\(HTMLEscaping.escape(naam))</th>"
                second += groep.kolommen.map { columnHeading($0, table: table, rowspan: 1) }.joined()
            } else {
                first += groep.kolommen.map { columnHeading($0, table: table, rowspan: 2) }.joined()
            }
        }
        return "<thead>\n" + first + "</tr>\n" + second + "</tr>\n</thead>\n"
    }

    private static func columnHeading(_ kolom: DataTable.Kolom, table: DataTable, rowspan: Int) -> String {
        var classes: [String] = kolom.isGetal ? ["getal"] : []
        var tag = ""
        if let naam = kolom.categorie, let categorie = table.categorieen.first(where: { $0.naam == naam }) {
            classes.append("categorie-" + HTMLEscaping.escape(categorie.kleur))
            tag = " <span class=\"categorie\">\(HTMLEscaping.escape(categorie.naam))</span>"
        }
        let classAttribute = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
        let span = rowspan > 1 ? " rowspan=\"\(rowspan)\"" : ""
        return "<th scope=\"col\"\(span)\(classAttribute)>\(HTMLEscaping.escape(kolom.naam))\(tag)</th>"
    }

    private static func body(_ table: DataTable) -> String {
        let ranks = table.ranks
        let kolommen = table.kolommen
        var out = ""
        for (g, groep) in table.rijgroepen.enumerated() {
            out += groep.isTotaal ? "<tbody class=\"totaal\">\n" : "<tbody>\n"
            if let naam = groep.naam {
                out += "<tr><th scope=\"rowgroup\" colspan=\"\(kolommen.count + 1)\" class=\"rijgroep\">"
                out += HTMLEscaping.escape(naam) + "</th></tr>\n"
            }
            for (r, rij) in groep.rijen.enumerated() {
                out += "<tr><th scope=\"row\">\(HTMLEscaping.escape(rij.naam))</th>"
                for (c, kolom) in kolommen.enumerated() {
                    let waarde = c < rij.waarden.count ? rij.waarden[c] : ""
                    out += cell(waarde, kolom: kolom, rank: ranks[g][r][c])
                }
                out += "</tr>\n"
            }
            out += "</tbody>\n"
        }
        return out
    }

    private static func cell(_ waarde: String, kolom: DataTable.Kolom, rank: Int?) -> String {
        guard kolom.isGetal else { return "<td>\(HTMLEscaping.escape(waarde))</td>" }
        guard let getal = Getal(waarde) else { return "<td class=\"getal\">\(HTMLEscaping.escape(waarde))</td>" }
        guard let rank else { return "<td class=\"getal\">\(getal.dutch)</td>" }
        let colour = rank <= colouredPlaces ? " plaats-\(rank)" : ""
        return "<td class=\"getal\(colour)\">\(getal.dutch) <span class=\"plaats\">(\(rank))</span></td>"
    }

    /// What the colours and marks mean, in words, after the table.
    private static func legend(_ table: DataTable) -> String {
        var items: [String] = []
        if let rangorde = table.rangorde {
            let first = rangorde == .laagEerst ? "laagste" : "hoogste"
            let swatches = (1...colouredPlaces).map { "<span class=\"staal plaats-\($0)\">\($0)</span>" }
            var item =
                "<li>(1), (2), …: plaats in de kolom, de \(first) waarde is 1; gelijke waarden delen een plaats. "
            item += "Van groen naar rood: " + swatches.joined(separator: " ")
            if table.rijgroepen.contains(where: \.isTotaal) { item += ". Totaalrijen tellen niet mee" }
            items.append(item + ".</li>")
        }
        for c in table.categorieen {
            let swatch =
                "<span class=\"staal categorie-\(HTMLEscaping.escape(c.kleur))\">\(HTMLEscaping.escape(c.naam))</span>"
            items.append("<li>\(swatch): \(HTMLEscaping.escape(c.uitleg))</li>")
        }
        guard !items.isEmpty else { return "" }
        let label = "Legenda bij de tabel: " + HTMLEscaping.escape(table.bijschrift)
        return "<ul class=\"legenda\" aria-label=\"\(label)\">\n" + items.joined(separator: "\n") + "\n</ul>\n"
    }
}
