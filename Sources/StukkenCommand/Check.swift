import ArgumentParser
import Foundation
import Stukken

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Controleert stukken zonder iets te schrijven; meldt elk probleem in elk bestand.")

    @Argument(help: "De YAML-bestanden; een map staat voor de YAML-bestanden die erin staan.")
    var files: [String]

    func run() throws {
        let inputs = InputFiles.expand(files)
        if let empty = inputs.emptyFolders.first {
            throw ValidationError(CommandMessage.noYAMLInFolder(empty).description)
        }
        let files = inputs.files
        // A meeting file is checked as `pack` would: every stuk and bijlage it names too.
        let meetings = files.filter(Vergadering.isMeetingFile)
        var (stukken, failed) = Console.loadAll(files.filter { !meetings.contains($0) })
        for meeting in meetings {
            // Nothing is rendered: the plan need keep no loaded stuk.
            switch PackPlan.make(
                meeting: meeting, output: nil, audience: .openbaar(metContactgegevens: false),
                retention: Retention(bytes: 0))
            {
            case .success(let plan): Console.report(plan.warnings, sources: Console.sources(for: plan.warnings))
            case .failure(let error):
                Console.report(error.diagnostics, sources: Console.sources(for: error.diagnostics))
                failed += 1
            }
        }
        if failed > 0 {
            FileHandle.standardError.write(Data((MessagePart.filesWithErrors(failed, of: files.count) + "\n").utf8))
            throw ExitCode.failure
        }
        _ = stukken
    }
}
