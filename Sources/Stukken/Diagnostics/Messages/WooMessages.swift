/// The texts of `stukken pack --woo` and its site configuration.
public enum WooMessage {
    public static func configMissing(_ path: String) -> Message {
        Message(
            .configMissing,
            "--woo heeft een siteconfiguratie nodig: '\(path)' bestaat niet; maak dat bestand (zie README, 'Woo-publicatie') of geef --config BESTAND"
        )
    }
    public static func notHTTPS(_ url: String) -> Message {
        Message(
            .notHTTPS,
            "basis_url '\(url)' moet een volledig https-adres zijn, zoals https://stukken.vrt.nl/ab/2016-10-10/"
        )
    }
    public static func notTOOI(_ id: String) -> Message {
        Message(
            .notTOOI,
            "tooi '\(id)' is geen TOOI-organisatie-identifier; die begint met https://identifier.overheid.nl/tooi/id/ (Veiligheidsregio Twente: https://identifier.overheid.nl/tooi/id/so/so0679)"
        )
    }
    public static let wooNotForMembers = Message(
        .wooNotForMembers,
        "--woo publiceert metagegevens voor het openbare pakket en gaat niet samen met --besloten")
    public static func publicatiedatum(_ text: String) -> Message {
        Message(
            .notAPublicatiedatum,
            "'\(text)' is geen datum; schrijf bijvoorbeeld 2016-10-05"
        )
    }
}
