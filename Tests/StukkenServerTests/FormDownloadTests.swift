import Foundation
import Hummingbird
import HummingbirdTesting
import Stukken
import Testing

@testable import StukkenServer

/// The form's downloads of issue 19: a form with its hulpvragen, and the blank form.
@Suite struct FormDownloadTests {
    /// "Download HTML met hulpvragen": the page `render --met-hulpvragen` makes.
    @Test func htmlWithHulpvragen() async throws {
        let (kind, values, source) = try formValues("projectplan-woninginbraken.yaml")
        try await app().test(.router) { client in
            let body = encoded(formPairs(values, fields: kind.fields) + [("actie", "html-hulpvragen")])
            try await client.execute(uri: "/projectplan", method: .post, headers: formHeaders, body: body) { response in
                #expect(response.status == .ok)
                let page = String(buffer: response.body)
                #expect(page.contains("Hulpvragen:"))
                let stuk = try Stukken.load(source).get()
                let plain = Stukken.html(stuk, templates: Package.workbench.templates).html
                #expect(!plain.contains("Hulpvragen:"))
            }
        }
    }

    /// The blank form needs no values: an empty form post gets it, HTML and PDF.
    @Test func blankForm() async throws {
        try await app().test(.router) { client in
            try await client.execute(
                uri: "/evaluatie", method: .post, headers: formHeaders, body: encoded([("actie", "leeg-html")])
            ) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentDisposition] == "attachment; filename=\"evaluatie-leeg.html\"")
                let expected = BlankForm.html(Evaluatie.self, templates: Package.workbench.templates).html
                #expect(String(buffer: response.body) == expected)
            }
            try await client.execute(
                uri: "/evaluatie", method: .post, headers: formHeaders, body: encoded([("actie", "leeg-pdf")])
            ) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentDisposition] == "attachment; filename=\"evaluatie-leeg.pdf\"")
                #expect(String(buffer: response.body).hasPrefix("%PDF-"))
            }
        }
    }

    /// Only the forms offer the hulpvragen; every kind offers its blank form.
    @Test(arguments: DocumentKinds.names)
    func buttons(_ soort: String) async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/\(soort)", method: .get) { response in
                let page = String(buffer: response.body)
                let kind = try #require(DocumentKinds.kind(named: soort))
                #expect(page.contains("value=\"pdf-hulpvragen\"") == DocumentKinds.isForm(kind))
                #expect(page.contains("value=\"leeg-pdf\""))
            }
        }
    }
}
