/// The texts of `stukken site` and of the Woo-index's categories (issue 18).
public enum SiteMessage {
    public static let dvoNoCategoryIndex = Message(
        .wooNoCategoryIndex,
        "DVO-stukken worden gepubliceerd onder de inspanningsverplichting van art. 3.1 Woo, geen van de 17 informatiecategorieën van art. 3.3: het pakket krijgt DiWoo-metadata en een sitemap, maar geen sitemapindex, want de Woo-index kent daarvoor geen naam; niets te doen: de vergadering staat wel op de startpagina van stukken site (zie docs/woo.md)"
    )
    public static func membersPack(_ folder: String) -> Message {
        Message(
            .siteMembersPack,
            "'\(folder)' is een besloten pakket voor de leden en hoort niet onder de openbare webroot; haal het weg en zet het alleen op een afgeschermde plek"
        )
    }
    public static func noPacks(_ root: String) -> Message {
        Message(
            .siteNoPacks,
            "onder '\(root)' staat geen openbaar pakket (een map met manifest.json van stukken pack); maak eerst de pakketten, bijvoorbeeld stukken pack vergadering.yaml -o \(root)/ab/2016-10-10 --woo"
        )
    }
    public static func noBasisURL(_ config: String) -> Message {
        Message(
            .siteNoBasisURL,
            "stukken site moet weten op welk adres de webroot staat: '\(config)' bestaat niet; geef --basis-url https://… of --config BESTAND"
        )
    }
    public static func basisURLNotHTTPS(_ url: String) -> Message {
        Message(
            .siteBasisURLNotHTTPS,
            "--basis-url '\(url)' moet een volledig https-adres van de webroot zijn, zoals https://stukken.vrt.nl/"
        )
    }
    public static func packElsewhere(_ folder: String, made: String, here: String) -> Message {
        Message(
            .sitePackElsewhere,
            "'\(folder)' is gemaakt voor \(made) maar staat op \(here); maak het pakket opnieuw met basis_url: \(here) in stukken.yaml"
        )
    }
    public static func robotsNotOurs(_ lines: [String]) -> Message {
        Message(
            .siteRobotsNotOurs,
            "robots.txt is niet door stukken site gemaakt en blijft zoals het is; zet er zelf in: \(lines.joined(separator: " en "))"
        )
    }
    public static let homePageNotOurs = Message(
        .siteHomePageNotOurs,
        "index.html is niet door stukken site gemaakt en wordt niet overschreven; verplaats of verwijder het bestand"
    )
    public static func tooManySitemaps(_ count: Int, index: String, maximum: Int) -> Message {
        Message(
            .siteTooManySitemaps,
            "\(count) sitemaps voor \(index), meer dan de \(maximum) die één sitemapindex mag noemen; verdeel de pakketten over meer (sub)domeinen"
        )
    }
    public static func rootMissing(_ root: String) -> Message {
        Message(.siteRootMissing, "'\(root)' bestaat niet of is geen map; geef de map waarin de pakketmappen staan")
    }
    public static let packWithoutWoo = Message(
        .sitePackWithoutWoo,
        "openbaar pakket zonder Woo-bestanden: het staat op de startpagina, maar de Woo-index vindt het niet; maak het opnieuw met stukken pack --woo"
    )
    public static func writeFailed(_ path: String, reason: String) -> Message {
        Message(
            .siteWriteFailed, "'\(path)' kon niet geschreven worden (\(reason)); controleer de map en probeer opnieuw")
    }

    // Step names and the summary line (no codes: they report no problem).
    static let stepScan = "pakketten zoeken"
    static let stepIndexes = "sitemapindexen maken"
    static let stepRobots = "robots.txt maken"
    static let stepHome = "startpagina maken"
    static let stepInstall = "bestanden plaatsen"
    static let robotsMarker = "# Gemaakt door stukken site; wordt bij de volgende run vervangen."
    static func summary(meetings: Int, indexes: Int) -> String {
        "\(meetings) vergadering\(meetings == 1 ? "" : "en"), \(indexes) sitemapindex\(indexes == 1 ? "" : "en"), robots.txt en index.html"
    }
}
