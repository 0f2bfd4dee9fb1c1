import Foundation

/// Crash points for the restart tests: with `WANGCHAO_FAILPOINT=<name>` (or `<name>:<n>`, the
/// n-th time it is reached) in the environment, the process dies with `_exit(137)`, as under
/// `kill -9`, before the transaction in progress commits.
enum Failpoint: String {
    /// A timer firing has been decided (case and transitions computed) but not recorded.
    case timerAfterDecide = "timer-after-decide"

    private static let setting: (name: String, hit: Int)? = {
        guard let text = ProcessInfo.processInfo.environment["WANGCHAO_FAILPOINT"], !text.isEmpty else { return nil }
        let parts = text.split(separator: ":", maxSplits: 1)
        return (String(parts[0]), parts.count > 1 ? Int(parts[1]) ?? 1 : 1)
    }()
    private static let counter = Counter()

    func hit() {
        guard let setting = Self.setting, setting.name == rawValue else { return }
        guard Self.counter.increment() >= setting.hit else { return }
        FileHandle.standardError.write(Data("failpoint \(rawValue): exiting\n".utf8))
        _exit(137)
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func increment() -> Int { lock.withLock { count += 1; return count } }
    }
}
