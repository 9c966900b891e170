import ArgumentParser
import Stukken

/// `--voorblad` and `--pdf-timeout`, shared by the commands that make PDFs.
struct PDFOptions: ParsableArguments {
    @Flag(name: .long, help: "PDF: een voorblad (PLATFORM IVZ / … / VOORSTEL / ONDERWERP) voor elk stuk.")
    var voorblad = false

    @Option(name: .long, help: ArgumentHelp("PDF: seconden die WeasyPrint per PDF krijgt.", valueName: "seconden"))
    var pdfTimeout: Double = 120

    /// `makingPDFs`: whether the command was asked for PDFs, by `pdfFlag`. Called from the
    /// command's `validate`, so its own checks come first.
    func check(makingPDFs: Bool, pdfFlag: String) throws {
        if voorblad && !makingPDFs {
            throw ValidationError(CommandMessage.optionNeedsOption("--voorblad", needs: pdfFlag).description)
        }
        if !(pdfTimeout > 0) { throw ValidationError(CommandMessage.pdfTimeoutNotPositive.description) }
    }
}
