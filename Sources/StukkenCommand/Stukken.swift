import ArgumentParser
import Foundation
import Stukken

@main
struct StukkenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stukken",
        abstract: "Maakt de bestuursstukken van VRT en DVO Twente uit YAML: voorstellen, memo's en formulieren.",
        subcommands: [Render.self, Check.self, New.self, Schema.self, Pack.self, Site.self, Serve.self]
    )
}

/// Options every subcommand that renders shares.
struct TemplateOptions: ParsableArguments {
    @Option(name: .long, help: "Map met de Mustache-sjablonen (standaard: Templates/ van stukken).")
    var templates: String?

    func load() throws -> TemplateSet {
        switch TemplateSet.load(from: templates ?? TemplateSet.defaultDirectory()) {
        case .success(let set): return set
        case .failure(let error):
            Console.report(error.diagnostics)
            throw ExitCode(2)
        }
    }
}

/// Where diagnostics go: stderr, compiler-style, with the source line and a caret.
enum Console {
    static func report(_ diagnostics: [Diagnostic], sources: [String: String] = [:]) {
        guard !diagnostics.isEmpty else { return }
        let printer = DiagnosticPrinter(sources: sources)
        FileHandle.standardError.write(Data((printer.format(diagnostics) + "\n").utf8))
    }

    /// The texts of the files diagnostics point into, for their source excerpts.
    static func sources(for diagnostics: [Diagnostic]) -> [String: String] {
        var sources: [String: String] = [:]
        for file in Set(diagnostics.map(\.file)) {
            sources[file] = try? String(contentsOfFile: file, encoding: .utf8)
        }
        return sources
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data(("stukken: error: " + text + "\n").utf8))
    }

    /// `stukken: error: STK081: …`, the catalogue's message with its code.
    static func error(_ message: Message) {
        error(message.description)
    }

    /// Loads every file, printing its diagnostics; returns those that loaded.
    static func loadAll(_ files: [String]) -> (stukken: [Stuk], failed: Int) {
        var loaded: [Stuk] = []
        var failed = 0
        for file in files {
            switch Stukken.load(path: file) {
            case .success(let stuk):
                report(stuk.warnings, sources: [file: stuk.source.text])
                loaded.append(stuk)
            case .failure(let error):
                let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
                report(error.diagnostics, sources: [file: text])
                failed += 1
            }
        }
        return (loaded, failed)
    }
}
