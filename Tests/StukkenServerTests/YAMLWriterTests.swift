import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import Yams

@testable import Stukken
@testable import StukkenServer

/// The form's YAML holds no line break the author did not type as one (issue 16, M1, M2).
@Suite struct YAMLWriterTests {
    /// Every character libyaml reads as a line break but LF, and characters it refuses.
    static let breaks: [String] = [
        "\u{2028}", "\u{2029}", "\u{85}", "\r", "\u{0B}", "\u{0C}", "\u{1C}", "\u{FEFF}", "\u{0}",
    ]

    /// `check` on the voorstel example with one field's value replaced.
    static func voorstel(_ key: String, _ value: String) throws -> (FormValue, String) {
        let (_, values, _) = try formValues("ab-ts-s.yaml")
        guard case .record(var fields) = values else { throw POSIXError(.EINVAL) }
        fields[key] = .scalar(value)
        return (.record(fields), YAMLWriter.yaml(kind: Voorstel.self, values: .record(fields)))
    }

    /// `eerste regel<LS>registratienummer: INJECTED` in a Markdown or text field became a
    /// live key; now it stays inside its value, and the file reopens to the same form.
    @Test(arguments: breaks)
    func breakStaysInItsValue(_ separator: String) throws {
        for key in ["toelichting", "onderwerp", "samenvatting"] {
            let value = "eerste regel\(separator)registratienummer: INJECTED\(separator)"
            let (values, yaml) = try Self.voorstel(key, value)
            #expect(
                !yaml.unicodeScalars.contains(separator.unicodeScalars.first!),
                "\(key): raw \(separator.debugDescription)")
            let node = try YAMLReader.read(SourceFile(path: "v.yaml", text: yaml)).get()
            #expect(node.mapping?["registratienummer"] == nil, "\(key): \(separator.debugDescription)")
            #expect(
                FormValue.read(node: node, fields: Voorstel.fields)[key] == values[key],
                "\(key): \(separator.debugDescription)")
        }
    }

    /// A Markdown answer starting with a tab (or a space) gave a file `check` refused.
    @Test(arguments: [
        "\tcode", "\t\tcode\nverder", "\n\tcode", "\t\n\tcode\n", " \tcode", "  code\n\n", "\t", "x\n\ty",
    ])
    func markdownStartingWithBlanks(_ text: String) throws {
        let value = text + " en tekst"
        let (_, yaml) = try Self.voorstel("toelichting", value)
        switch Stukken.load(SourceFile(path: "v.yaml", text: yaml)) {
        case .success(let stuk):
            let node = try YAMLReader.read(SourceFile(path: "v.yaml", text: yaml)).get()
            #expect(node.mapping?["toelichting"]?.string == value)
            #expect(stuk.warnings.allSatisfy { $0.severity != .error })
        case .failure(let e):
            Issue.record("\(text.debugDescription): \(e.diagnostics.map(\.description))\n\(yaml)")
        }
    }

    /// The unfinished file's comments quote the author's value: a CR or LS in it started a
    /// key after the user fixed the field (`orgaan = X<CR>registratienummer: INJ-CR`).
    @Test(arguments: breaks + ["\n", "\u{202E}"])
    func unfinishedCommentsStayComments(_ separator: String) throws {
        let (values, _) = try Self.voorstel("orgaan", "X\(separator)registratienummer: INJ")
        let yaml = Package.workbench.download(kind: Voorstel.self, values: values)
        let comments = yaml.split(separator: "\n", omittingEmptySubsequences: false).prefix { !$0.hasPrefix("soort:") }
        #expect(comments.count >= 2 && comments.allSatisfy { $0.hasPrefix("# ") }, "\(yaml)")
        let node = try YAMLReader.read(SourceFile(path: "v.yaml", text: yaml)).get()
        #expect(node.mapping?["registratienummer"] == nil)
        #expect(FormValue.read(node: node, fields: Voorstel.fields)["orgaan"] == values["orgaan"])
        // After the author fixes orgaan, check accepts the file: nothing came in with the comments.
        let fixed = yaml.replacingOccurrences(of: YAMLScalar.quoted("X\(separator)registratienummer: INJ"), with: "AB")
        #expect(fixed != yaml)
        #expect(try YAMLReader.read(SourceFile(path: "v.yaml", text: fixed)).get().mapping?["registratienummer"] == nil)
        #expect((try? Stukken.load(SourceFile(path: "v.yaml", text: fixed)).get()) != nil, "\(fixed)")
    }

    @Test func quotedEscapes() throws {
        let text = "a\u{2028}b\u{2029}c\u{85}d\re\u{0}f\u{202E}g\u{FEFF}h\u{1F600}i\u{A0}j"
        let quoted = YAMLScalar.quoted(text)
        #expect(quoted == "\"a\\u2028b\\u2029c\\u0085d\\re\\u0000f\\u202Eg\\uFEFFh\u{1F600}i\u{A0}j\"")
        #expect(try Yams.compose(yaml: "t: " + quoted)?.mapping?["t"]?.string == text)
    }
}
