import ArgumentParser
import Foundation
import Stukken

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Schrijft een nieuw, in te vullen YAML-bestand voor een soort stuk.",
        discussion:
            "Elk veld staat erin, met de hulpvragen van het formulier als commentaar. Een bestaand bestand wordt nooit overschreven."
    )

    @Argument(help: ArgumentHelp("De soort stuk.", valueName: "soort"))
    var kind: String

    @Option(name: .shortAndLong, help: "Het nieuwe bestand (zonder -o: naar stdout).")
    var output: String?

    func validate() throws {
        guard DocumentKinds.kind(named: kind) != nil else {
            throw ValidationError(Message.chooseKind(kind).description)
        }
    }

    func run() throws {
        let text = NewDocument.yaml(for: DocumentKinds.kind(named: kind)!)
        guard let output else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        // lstat, not stat: a symlink, even one that leads nowhere yet, is something there.
        var info = stat()
        if lstat(output, &info) == 0 {
            Console.error(CommandMessage.outputExists(output))
            throw ExitCode.failure
        }
        do {
            try AtomicFile.write(Data(text.utf8), to: output)
        } catch {
            Console.error(String(describing: error))
            throw ExitCode.failure
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
