import Foundation

/// A document another one takes values from: a notitie's voorstel (`bij: voorstel.yaml`,
/// seed 004 prints the voorstel's whole heading block above the notitie).
///
/// It is a back-reference, not a bijlage: a pack never publishes it because of this, and
/// it is followed one level only (the voorstel's own references are not read).
public struct Reference: Sendable {
    /// The path as the document wrote it, and where.
    public let written: String
    public let location: SourceLocation
    let kind: any DocumentKind.Type
    let record: Record

    /// The referenced document as the page shows it; `contact: false` leaves out its
    /// contact details, as the public pack does with the document's own fields.
    func document(contact: Bool) -> any DocumentKind {
        kind.init(contact ? record : record.removingContactDetails(kind.fields))
    }

    /// `relative` from the folder of `file`, loaded and checked; every problem located at `at`.
    static func load(_ relative: String, from file: String, at: SourceLocation, field: String)
        -> Result<Reference, DiagnosticsError>
    {
        func fail(_ message: Message, notes: [Diagnostic] = []) -> Result<Reference, DiagnosticsError> {
            .failure(DiagnosticsError([Diagnostic(.error, at: at, field: field, message: message)] + notes))
        }
        if relative.hasPrefix("/") || relative.hasPrefix("~") { return fail(PackMessage.absolutePath(relative)) }
        let folder = (file as NSString).deletingLastPathComponent
        let path = folder.isEmpty ? relative : folder + "/" + relative
        guard case .success(let source) = SourceFile.read(path: path) else {
            return fail(AppendixMessage.voorstelMissing(relative))
        }
        switch Stukken.load(source, checkedBefore: false, following: false) {
        case .failure(let e): return fail(AppendixMessage.voorstelHasErrors(relative), notes: e.diagnostics)
        case .success(let stuk) where stuk.kind != Voorstel.self:
            return fail(AppendixMessage.notAVoorstel(relative, soort: stuk.kind.soort))
        case .success(let stuk):
            return .success(Reference(written: relative, location: at, kind: stuk.kind, record: stuk.record))
        }
    }
}
