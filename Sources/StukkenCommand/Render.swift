import ArgumentParser
import Foundation
import Stukken

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Zet stukken om naar HTML of Markdown.",
        discussion: """
            Eén bestand zonder -o schrijft naar stdout. -o BESTAND voor één invoer, -o MAP voor meer.
            Een invoerbestand wordt nooit overschreven; uitvoer wordt in zijn geheel of niet geschreven.
            """)

    @Argument(help: "De YAML-bestanden.")
    var files: [String]

    @Option(name: .shortAndLong, help: "Uitvoerbestand (één invoer) of map (meer invoer).")
    var output: String?

    @Option(name: .long, help: "html of markdown.")
    var format: BatchRender.Format = .html

    @OptionGroup var templateOptions: TemplateOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("Geef minstens één YAML-bestand.") }
    }

    func run() throws {
        let templates = try templateOptions.load()
        if let output, try outputIsDirectory() {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            let outcomes = BatchRender.render(files, into: output, format: format, templates: templates, protecting: files)
            var failed = false
            for outcome in outcomes {
                Console.report(outcome.diagnostics, sources: outcome.source.map { [outcome.file: $0] } ?? [:])
                if let error = outcome.writeError { Console.error(error) }
                failed = failed || !outcome.written
            }
            if failed { throw ExitCode.failure }
            return
        }
        // One input: to stdout, or to the file -o names.
        let (stukken, failedToLoad) = Console.loadAll(files)
        guard let stuk = stukken.first else { throw ExitCode.failure }
        let text = BatchRender.text(stuk, format: format, templates: templates)
        guard let output else {
            FileHandle.standardOutput.write(Data(text.utf8))
            if failedToLoad > 0 { throw ExitCode.failure }
            return
        }
        do {
            try AtomicFile.write(Data(text.utf8), to: output, protecting: files)
        } catch {
            Console.error(String(describing: error))
            throw ExitCode.failure
        }
    }

    /// `-o` names a folder when there are several inputs, or when it already is one.
    private func outputIsDirectory() throws -> Bool {
        guard let output else {
            if files.count > 1 { throw ValidationError("Meer dan één invoerbestand: geef met -o een map.") }
            return false
        }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory)
        if files.count > 1 {
            if exists && !isDirectory.boolValue {
                throw ValidationError("-o \(output) is een bestand; geef voor meer invoerbestanden een map.")
            }
            return true
        }
        return exists && isDirectory.boolValue
    }
}

extension BatchRender.Format: ExpressibleByArgument {}
