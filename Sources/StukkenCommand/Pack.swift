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

    @Flag(name: .long, help: "Ook PDF's: van elk stuk, en één PDF van agenda en alle stukken met bladwijzers per agendapunt (WeasyPrint).")
    var pdf = false

    @Flag(name: .long, help: "PDF: een voorblad voor elk stuk.")
    var voorblad = false

    @Option(name: .long, help: ArgumentHelp("PDF: seconden die WeasyPrint per PDF krijgt.", valueName: "seconden"))
    var pdfTimeout: Double = 120

    @OptionGroup var templateOptions: TemplateOptions

    func validate() throws {
        if voorblad && !pdf { throw ValidationError("--voorblad hoort bij --pdf.") }
        if !(pdfTimeout > 0) { throw ValidationError("--pdf-timeout moet groter dan 0 zijn.") }
    }

    func run() throws {
        let templates = try templateOptions.load()
        let audience: PackAudience = besloten ? .besloten : .openbaar(metContactgegevens: metContactgegevens)
        let plan: PackPlan
        switch PackPlan.make(meeting: meeting, output: output, forPublic: !besloten) {
        case .success(let p):
            plan = p
            Console.report(p.warnings, sources: Console.sources(for: p.warnings))
        case .failure(let error):
            Console.report(error.diagnostics, sources: Console.sources(for: error.diagnostics))
            FileHandle.standardError.write(Data("niets geschreven: los eerst de fouten op\n".utf8))
            throw ExitCode.failure
        }
        let showProgress = isatty(STDERR_FILENO) == 1 && plan.items.count > 3
        let progress: (@Sendable (String) -> Void)? =
            showProgress ? { @Sendable line in FileHandle.standardError.write(Data((line + "\n").utf8)) } : nil
        do {
            let summary = try PackWriter(plan: plan, templates: templates, options: .init(
                    output: output, audience: audience, progress: progress,
                    pdf: pdf ? PackPDFOptions(voorblad: voorblad, timeout: pdfTimeout) : nil)).write()
            FileHandle.standardError.write(Data("\(output): \(summary)\n".utf8))
        } catch {
            Console.error(String(describing: error))
            throw ExitCode.failure
        }
    }
}
