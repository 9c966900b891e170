import Foundation

/// WeasyPrint workers that stay alive between PDFs, one per core, started when the first
/// PDF asks for one (`serve` pays nothing until "Download PDF"). A pack, `render` of many
/// files and `serve` use `shared`; a single `render --format pdf` starts one process, which
/// costs the same as a worker.
///
/// Every promise of the one-process path holds, because a job is the same driver call with
/// the same files in its own private folder: the time limit per document (a stuck worker
/// is killed, the job fails with the same message, the next job gets a new worker),
/// `SOURCE_DATE_EPOCH`, PDF/UA-1, the same bytes (`PDFPoolTests`), the message when
/// WeasyPrint is missing.
public final class WeasyPrintPool: @unchecked Sendable {
    public static let shared = WeasyPrintPool()

    let size: Int
    private let environment: [String: String]
    private let slots = NSCondition()
    private var idle: [WeasyPrintWorker] = []
    private var running = 0

    /// `environment`: where the Python is found (`STUKKEN_PYTHON`, `STUKKEN_WEASYPRINT`,
    /// `PATH`) and what the workers get; read when a worker starts.
    public init(
        size: Int = ProcessInfo.processInfo.activeProcessorCount,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.size = max(1, size)
        self.environment = environment
    }

    deinit { shutDown() }

    /// The driver's job on a free worker; waits for one when all are busy.
    func run(_ arguments: [String?], timeout: Double) throws(PDFRenderer.Failure) {
        let worker = try take()
        do {
            try worker.run(arguments, timeout: timeout)
        } catch {
            give(back: worker)
            throw error
        }
        give(back: worker)
    }

    /// Stops every idle worker (tests; a busy one is stopped when it is given back).
    public func shutDown() {
        slots.lock()
        let workers = idle
        idle = []
        running -= workers.count
        slots.unlock()
        for worker in workers { worker.kill() }
    }

    private func take() throws(PDFRenderer.Failure) -> WeasyPrintWorker {
        slots.lock()
        while idle.isEmpty && running >= size { slots.wait() }
        // A worker that died while idle (killed from outside) is not given a job.
        while let worker = idle.popLast() {
            if worker.alive {
                slots.unlock()
                return worker
            }
            running -= 1
        }
        running += 1
        slots.unlock()
        do {
            return try WeasyPrintWorker(
                python: try WeasyPrint.locate(environment: environment), environment: workerEnvironment)
        } catch {
            slots.lock()
            running -= 1
            slots.signal()
            slots.unlock()
            throw error
        }
    }

    /// A worker that died or was killed leaves its slot free: the next job starts a new one.
    private func give(back worker: WeasyPrintWorker) {
        slots.lock()
        if worker.alive { idle.append(worker) } else { running -= 1 }
        slots.signal()
        slots.unlock()
    }

    private var workerEnvironment: [String: String] { WeasyPrint.environment(from: environment) }
}
