import Foundation
import Stukken

// libFuzzer target: any bytes as the meeting file (`soort: vergadering`) of a folder that
// holds the example meeting's stukken and bijlagen, checked as `stukken pack` checks it.
// Built only by Scripts/fuzz.sh; in a normal build this file is an empty program.

private let folder: URL = {
    let fm = FileManager.default
    let dir = fm.temporaryDirectory.appendingPathComponent("stukken-fuzz-meeting-\(getpid())")
    try? fm.removeItem(at: dir)
    let example = URL(fileURLWithPath: "examples/vergadering")
    do {
        try fm.copyItem(at: example, to: dir)
    } catch {
        fatalError("cannot copy \(example.path): \(error) (run from the package root)")
    }
    return dir
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMeeting(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let meeting = folder.appendingPathComponent("fuzz-vergadering.yaml")
    guard FileManager.default.createFile(atPath: meeting.path, contents: Data(bytes: data, count: size)) else {
        fatalError("cannot write \(meeting.path)")
    }
    switch PackPlan.make(meeting: meeting.path, output: nil, audience: .openbaar(metContactgegevens: false)) {
    case .success(let plan):
        // Every path the plan will read stays inside the meeting folder.
        for item in plan.items {
            for b in item.bijlagen {
                if case .file(let file, _) = b.content, !file.url.path.hasPrefix(plan.folder.path + "/") {
                    fatalError("bijlage outside the meeting folder: \(file.url.path)")
                }
            }
        }
    case .failure(let error):
        if error.diagnostics.isEmpty { fatalError("refused without a diagnostic") }
    }
    return 0
}
