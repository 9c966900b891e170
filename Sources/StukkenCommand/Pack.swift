import ArgumentParser
import Foundation
import Stukken

struct Pack: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Publiceert alle stukken van één vergadering als map en ZIP.",
        discussion: """
            Alles wordt eerst gecontroleerd; bij een fout wordt niets geschreven. Het pakket wordt naast MAP \
            opgebouwd en pas als het af is op zijn plaats gezet: een mislukte bouw laat een bestaande MAP heel.
            Stukken met 'openbaar: nee' komen in het openbare pakket alleen voor als hun agendapunt.
            """)

    @Argument(help: ArgumentHelp("Het vergaderbestand (soort: vergadering).", valueName: "vergadering.yaml"))
    var meeting: String

    @Option(name: .shortAndLong, help: ArgumentHelp("De map voor het pakket.", valueName: "MAP"))
    var output: String

    @Flag(name: .long, help: "Het besloten pakket voor de leden: ook de niet-openbare stukken, gemarkeerd.")
    var besloten = false

    @Flag(name: .long, help: "Namen en telefoonnummers van behandelaars en projectgroepleden niet weglaten.")
    var metContactgegevens = false

    @Flag(
        name: .long,
        help:
            "Ook Woo-publicatie: DiWoo-metadata, sitemap(index), ORI-export (ori.json) en JSON-LD in elke pagina.")
    var woo = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "De siteconfiguratie voor --woo (standaard: stukken.yaml naast het vergaderbestand).", valueName: "BESTAND")
    )
    var config: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "De datum die gewijzigde stukken als lastmod krijgen (standaard: vandaag).", valueName: "JJJJ-MM-DD"))
    var publicatiedatum: String?

    @Flag(
        name: .long,
        help:
            "Ook PDF's: van elk stuk, en één PDF van agenda en alle stukken met bladwijzers per agendapunt (WeasyPrint)."
    )
    var pdf = false

    @OptionGroup var pdfOptions: PDFOptions

    @OptionGroup var templateOptions: TemplateOptions

    func validate() throws {
        try pdfOptions.check(makingPDFs: pdf, pdfFlag: "--pdf")
    }

    func run() throws {
        let templates = try templateOptions.load()
        if besloten && woo {
            Console.error(WooMessage.wooNotForMembers.description)
            throw ExitCode.validationFailure
        }
        // The configuration and the plan are both checked before anything is written,
        // and their problems reported together.
        var problems: [Diagnostic] = []
        let wooOptions = woo ? loadWooOptions(problems: &problems) : nil
        let plan = try checkedPlan(reportingWith: problems)
        do {
            let summary = try PackWriter(
                plan: plan, templates: templates, options: writerOptions(plan, woo: wooOptions)
            )
            .write()
            if wooOptions != nil && plan.vergadering.orgaan == .dvo {
                Console.report([Diagnostic(.note, file: meeting, message: SiteMessage.dvoNoCategoryIndex)])
            }
            FileHandle.standardError.write(Data("\(output): \(summary)\n".utf8))
        } catch {
            Console.error(String(describing: error))
            throw ExitCode.failure
        }
    }

    private var audience: PackAudience { besloten ? .besloten : .openbaar(metContactgegevens: metContactgegevens) }

    /// `--publicatiedatum` and the site configuration; their problems go to `problems`.
    private func loadWooOptions(problems: inout [Diagnostic]) -> WooOptions? {
        var datum = WooOptions.day(of: Date())
        if let text = publicatiedatum {
            switch Datum.parse(text) {
            case .success(let d): datum = d
            case .failure:
                problems.append(
                    Diagnostic(.error, file: "--publicatiedatum", message: WooMessage.publicatiedatum(text)))
            }
        }
        switch SiteConfig.load(path: config ?? SiteConfig.defaultPath(forMeeting: meeting)) {
        case .success(let c): return WooOptions(config: c, publicatiedatum: datum)
        case .failure(let e):
            problems += e.diagnostics
            return nil
        }
    }

    /// The checked plan, its warnings reported; with any error (`problems` included) every
    /// problem is reported and nothing is written.
    private func checkedPlan(reportingWith problems: [Diagnostic]) throws -> PackPlan {
        var problems = problems
        switch PackPlan.make(meeting: meeting, output: output, audience: audience, pdf: pdf, woo: woo) {
        case .success(let p) where !problems.hasErrors:
            Console.report(p.warnings, sources: Console.sources(for: p.warnings))
            return p
        case .success(let p): problems += p.warnings
        case .failure(let error): problems += error.diagnostics
        }
        Console.report(problems, sources: Console.sources(for: problems))
        FileHandle.standardError.write(Data((MessagePart.nothingWritten + "\n").utf8))
        throw ExitCode.failure
    }

    private func writerOptions(_ plan: PackPlan, woo wooOptions: WooOptions?) -> PackWriter.Options {
        let showProgress = isatty(STDERR_FILENO) == 1 && plan.items.count > 3
        let progress: (@Sendable (String) -> Void)? =
            showProgress ? { @Sendable line in FileHandle.standardError.write(Data((line + "\n").utf8)) } : nil
        // Every file the command reads besides the meeting folder and the templates.
        let inputs = woo ? [config ?? SiteConfig.defaultPath(forMeeting: meeting)] : config.map { [$0] } ?? []
        return .init(
            output: output, progress: progress, woo: wooOptions,
            pdf: pdf ? PackPDFOptions(voorblad: pdfOptions.voorblad, timeout: pdfOptions.pdfTimeout) : nil,
            inputs: inputs)
    }
}
