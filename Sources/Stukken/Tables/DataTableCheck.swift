/// The checks on `tabellen:` no field type can say, each located at the value it is about:
/// ids that are unique names, one value per column in every row, numbers in number
/// columns, categories the table defines, and references in the Markdown fields to tables
/// that exist. Run for every kind (`Stukken.load`), after the fields passed.
enum DataTableCheck {
    static func check(_ record: Record, fields: [Field], source: SourceFile) -> [Diagnostic] {
        let file = source.path
        var diagnostics: [Diagnostic] = []
        var ids: [String] = []
        for (t, r) in record.records("tabellen").enumerated() {
            let path = "tabellen[\(t + 1)]"
            let id = r.text("id") ?? ""
            let at = r.locations["id"] ?? r.location
            if !TableReference.isName(id) {
                diagnostics.append(error(at, file: file, field: "\(path).id", TableMessage.idNotAName(id)))
            } else if ids.contains(id) {
                diagnostics.append(error(at, file: file, field: "\(path).id", TableMessage.duplicateTableID(id)))
            }
            ids.append(id)
            diagnostics += categories(r, path: path, file: file)
            diagnostics += rows(r, path: path, file: file)
        }
        diagnostics += references(record, fields: fields, known: ids, source: source)
        return diagnostics
    }

    private static func categories(_ table: Record, path: String, file: String) -> [Diagnostic] {
        let known = table.records("categorieen").compactMap { $0.text("naam") }
        var diagnostics: [Diagnostic] = []
        for (g, groep) in table.records("kolomgroepen").enumerated() {
            for (k, kolom) in groep.records("kolommen").enumerated() {
                guard let naam = kolom.text("categorie"), !known.contains(naam) else { continue }
                let message = TableMessage.unknownCategory(
                    naam, suggestion: Spelling.nearest(to: naam, in: known), known: known)
                diagnostics.append(
                    error(
                        kolom.locations["categorie"] ?? kolom.location, file: file,
                        field: "\(path).kolomgroepen[\(g + 1)].kolommen[\(k + 1)].categorie", message))
            }
        }
        return diagnostics
    }

    private static func rows(_ table: Record, path: String, file: String) -> [Diagnostic] {
        let kolommen = table.records("kolomgroepen").flatMap { $0.records("kolommen") }
        var diagnostics: [Diagnostic] = []
        for (g, groep) in table.records("rijgroepen").enumerated() {
            for (i, rij) in groep.records("rijen").enumerated() {
                let rijPath = "\(path).rijgroepen[\(g + 1)].rijen[\(i + 1)]"
                let waarden = rij.texts("waarden")
                if waarden.count != kolommen.count {
                    let message = TableMessage.rowWidth(
                        rij.text("naam") ?? "", values: waarden.count, columns: kolommen.count)
                    diagnostics.append(
                        error(
                            rij.locations["waarden"] ?? rij.location, file: file, field: "\(rijPath).waarden", message))
                }
                for (c, waarde) in waarden.enumerated() where c < kolommen.count {
                    let kolom = kolommen[c]
                    guard (kolom.text("soort") ?? "getal") == "getal", Getal(waarde) == nil,
                        !Getal.none.contains(waarde)
                    else { continue }
                    let message = TableMessage.notANumber(waarde, kolom: kolom.text("naam") ?? "")
                    diagnostics.append(
                        error(
                            rij.location(of: "waarden", item: c), file: file, field: "\(rijPath).waarden[\(c + 1)]",
                            message))
                }
            }
        }
        return diagnostics
    }

    /// Every `[tabel: id]` in every Markdown field, nested ones too.
    private static func references(_ record: Record, fields: [Field], known: [String], source: SourceFile)
        -> [Diagnostic]
    {
        var diagnostics: [Diagnostic] = []
        for (path, text, location) in MarkdownTexts.all(record, fields: fields) {
            for (id, line) in TableReference.references(in: text) where !known.contains(id) {
                let message = TableMessage.unknownTableID(
                    id, suggestion: Spelling.nearest(to: id, in: known), known: known)
                let at = location.map { MarkdownTexts.place(ofLine: line, in: text, value: $0, source: source) }
                diagnostics.append(error(at, file: source.path, field: path, message))
            }
        }
        return diagnostics
    }

    private static func error(_ at: SourceLocation?, file: String, field: String, _ message: Message) -> Diagnostic {
        Diagnostic(.error, file: file, line: at?.line, column: at?.column, field: field, message: message)
    }
}
