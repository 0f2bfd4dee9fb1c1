/// A number an in-process server reports once, awaited by a bench: the port it bound (the
/// benches start it on port 0 and wait for the real one before sending requests), or how long
/// it took to count the cockpit ahead.
actor AwaitedNumber {
    private var value: Int?
    private var waiters: [CheckedContinuation<Int, Never>] = []

    func set(_ value: Int) {
        self.value = value
        for waiter in waiters { waiter.resume(returning: value) }
        waiters = []
    }

    func wait() async -> Int {
        if let value { return value }
        return await withCheckedContinuation { waiters.append($0) }
    }
}
