import Foundation

/// "Download PDF" runs WeasyPrint: seconds of work on a thread that waits for the child
/// process. The request threads are as many as the cores (two here), so a PDF made on
/// one of them stops the form for everyone. Jobs run on threads of their own instead, at
/// most `concurrent` at once; a few more wait their turn, and beyond that the answer is
/// "busy" straight away.
public actor PDFJobs {
    public struct Busy: Error {}

    let concurrent: Int
    let waiting: Int
    private var running = 0
    private var queue: [CheckedContinuation<Void, Never>] = []
    /// Jobs waiting for a place.
    var queued: Int { queue.count }

    public init(concurrent: Int = 2, waiting: Int = 4) {
        self.concurrent = max(1, concurrent)
        self.waiting = max(0, waiting)
    }

    /// `work` on a thread of its own once a place is free; `Busy` when too many wait already.
    public func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async throws(Busy) -> T {
        try await acquire()
        defer { release() }
        return await Self.onOwnThread(work)
    }

    private func acquire() async throws(Busy) {
        if running < concurrent {
            running += 1
            return
        }
        guard queue.count < waiting else { throw Busy() }
        // The place is handed over by `release`, so `running` stays as it is.
        await withCheckedContinuation { queue.append($0) }
    }

    private func release() {
        if queue.isEmpty {
            running -= 1
        } else {
            queue.removeFirst().resume()
        }
    }

    /// A plain thread, not one of Swift's cooperative pool, which a blocking wait would take
    /// from every other request.
    static func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: work()) }.start()
        }
    }
}
