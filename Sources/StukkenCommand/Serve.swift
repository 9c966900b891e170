import ArgumentParser
import Foundation
import Stukken
import StukkenServer

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Start het invulformulier in de browser, alleen op deze computer (127.0.0.1); schrijft geen bestanden.")

    @Option(name: .long, help: "Poort op 127.0.0.1 (0: een vrije poort).")
    var port: Int = 8080

    @Option(name: .long, help: "Een bestaand YAML-bestand om verder in te vullen (wordt alleen gelezen).")
    var open: String?

    @OptionGroup var templateOptions: TemplateOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError(CommandMessage.portOutOfRange.description) }
    }

    func run() async throws {
        let templates = try templateOptions.load()
        if let open, case .failure(let error) = SourceFile.read(path: open) {
            Console.report(error.diagnostics)
            throw ExitCode.failure
        }
        let opened = open
        do {
            try await serve(templates: templates, opened: opened)
        } catch {
            // Mostly "address already in use": another program (or another serve) has the port.
            Console.error(ServeMessage.cannotListen(port: port, reason: String(describing: error)))
            throw ExitCode.failure
        }
    }

    private func serve(templates: TemplateSet, opened: String?) async throws {
        try await FormServer.run(port: port, workbench: Workbench(templates: templates), opened: opened) { port in
            let url = "http://127.0.0.1:\(port)/" + (opened == nil ? "" : "bestand")
            // Written straight to the file descriptor, so a script reading the pipe sees it at once.
            FileHandle.standardOutput.write(Data((MessagePart.listening(url) + "\n").utf8))
        }
    }
}
