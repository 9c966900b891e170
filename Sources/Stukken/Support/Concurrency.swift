import Foundation

/// A value made on another thread while the caller goes on; `value` waits for it.
final class AsyncValue<T: Sendable>: @unchecked Sendable {
    private var result: T?
    private let done = DispatchGroup()

    init(_ make: @escaping @Sendable () -> T) {
        done.enter()
        DispatchQueue.global().async {
            self.result = make()
            self.done.leave()
        }
    }

    /// Written once before `leave`, read only after `wait`: the group orders the two.
    var value: T {
        done.wait()
        return result!
    }
}

/// Collects results from `concurrentPerform` (each index written by one thread).
final class ResultBox<T: Sendable>: @unchecked Sendable {
    private var storage: [T?]
    private let lock = NSLock()
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    subscript(i: Int) -> T? {
        get { lock.withLock { storage[i] } }
        set { lock.withLock { storage[i] = newValue } }
    }
    var values: [T] { lock.withLock { storage.compactMap { $0 } } }
}

extension Array where Element: Sendable {
    /// `transform` of every element, on every core, in the array's order. Every element is
    /// transformed; when some throw, the error of the first of them (in the array's order)
    /// is thrown, so which error the user sees does not depend on the thread timing.
    /// A transform that cannot throw (`E == Never`) needs no `try`.
    func concurrentMap<T: Sendable, E: Error>(_ transform: @Sendable (Element) throws(E) -> T) throws(E) -> [T] {
        let results = ResultBox<Result<T, E>>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { i in
            results[i] = Result { () throws(E) -> T in try transform(self[i]) }
        }
        return try results.values.map { result throws(E) -> T in try result.get() }
    }
}
