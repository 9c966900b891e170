/// The texts of the print typography checks: cross-references and hand-labelled lists.
enum TypographyMessage {
    static func brokenReference(_ anchor: String, line: Int, field: String, suggestion: String?, anchors: [String])
        -> Message
    {
        let at = "regel \(line) van veld '\(field)'"
        if let suggestion {
            return Message(
                .brokenReference,
                "verwijzing naar '#\(anchor)' (\(at)) wijst naar een kop die niet bestaat; bedoelde u '#\(suggestion)'?"
            )
        }
        let known =
            anchors.isEmpty
            ? "dit stuk heeft geen koppen om naar te verwijzen"
            : "de koppen van dit stuk: \(anchors.prefix(12).map { "#\($0)" }.joined(separator: ", "))"
        return Message(
            .brokenReference,
            "verwijzing naar '#\(anchor)' (\(at)) wijst naar een kop die niet bestaat; verwijs naar een kop van dit stuk (\(known))"
        )
    }

    static func misorderedListLabels(_ labels: [String], line: Int, field: String) -> Message {
        Message(
            .misorderedListLabels,
            "de lijst op regel \(line) van veld '\(field)' is genummerd als \(labels.joined(separator: " ")) en slaat dus een letter of nummer over of herhaalt er een; hij blijft zoals getypt, als opsomming met de letters in de tekst; nummer op volgorde (a), b), c) … of 1), 2), 3) …) om er een genummerde lijst van te maken"
        )
    }
}
