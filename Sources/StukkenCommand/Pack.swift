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
            "Ook Woo-publicatie: DiWoo-metadata, sitemap, robots.txt, ORI-export (ori.json) en JSON-LD in elke pagina.")
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

    @Flag(name: .long, help: "PDF: een voorblad voor elk stuk.")
    var voorblad = false

    @Option(name: .long, help: ArgumentHelp("PDF: seconden die WeasyPrint per PDF krijgt.", valueName: "seconden"))
    var pdfTimeout: Double = 120

    @OptionGroup var templateOptions: TemplateOptions

    func validate() throws {
        if voorblad && !pdf {
            throw ValidationError(CommandMessage.optionNeedsOption("--voorblad", needs: "--pdf").description)
        }
        if !(pdfTimeout > 0) { throw ValidationError(CommandMessage.pdfTimeoutNotPositive.description) }
    }

    func run() throws {
        let templates = try templateOptions.load()
        let audience: PackAudience = besloten ? .besloten : .openbaar(metContactgegevens: metContactgegevens)
        if besloten && woo {
            Console.error(WooMessage.wooNotForMembers)
            throw ExitCode.validationFailure
        }
        // The configuration and the plan are both checked before anything is written,
        // and their problems reported together.
        var problems: [Diagnostic] = []
        var wooOptions: WooOptions? = nil
        if woo {
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
            case .success(let c): wooOptions = WooOptions(config: c, publicatiedatum: datum)
            case .failure(let e): problems += e.diagnostics
            }
        }
        let plan: PackPlan
        switch PackPlan.make(meeting: meeting, output: output, forPublic: !besloten, pdf: pdf, woo: woo) {
        case .success(let p) where !problems.hasErrors:
            plan = p
            Console.report(p.warnings, sources: Console.sources(for: p.warnings))
        case .success(let p):
            problems += p.warnings
            Console.report(problems, sources: Console.sources(for: problems))
            FileHandle.standardError.write(Data((MessagePart.nothingWritten + "\n").utf8))
            throw ExitCode.failure
        case .failure(let error):
            problems += error.diagnostics
            Console.report(problems, sources: Console.sources(for: problems))
            FileHandle.standardError.write(Data((MessagePart.nothingWritten + "\n").utf8))
            throw ExitCode.failure
        }
        let showProgress = isatty(STDERR_FILENO) == 1 && plan.items.count > 3
        let progress: (@Sendable (String) -> Void)? =
            showProgress ? { @Sendable line in FileHandle.standardError.write(Data((line + "\n").utf8)) } : nil
        // Every file the command reads besides the meeting folder and the templates.
        let inputs = woo ? [config ?? SiteConfig.defaultPath(forMeeting: meeting)] : config.map { [$0] } ?? []
        do {
            let summary = try PackWriter(
                plan: plan, templates: templates,
                options: .init(
                    output: output, audience: audience, progress: progress, woo: wooOptions,
                    pdf: pdf ? PackPDFOptions(voorblad: voorblad, timeout: pdfTimeout) : nil, inputs: inputs)
            ).write()
            FileHandle.standardError.write(Data("\(output): \(summary)\n".utf8))
        } catch {
            Console.error(String(describing: error))
            throw ExitCode.failure
        }
    }
}
