import Foundation
import Testing

@testable import StukkenServer

/// The form body's decoder works on bytes (the live preview's hot path); it must read every
/// value as Foundation's `removingPercentEncoding` after `+` → space did before.
@Suite struct URLEncodedFormTests {
    static let samples = [
        "", "a+b", "%20", "%2B+%2b", "100%25", "%", "%4", "%zz", "a%", "%C3%A9t%C3%A9", "%C3", "%FF%FE", "é+direct",
        "regel%0D%0Avolgende", "%E2%80%A8", "%00", "++", "%%41", "caf%C3%A9+%26+bar%3Dja",
    ]

    @Test(arguments: samples)
    func decodesAsFoundationDid(_ sample: String) {
        let spaced = sample.replacingOccurrences(of: "+", with: " ")
        #expect(URLEncodedForm.decode(Substring(sample)) == (spaced.removingPercentEncoding ?? spaced))
    }

    @Test func parsesPairs() throws {
        let form = try URLEncodedForm.parse("titel=Caf%C3%A9+%26+bar&leeg=&zonder&x=a%3Db")
        #expect(form == ["titel": "Café & bar", "leeg": "", "zonder": "", "x": "a=b"])
    }
}
