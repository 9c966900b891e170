/// The usage errors of the `stukken` command itself (its options and arguments).
public enum CommandMessage {
    public static func noYAMLInFolder(_ folder: String) -> Message {
        Message(
            .noYAMLInFolder,
            "\(folder): deze map bevat geen .yaml-bestanden; geef een map met stukken of noem de bestanden")
    }
    public static func outputExists(_ output: String) -> Message {
        Message(
            .outputExists, "\(output) bestaat al; kies een andere naam (stukken overschrijft geen bestaand bestand)")
    }
    public static func optionNeedsOption(_ option: String, needs other: String) -> Message {
        Message(.optionNeedsOption, "\(option) hoort bij \(other); geef ook \(other) of laat \(option) weg")
    }
    public static let pdfTimeoutNotPositive = Message(
        .pdfTimeoutNotPositive,
        "--pdf-timeout moet groter dan 0 zijn; geef een aantal seconden, bijvoorbeeld --pdf-timeout 60")
    public static let noInputFiles = Message(
        .noInputFiles, "geef minstens één YAML-bestand; bijvoorbeeld: stukken render voorstel.yaml")
    public static let manyInputsNeedFolder = Message(
        .manyInputsNeedFolder, "meer dan één invoerbestand; geef met -o een map")
    public static func manyInputsOutputIsFile(_ output: String) -> Message {
        Message(.manyInputsOutputIsFile, "-o \(output) is een bestand; geef voor meer invoerbestanden een map")
    }
    public static let portOutOfRange = Message(
        .portOutOfRange, "--port moet tussen 0 en 65535 liggen; kies bijvoorbeeld --port 8080")
}
