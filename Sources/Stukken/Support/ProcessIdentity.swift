import Foundation

/// A process as a later cleanup can recognise it: its pid, and on Linux the moment it
/// started (clock ticks since boot, `/proc/PID/stat` field 22).
///
/// A pid alone is not enough: Linux hands out at most `pid_max` (32,768 here) and reuses
/// them, so on a busy machine the pid of a killed `stukken pack` soon belongs to another
/// process, and its build folder would look alive for ever (seen in FaultTests while
/// seven builds ran beside it). The pair (pid, start) is never reused.
struct ProcessIdentity: Equatable, Sendable {
    var pid: Int32
    /// `nil` where the system does not tell (no /proc): then the pid alone decides.
    var start: UInt64?

    static var current: ProcessIdentity {
        let pid = getpid()
        return ProcessIdentity(pid: pid, start: startTime(of: pid))
    }

    /// Whether this very process still runs (a zombie counts as running: it is not reaped).
    var isRunning: Bool {
        guard kill(pid, 0) == 0 || errno != ESRCH else { return false }
        guard let start else { return true }
        // Gone when the pid now names a process that started at another moment.
        return Self.startTime(of: pid).map { $0 == start } ?? false
    }

    /// Field 22 of `/proc/PID/stat`, counted after the command name's closing parenthesis
    /// (the name itself may hold spaces and parentheses).
    static func startTime(of pid: Int32) -> UInt64? {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/stat"),
            let text = String(data: data, encoding: .utf8),
            let close = text.lastIndex(of: ")")
        else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        // After ")": field 3 (state) is fields[0], so field 22 is fields[19].
        return fields.count > 19 ? UInt64(fields[19]) : nil
    }
}
