import Foundation
import Hummingbird
import HummingbirdTesting
import Stukken
import Testing

@testable import StukkenServer

/// The web form offers a bijlage as text (issue 19, item 6), and shows a notitie's
/// `bij:` voorstel as a path whose heading comes from that file, which it does not read.
@Suite struct AppendixFormTests {
    @Test func theNotitieFormOffersTextAppendicesAndNamesTheVoorstel() async throws {
        let (kind, values, _) = try formValues("notitie-doorontwikkeling-ivz.yaml")
        let pairs = formPairs(values, fields: kind.fields)
        #expect(pairs.contains { $0.0 == "bij.bestand" && $0.1 == "dvo-doorontwikkeling-ivz.yaml" })
        try await app().test(.router) { client in
            try await client.execute(
                uri: "/notitie", method: .post, headers: formHeaders, body: encoded(pairs + [("actie", "bijwerken")])
            ) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("name=\"bijlagen[1].inhoud\""))
                #expect(html.contains("- a) ontwikkelen en coördineren uitvoering integrale aanpak woninginbraken"))
                #expect(html.contains("name=\"bij.bestand\""))
                #expect(html.contains("Geen fouten"))
            }
            try await client.execute(
                uri: "/notitie", method: .post, headers: formHeaders, body: encoded(pairs + [("actie", "html")])
            ) { response in
                let page = String(buffer: response.body)
                #expect(
                    page.contains(
                        "dvo-doorontwikkeling-ivz.yaml <span class=\"uit-voorstel\">(de kop komt uit het voorstel)</span>"
                    ))
                #expect(page.contains("<section class=\"bijlage\" id=\"bijlage-7\""))
            }
        }
    }
}
