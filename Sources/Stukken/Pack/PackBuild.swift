import Foundation

/// One step of building a pack: a name (shown as `[i/n] name` on a terminal and put before
/// its errors) and the work, which reads and extends the build the earlier steps made.
struct PackStep: Sendable {
    let name: String
    /// How many files the step makes, shown before its name ("12 pagina's maken").
    var count: (@Sendable (PackBuild) -> Int)? = nil
    let run: @Sendable (inout PackBuild) throws -> Void

    /// Runs `steps` in order. An error is tagged with its step (and the file it was making);
    /// the staging folder goes whatever happens (after the swap it is empty).
    static func run(_ steps: [PackStep], on build: inout PackBuild) throws {
        defer { build.staging?.remove() }
        for (index, step) in steps.enumerated() {
            let shown = step.count.map { "\($0(build)) \(step.name)" } ?? step.name
            build.options.progress?("[\(index + 1)/\(steps.count)] \(shown)")
            do {
                try step.run(&build)
            } catch {
                throw tagged(error, step: step.name, output: build.options.output)
            }
        }
    }

    /// Failures about the output itself are already complete and pass as they are.
    private static func tagged(_ error: Error, step: String, output: String) -> Error {
        var item: String? = nil
        var error = error
        if let failure = error as? PackItemFailure { (item, error) = (failure.item, failure.error) }
        switch error as? PackWriter.Failure {
        case .mixedAudience, .refusedOutput, .wooNeedsPublicPack, .step: return error
        case .io(let text): return PackWriter.Failure.step(step, item: item, reason: text, output: output)
        case nil:
            return PackWriter.Failure.step(step, item: item, reason: PackWriter.describe(error), output: output)
        }
    }
}

/// An error while making one file of the pack: the runner names the file with the step.
struct PackItemFailure: Error {
    let item: String
    let error: any Error

    /// `work`, its error tagged with `item`.
    static func naming<T>(_ item: String, _ work: () throws -> T) throws -> T {
        do { return try work() } catch let failure as PackItemFailure { throw failure } catch {
            throw PackItemFailure(item: item, error: error)
        }
    }
}

/// A bijlage copied byte for byte into the pack.
struct PackCopy: Sendable {
    var agendapunt: String
    var titel: String
    var from: PlannedFile
    var to: String
    var ext: String
}

/// What the steps of one build share: the writer's plan and options, and what each step
/// made for the next ones.
struct PackBuild {
    let writer: PackWriter
    let target: URL
    let place: PackTarget
    /// The manifest of the pack at the target, when there is one.
    let previous: Manifest?
    var summary = PackWriter.Summary()

    var entries: [PackEntry] = []
    var woo: WooPublication? = nil
    var staging: Staging? = nil
    var jobs: [PageJob] = []
    var copies: [PackCopy] = []
    /// The agenda page, made on a core of its own while the pages are (without PDFs).
    var early: AsyncValue<Data>? = nil
    /// The pages as made, for the PDFs' `bron`.
    var pages: [PackFile] = []
    var files: [PackFile] = []
    var manifest: PackFile? = nil

    /// Inspects the target: what may be replaced, and the previous pack's manifest.
    init(_ writer: PackWriter) throws {
        self.writer = writer
        target = URL(fileURLWithPath: OutputGuard.canonical(writer.options.output))
        place = PackTarget(
            path: target.path, shown: writer.options.output, soort: writer.plan.audience.name,
            vergadering: Manifest.meeting(writer.plan.vergadering))
        previous = try place.inspect().manifest
    }

    var plan: PackPlan { writer.plan }
    var options: PackWriter.Options { writer.options }
    var templates: TemplateSet { writer.templates }
    var audience: PackAudience { writer.plan.audience }
    /// The staging folder's pack (made by the plan step).
    var folder: URL { staging!.pack }
    var zipName: String { PackLayout.zip(plan.vergadering, audience: audience) }
    var bundleName: String? { options.pdf.map { _ in PackPDF.bundlePath(plan.vergadering, audience: audience) } }
    var published: PreviousPack { PreviousPack(manifest: previous, folder: target) }
    /// The part of every page's `bron` that is the same for all: code, templates, audience.
    var fingerprint: String {
        PackWriter.renderVersion + "|" + templates.fingerprint + "|" + audience.name + "|" + "\(audience)"
    }

    /// Writes a file of the pack's own into staging and describes it.
    func put(_ data: Data, as path: String, titel: String, soort: String) throws -> PackFile {
        try writer.put(data, as: path, in: folder, titel: titel, soort: soort)
    }

    /// The agenda page (`index.html`) for the given sizes of the files it links to.
    func agendaPage() -> @Sendable ([String: Int]) -> Data {
        let (vergadering, entries, zip, audience, templates) = (plan.vergadering, entries, zipName, audience, templates)
        let (jsonLD, bundle) = (woo.map(JSONLD.agenda), bundleName)
        return { sizes in
            Data(
                AgendaPage.render(
                    vergadering, entries: entries, sizes: sizes, zip: zip, audience: audience, templates: templates,
                    jsonLD: jsonLD, pdf: bundle, stylesheet: PackLayout.stylesheet
                ).utf8)
        }
    }
}
