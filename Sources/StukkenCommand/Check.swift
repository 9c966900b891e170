import ArgumentParser
import Foundation
import Stukken

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Controleert stukken zonder iets te schrijven; meldt elk probleem in elk bestand.")

    @Argument(help: "De YAML-bestanden.")
    var files: [String]

    func run() throws {
        let (stukken, failed) = Console.loadAll(files)
        if failed > 0 {
            FileHandle.standardError.write(Data("\(failed) van \(files.count) bestanden met fouten\n".utf8))
            throw ExitCode.failure
        }
        _ = stukken
    }
}
