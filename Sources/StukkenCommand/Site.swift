import ArgumentParser
import Foundation
import Stukken

struct Site: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Maakt de voordeur van een webroot met pakketten: sitemapindexen, robots.txt en een startpagina.",
        discussion: """
            Zoekt de openbare pakketten (mappen met manifest.json van stukken pack) onder MAP en schrijft in MAP: \
            per Woo-informatiecategorie een sitemapindex met de naam die de Woo-index leest \
            (sitemapindex-diwoo-infocat008.xml voor het AB), robots.txt die deze indexen noemt, en index.html \
            met de vergaderingen per orgaan, de nieuwste eerst. Een besloten pakket onder MAP wordt geweigerd; \
            bij een fout wordt niets geschreven.
            """)

    @Argument(help: ArgumentHelp("De webroot waaronder de pakketmappen staan.", valueName: "MAP"))
    var root: String

    @Option(
        name: .long,
        help: ArgumentHelp("Het https-adres van MAP op het web (standaard: basis_url uit --config).", valueName: "URL"))
    var basisURL: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Siteconfiguratie met basis_url: het adres van MAP (standaard: MAP/stukken.yaml).", valueName: "BESTAND"))
    var config: String?

    @OptionGroup var templateOptions: TemplateOptions

    func run() throws {
        let templates = try templateOptions.load()
        let basis: String
        switch SiteWriter.basisURL(option: basisURL, config: config ?? root + "/" + SiteConfig.fileName) {
        case .success(let url): basis = url
        case .failure(let error): try fail(error)
        }
        let progress: (@Sendable (String) -> Void)? =
            isatty(STDERR_FILENO) == 1
            ? { @Sendable line in FileHandle.standardError.write(Data((line + "\n").utf8)) } : nil
        do {
            let summary = try SiteWriter(
                options: .init(root: root, basisURL: basis, progress: progress), templates: templates
            ).write()
            Console.report(summary.notes)
            FileHandle.standardError.write(Data("\(root): \(summary)\n".utf8))
        } catch {
            try fail(error)
        }
    }

    private func fail(_ error: DiagnosticsError) throws -> Never {
        Console.report(error.diagnostics, sources: Console.sources(for: error.diagnostics))
        FileHandle.standardError.write(Data((MessagePart.nothingWritten + "\n").utf8))
        throw ExitCode.failure
    }
}
