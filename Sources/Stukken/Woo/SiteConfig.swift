import Foundation
import Yams

/// The site configuration a Woo publication needs besides the meeting: who publishes
/// (name and TOOI identifier) and where the pack is published (`basis_url`).
///
/// Read from `stukken.yaml` beside the meeting file, or the file given with `--config`,
/// and validated by the same `Field`/`Validator` machinery as any stuk.
public struct SiteConfig: Sendable, Equatable {
    public var organisatie: String
    /// `https://identifier.overheid.nl/tooi/id/…`: the publisher in DiWoo, ORI and JSON-LD.
    public var tooi: String
    /// The address of the pack folder on the web, always ending in `/`.
    public var basisURL: String

    public static let fileName = "stukken.yaml"

    public static let fields: [Field] = [
        CommonFields.soort("site"),
        Field(
            "organisatie", "Organisatie",
            .record([
                Field(
                    "naam", "Naam", .text, help: ["De publicerende organisatie."], example: "Veiligheidsregio Twente"),
                Field(
                    "tooi", "TOOI-identifier", .text,
                    help: ["De organisatie in de TOOI-lijsten (standaarden.overheid.nl/tooi)."],
                    example: "https://identifier.overheid.nl/tooi/id/so/so0679"),
            ])),
        Field(
            "basis_url", "Basis-URL", .text,
            help: ["Het https-adres waaronder de pakketmap wordt gepubliceerd (daar staat index.html)."],
            example: "https://stukken.vrt.nl/ab/2016-10-10/"),
    ]

    public init(organisatie: String, tooi: String, basisURL: String) {
        self.organisatie = organisatie
        self.tooi = tooi
        self.basisURL = basisURL.hasSuffix("/") ? basisURL : basisURL + "/"
    }

    /// The configuration that belongs to a meeting file: `stukken.yaml` in its folder.
    public static func defaultPath(forMeeting meeting: String) -> String {
        let folder = (meeting as NSString).deletingLastPathComponent
        return folder.isEmpty ? fileName : folder + "/" + fileName
    }

    /// Reads and validates a configuration file; every problem is reported, located.
    public static func load(path: String) -> Result<SiteConfig, DiagnosticsError> {
        guard FileManager.default.fileExists(atPath: path) else {
            return .failure(DiagnosticsError([Diagnostic(.error, file: path, message: WooMessage.configMissing(path))]))
        }
        return SourceFile.read(path: path).flatMap(load)
    }

    public static func load(_ source: SourceFile) -> Result<SiteConfig, DiagnosticsError> {
        let node: Node
        switch YAMLReader.read(source) {
        case .success(let n): node = n
        case .failure(let e): return .failure(e)
        }
        var validator = Validator(file: source.path)
        guard let record = validator.validate(node, fields: fields) else {
            return .failure(DiagnosticsError(validator.diagnostics))
        }
        var problems = validator.diagnostics
        let organisatie = record.record("organisatie")
        let here = SourceLocation(file: source.path, line: 1, column: 1)
        if let url = record.text("basis_url"), !isHTTPS(url) {
            problems.append(
                Diagnostic(
                    .error, at: record.locations["basis_url"] ?? here, field: "basis_url",
                    message: WooMessage.notHTTPS(url)))
        }
        if let tooi = organisatie?.text("tooi"), !isTOOI(tooi) {
            problems.append(
                Diagnostic(
                    .error, at: organisatie?.locations["tooi"] ?? here, field: "organisatie.tooi",
                    message: WooMessage.notTOOI(tooi)))
        }
        problems.sort { ($0.line ?? 0, $0.column ?? 0) < ($1.line ?? 0, $1.column ?? 0) }
        guard !problems.hasErrors, let naam = organisatie?.text("naam"), let tooi = organisatie?.text("tooi"),
            let url = record.text("basis_url")
        else { return .failure(DiagnosticsError(problems)) }
        return .success(SiteConfig(organisatie: naam, tooi: tooi, basisURL: url))
    }

    /// `https://host/…` with a host and nothing a URL may not carry unescaped: the value
    /// is written into XML, JSON and robots.txt, so it must be a plain address.
    static func isHTTPS(_ text: String) -> Bool {
        guard text.hasPrefix("https://"), let url = URL(string: text), let host = url.host, !host.isEmpty,
            url.query == nil, url.fragment == nil
        else { return false }
        return !text.contains { $0.isWhitespace || "\"<>\\^`{|}".contains($0) }
    }

    static func isTOOI(_ text: String) -> Bool {
        let prefix = "https://identifier.overheid.nl/tooi/id/"
        guard text.hasPrefix(prefix), text.count > prefix.count else { return false }
        return text.dropFirst(prefix.count).allSatisfy {
            $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "/" || $0 == "_" || $0 == "-")
        }
    }
}
