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

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case html, markdown
        var fileExtension: String { self == .html ? "html" : "md" }
    }

    @Argument(help: "De YAML-bestanden.")
    var files: [String]

    @Option(name: .shortAndLong, help: "Uitvoerbestand (één invoer) of map (meer invoer).")
    var output: String?

    @Option(name: .long, help: "html of markdown.")
    var format: Format = .html

    @OptionGroup var templateOptions: TemplateOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("Geef minstens één YAML-bestand.") }
    }

    func run() throws {
        let templates = try templateOptions.load()
        let (stukken, failed) = Console.loadAll(files)
        let toDirectory = try outputIsDirectory()
        if let output, toDirectory {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        }
        var writeFailed = false
        for stuk in stukken {
            let text: String
            switch format {
            case .html: text = Stukken.html(stuk, templates: templates).html
            case .markdown: text = Stukken.markdown(stuk, templates: templates).text
            }
            guard let output else {
                FileHandle.standardOutput.write(Data(text.utf8))
                continue
            }
            let target =
                toDirectory
                ? output + "/" + Self.outputName(for: stuk.source.path, extension: format.fileExtension)
                : output
            do {
                try AtomicFile.write(Data(text.utf8), to: target, protecting: files)
            } catch {
                Console.error(String(describing: error))
                writeFailed = true
            }
        }
        if failed > 0 || writeFailed { throw ExitCode.failure }
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

    static func outputName(for input: String, extension ext: String) -> String {
        var name = (input as NSString).lastPathComponent
        for suffix in [".yaml", ".yml"] where name.hasSuffix(suffix) { name.removeLast(suffix.count) }
        return name + "." + ext
    }
}
