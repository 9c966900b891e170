import ArgumentParser
import Foundation
import Stukken

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Schrijft een nieuw, in te vullen YAML-bestand, of het lege formulier, voor een soort stuk.",
        discussion: """
            Elk veld staat erin, met de hulpvragen van het formulier als commentaar. Een bestaand bestand wordt nooit overschreven.
            --format markdown, html of pdf geeft het lege formulier om af te drukken (voor projectopdracht, projectplan \
            en evaluatie het format uit de notitie: label links, uitleg en hulpvragen rechts).
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case yaml, markdown, html, pdf
    }

    @Argument(help: ArgumentHelp("De soort stuk.", valueName: "soort"))
    var kind: String

    @Option(name: .shortAndLong, help: "Het nieuwe bestand (zonder -o: naar stdout).")
    var output: String?

    @Option(name: .long, help: "yaml (in te vullen bestand), of markdown, html of pdf (het lege formulier).")
    var format: Format = .yaml

    @Option(name: .long, help: "Titel het lege formulier als bijlage N (\"BIJLAGE 4 FORMAT PROJECTOPDRACHT\").")
    var bijlage: Int?

    @OptionGroup var templateOptions: TemplateOptions

    func validate() throws {
        guard DocumentKinds.kind(named: kind) != nil else {
            throw ValidationError(Message.chooseKind(kind).description)
        }
        if format == .pdf && output == nil { throw ValidationError(PDFRenderer.Failure.stdoutRefused) }
        if let bijlage, bijlage < 1 || format == .yaml {
            throw ValidationError(FormMessage.blankFormBijlage(bijlage).description)
        }
    }

    func run() throws {
        let data = try bytes(DocumentKinds.kind(named: kind)!)
        guard let output else {
            FileHandle.standardOutput.write(data)
            return
        }
        // lstat, not stat: a symlink, even one that leads nowhere yet, is something there.
        var info = stat()
        if lstat(output, &info) == 0 {
            Console.error(CommandMessage.outputExists(output))
            throw ExitCode.failure
        }
        do {
            try AtomicFile.write(data, to: output)
        } catch {
            Console.error(String(describing: error))
            throw ExitCode.failure
        }
    }
}

extension New {
    /// The YAML file to fill in, or the blank form (`BlankForm`), which is never validated.
    private func bytes(_ kind: any DocumentKind.Type) throws -> Data {
        if format == .yaml { return Data(NewDocument.yaml(for: kind).utf8) }
        let templates = try templateOptions.load()
        switch format {
        case .markdown: return Data(BlankForm.markdown(kind, bijlage: bijlage, templates: templates).text.utf8)
        case .html: return Data(BlankForm.html(kind, bijlage: bijlage, templates: templates).html.utf8)
        default:
            do {
                return try BlankForm.pdf(kind, bijlage: bijlage, templates: templates)
            } catch {
                Console.error(String(describing: error))
                throw ExitCode.failure
            }
        }
    }
}

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Drukt het JSON Schema (draft 2020-12) of de veldentabel van een soort stuk af.",
        discussion: """
            Bewaar het als bijvoorbeeld voorstel.schema.json en zet bovenaan een stuk: \
            # yaml-language-server: $schema=voorstel.schema.json
            --format markdown drukt in plaats daarvan de velden af als tabel (docs/velden/).
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, markdown
    }

    @Argument(help: ArgumentHelp("De soort stuk.", valueName: "soort"))
    var kind: String

    @Option(name: .long, help: "json (JSON Schema) of markdown (een tabel van de velden).")
    var format: Format = .json

    func validate() throws {
        guard DocumentKinds.kind(named: kind) != nil else {
            throw ValidationError(Message.chooseKind(kind).description)
        }
    }

    func run() throws {
        let kind = DocumentKinds.kind(named: self.kind)!
        let text = format == .json ? JSONSchema.json(for: kind) : FieldReference.markdown(for: kind)
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
