import Foundation

/// Paper cannot scroll sideways. A table of many columns (seed 004's incidentie table has
/// 22) would run off a portrait page, so the PDF stage marks it `class="breed"` and the
/// print CSS puts it on a landscape page (`page: liggend`). CSS cannot select a table by
/// its number of columns (no `:has()` in WeasyPrint 57), hence this pass over our own
/// libcmark-gfm output, where a table always starts as `<table>` and its first row's cells
/// as `<th` / `<td`.
enum WideTables {
    static let minimumColumns = 9

    static func mark(_ page: HTMLPage) -> HTMLPage {
        var html = page.html
        var searchFrom = html.startIndex
        while let open = html.range(of: "<table>", range: searchFrom..<html.endIndex) {
            let rowEnd = html.range(of: "</tr>", range: open.upperBound..<html.endIndex)?.lowerBound ?? html.endIndex
            let firstRow = html[open.upperBound..<rowEnd]
            // `<th>`/`<th ` but not `<thead>`.
            let cells = ["<th>", "<th ", "<td>", "<td "].reduce(0) {
                $0 + firstRow.components(separatedBy: $1).count - 1
            }
            if cells >= minimumColumns {
                html.replaceSubrange(open, with: "<table class=\"breed\">")
                searchFrom = html.index(open.lowerBound, offsetBy: "<table class=\"breed\">".count)
            } else {
                searchFrom = open.upperBound
            }
        }
        return HTMLPage(html: html)
    }
}
