/// The messages of the printable forms (`stukken new --format`, `BlankForm`).
public enum FormMessage {
    public static func blankFormBijlage(_ number: Int?) -> Message {
        let given = number.map { "--bijlage \($0)" } ?? "--bijlage"
        return Message(
            .blankFormBijlage,
            "\(given) kan niet: --bijlage nummert het lege formulier (--format markdown, html of pdf) en is 1 of meer; bijvoorbeeld: stukken new projectopdracht --format pdf --bijlage 4 -o bijlage-4.pdf"
        )
    }
}
