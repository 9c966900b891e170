import Foundation

extension PlanCheck {
    /// A stuk that takes values from another file (a notitie's `bij: voorstel.yaml`): that
    /// path obeys the rules of every path in a meeting (inside its folder, no `..` above it),
    /// and a notitie listed as a bijlage names the voorstel that lists it. The reference is
    /// never a bijlage: nothing is published because of it.
    mutating func checkReference(of stuk: PlannedStuk, listedBy: PlannedStuk?) {
        guard let reference = stuk.reference else { return }
        let base = URL(fileURLWithPath: stuk.path).standardizedFileURL.deletingLastPathComponent()
        switch PackPlan.resolve(reference.written, from: base, root: folder, file: stuk.path, at: reference.location) {
        case .failure(let d):
            var d = d
            d.field = "bij"
            problems.append(d)
        case .success(let url):
            guard let listedBy else { return }
            let lister = URL(fileURLWithPath: listedBy.path).standardizedFileURL.resolvingSymlinksInPath()
            guard url.path != lister.path else { return }
            problems.append(
                Diagnostic(
                    .error, at: reference.location, field: "bij",
                    message: AppendixMessage.bijDisagrees(
                        notitie: stuk.path, names: reference.written, listedBy: listedBy.path)))
        }
    }
}
