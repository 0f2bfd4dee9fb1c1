import Foundation

/// The time limits of every step, as data: defaults per ``SLAClass`` and priority, and
/// overrides per category code (`sla-policies.json`).
///
/// A limit is looked up most specific first: the category for this priority, the category for
/// every priority (`all`), the class for this priority, the class for every priority. A step
/// with no limit anywhere has no deadline.
public struct SLAPolicySet: Sendable, Equatable {
    /// Limits for one priority (or `all`), by step.
    public typealias Limits = [SLAStep: StepLimit]

    /// Per class: per priority key (`all`, `normal`, `urgent`).
    public var classes: [SLAClass: [PriorityKey: Limits]]
    /// Per category code: per priority key.
    public var categories: [String: [PriorityKey: Limits]]

    /// Which priorities a block of limits applies to.
    public enum PriorityKey: String, Sendable, Hashable, CaseIterable {
        case all, normal, urgent
    }

    public init(classes: [SLAClass: [PriorityKey: Limits]], categories: [String: [PriorityKey: Limits]] = [:]) {
        self.classes = classes
        self.categories = categories
    }

    /// The limit for `step` of a case in `category` with `priority`, or `nil` when none is set.
    public func limit(for step: SLAStep, category: Category, priority: Priority) -> StepLimit? {
        let key = PriorityKey(rawValue: priority.rawValue) ?? .all
        let override = categories[category.code]
        let defaults = classes[category.slaClass]
        return override?[key]?[step] ?? override?[.all]?[step] ?? defaults?[key]?[step] ?? defaults?[.all]?[step]
    }

    /// The policies shipped with Wangchao (`sla-policies.json`).
    public static let bundled: SLAPolicySet = {
        guard let url = Bundle.module.url(forResource: "sla-policies", withExtension: "json"),
            let data = try? Data(contentsOf: url)
        else { fatalError("sla-policies.json is missing from the WangchaoCore bundle") }
        do {
            return try SLAPolicySet(json: data)
        } catch {
            fatalError("sla-policies.json is invalid: \(error)")
        }
    }()
}

/// The SLA policies and the working-day calendar, which together turn a step into a deadline.
public struct SLASettings: Sendable, Equatable {
    public var policies: SLAPolicySet
    public var calendar: WorkCalendar

    public init(policies: SLAPolicySet = .bundled, calendar: WorkCalendar = .bundled) {
        self.policies = policies
        self.calendar = calendar
    }

    /// The shipped policies and calendar.
    public static let bundled = SLASettings()
}
