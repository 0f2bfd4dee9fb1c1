import WangchaoCore

/// How long people take for each step, in minutes: mostly within the limits of the category's
/// SLA class, skewed towards quick, with a few late, a few left in a dispatcher's queue for
/// hours, and a few stalled for weeks (the overdue cases a dashboard must show).
enum StepTiming {
    enum Step {
        case accept, dispatch, sign, arrive, handle, verify, close, rate
        /// A follow-up by the same person: merging after acceptance, adding a helper.
        case quick
        /// A decision on a request, an answer to supervision.
        case approval
        /// Something that takes hours or a day: asking for more time, escalating, reopening.
        case wait
    }

    static func minutes(for step: Step, slaClass: SLAClass, urgent: Bool, using rng: inout SeededGenerator) -> Double {
        let fast = urgent || slaClass == .emergency
        switch step {
        case .accept:
            if !fast, rng.chance(0.06) { return rng.double(in: 60...1_440) }
            let range: ClosedRange<Double> = slaClass == .emergency ? 1...9 : slaClass == .consult ? 2...25 : 3...50
            return rng.skewed(in: range) * (rng.chance(0.06) ? 3 : 1)
        case .dispatch:
            if !fast, rng.chance(0.06) { return rng.double(in: 30...720) }
            return rng.skewed(in: fast ? 1...6 : 2...30)
        case .sign:
            let range: ClosedRange<Double> = fast ? 1...9 : slaClass == .consult ? 3...50 : 5...100
            return rng.skewed(in: range) * (rng.chance(0.06) ? 3 : 1)
        case .arrive:
            return rng.skewed(in: fast ? 2...9 : 10...240)
        case .handle:
            if rng.chance(0.015) { return rng.skewed(in: 7_200...57_600) }
            let range: ClosedRange<Double> = switch slaClass {
            case .emergency: 15...180
            case .standard: urgent ? 60...1_200 : 60...2_880
            case .dispute: 240...7_200
            case .consult: 20...720
            }
            return rng.skewed(in: range) * (rng.chance(0.04) ? 2.5 : 1)
        case .verify: return rng.skewed(in: 20...1_200)
        case .close: return rng.skewed(in: 5...240)
        case .rate: return rng.skewed(in: 30...4_320)
        case .quick: return rng.skewed(in: 5...60)
        case .approval: return rng.skewed(in: 10...240)
        case .wait: return rng.skewed(in: 60...2_880)
        }
    }
}
