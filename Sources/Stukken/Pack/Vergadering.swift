import Foundation
import Yams

/// A meeting file (`soort: vergadering`): the agenda of one AB or DVO meeting, the input
/// of `stukken pack`. Validated by the same machinery as any stuk.
public struct Vergadering: Sendable {
    public struct Agendapunt: Sendable {
        public var agendapunt: String?
        public var titel: String?
        /// Path of the document, relative to the meeting file.
        public var stuk: String?
        public var stukLocation: SourceLocation?
        public var location: SourceLocation?
    }

    public var orgaan: Voorstel.Orgaan
    public var datum: Datum
    public var aanvang: String?
    public var locatie: String?
    public var agenda: [Agendapunt]

    /// The `soort` of a meeting file.
    public static let soort = "vergadering"

    public static let fields: [Field] = [
        CommonFields.soort(soort),
        Field("orgaan", "Orgaan", .choice(["AB", "DVO"]), example: "AB"),
        Field("datum", "Datum", .date, example: "2016-10-10"),
        Field("aanvang", "Aanvang", .text, .optional, example: "19:30"),
        Field("locatie", "Locatie", .text, .optional, example: "Hengelo, VRT"),
        Field(
            "agenda", "Agenda",
            .list(
                .record([
                    Field("agendapunt", "Agendapunt", .text, .optional, example: "A1"),
                    Field("titel", "Titel", .text, .optional, example: "Opening en mededelingen"),
                    Field(
                        "stuk", "Stuk", .text, .optional,
                        help: ["Pad naar het stuk (YAML), vanaf de map van dit bestand."],
                        example: "stukken/e3.yaml"),
                ]), minimum: 1)),
    ]

    init(_ r: Record) {
        orgaan = Voorstel.Orgaan(rawValue: r.text("orgaan") ?? "") ?? .ab
        datum = r.requiredDate("datum")
        aanvang = r.text("aanvang")
        locatie = r.text("locatie")
        agenda = r.records("agenda").map {
            Agendapunt(
                agendapunt: $0.text("agendapunt"), titel: $0.text("titel"), stuk: $0.text("stuk"),
                stukLocation: $0.locations["stuk"], location: $0.location)
        }
    }

    /// Whether a file is a meeting file (`soort: vergadering`), so `check` can plan it.
    public static func isMeetingFile(_ path: String) -> Bool {
        if isTooLargeMeetingFile(path) { return true }
        guard case .success(let source) = SourceFile.read(path: path, maximumBytes: Limits.maximumMeetingFileBytes),
            AliasScanner.scan(source.text).isEmpty,
            let node = try? Yams.compose(yaml: source.text, Resolver.basic), case .mapping(let m) = node
        else { return false }
        return m.first { $0.key.scalar?.string == "soort" }?.value.scalar?.string == soort
    }

    /// A regular file over the meeting limit whose first lines say `soort: vergadering`: checked
    /// as a meeting, so it is refused with the meeting's limit, not a stuk's.
    static func isTooLargeMeetingFile(_ path: String) -> Bool {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            attributes[.type] as? FileAttributeType == .typeRegular,
            let size = attributes[.size] as? Int, size > Limits.maximumMeetingFileBytes,
            let handle = FileHandle(forReadingAtPath: path)
        else { return false }
        defer { try? handle.close() }
        let head = String(decoding: (try? handle.read(upToCount: 65_536)) ?? Data(), as: UTF8.self)
        return head.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }).contains { line in
            guard line.hasPrefix("soort:") else { return false }
            var value = line.dropFirst("soort:".count)
            if let comment = value.range(of: " #") { value = value[..<comment.lowerBound] }
            return value.trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'")) == soort
        }
    }

    /// Reads and validates a meeting file.
    public static func load(path: String) -> Result<Vergadering, DiagnosticsError> {
        let source: SourceFile
        switch SourceFile.read(path: path, maximumBytes: Limits.maximumMeetingFileBytes) {
        case .success(let s): source = s
        case .failure(let e): return .failure(e)
        }
        let node: Node
        switch YAMLReader.read(source) {
        case .success(let n): node = n
        case .failure(let e): return .failure(e)
        }
        var validator = Validator(file: path)
        guard let record = validator.validate(node, fields: fields), !validator.diagnostics.hasErrors else {
            return .failure(DiagnosticsError(validator.diagnostics))
        }
        return .success(Vergadering(record))
    }
}
