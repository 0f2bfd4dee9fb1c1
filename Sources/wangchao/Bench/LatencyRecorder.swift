import Foundation

/// Collects latencies per operation from many concurrent clients and reports percentiles.
actor LatencyRecorder {
    private var samples: [String: [Duration]] = [:]

    func record(_ operation: String, _ duration: Duration) {
        samples[operation, default: []].append(duration)
    }

    /// One line per operation: count, p50, p99 and max in milliseconds, in first-seen order.
    func report(order: [String]) -> [String] {
        order.compactMap { name in
            guard var values = samples[name], !values.isEmpty else { return nil }
            values.sort()
            func percentile(_ p: Double) -> String {
                let index = min(values.count - 1, Int((Double(values.count) * p).rounded(.up)) - 1)
                return Self.milliseconds(values[max(0, index)])
            }
            return String(
                format: "  %-18@ n=%-7d p50 %8@ ms  p99 %8@ ms  max %8@ ms", name as NSString, values.count,
                percentile(0.50) as NSString, percentile(0.99) as NSString, Self.milliseconds(values.last!) as NSString)
        }
    }

    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String(format: "%.2f", Double(seconds) * 1000 + Double(attoseconds) / 1e15)
    }
}

extension Duration {
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
