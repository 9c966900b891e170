import Testing

@testable import StukkenServer

@Suite struct FormActionTests {
    /// Every value the form's buttons send, and what anything else means: "bijwerken".
    @Test func readsEveryButton() {
        #expect(FormAction(nil) == .update)
        #expect(FormAction("bijwerken") == .update)
        #expect(FormAction("iets anders") == .update)
        #expect(FormAction("yaml") == .downloadYAML)
        #expect(FormAction("html") == .downloadHTML)
        #expect(FormAction("pdf") == .downloadPDF)
        #expect(FormAction("html-hulpvragen") == .downloadHTMLMetHulpvragen)
        #expect(FormAction("pdf-hulpvragen") == .downloadPDFMetHulpvragen)
        #expect(FormAction("leeg-html") == .downloadBlankHTML)
        #expect(FormAction("leeg-pdf") == .downloadBlankPDF)
        #expect(FormAction("toevoegen:voorstel") == .addItem(at: "voorstel"))
        #expect(FormAction("verwijderen:bijlagen[2]") == .removeItem(at: "bijlagen[2]"))
        // Only the prefix is the action: a path may hold the same word.
        #expect(FormAction("toevoegen:verwijderen:x") == .addItem(at: "verwijderen:x"))
        #expect(FormAction("PDF") == .update)
    }
}
