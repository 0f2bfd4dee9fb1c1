import Foundation

/// A new matter as submitted to the one intake, before it becomes a ``Case``.
public struct Intake: Sendable, Equatable, Codable {
    public var category: String
    public var description: String
    public var source: SourceChannel
    public var priority: Priority?
    public var location: Location
    public var reporter: Reporter?
    public var attachments: [String]?
    /// The area, when the reporter knows it (a grid worker on patrol); otherwise the district.
    public var areaCode: String?
    /// The workflow the case follows; `nil`: kind `case`.
    public var kind: CaseKind?
    /// Why the server filed the case where it did, when it placed it by its point (e.g. "no
    /// micro-grid holds the point"): written on the intake's history row. Never read from a body.
    public var placementNote: String? = nil
    /// How the server placed an intake that came with an address and no point (see
    /// ``AddressCheck``); kept on the case. Never read from a body.
    public var addressCheck: AddressCheck? = nil

    private enum CodingKeys: String, CodingKey {
        case category, description, source, priority, location, reporter, attachments, areaCode, kind
    }

    public static let maxDescriptionLength = 2000
    public static let maxAddressLength = 200
    public static let maxNameLength = 50

    public init(
        category: String, description: String, source: SourceChannel, priority: Priority? = nil, location: Location,
        reporter: Reporter? = nil, attachments: [String]? = nil, areaCode: String? = nil, kind: CaseKind? = nil
    ) {
        self.category = category
        self.description = description
        self.source = source
        self.priority = priority
        self.location = location
        self.reporter = reporter
        self.attachments = attachments
        self.areaCode = areaCode
        self.kind = kind
    }

    /// Checks every field against the taxonomy and the limits; the error names the first bad
    /// field by its dotted path.
    public func validate(categories: CategoryCatalog) throws(DomainError) {
        if category.isEmpty { throw .invalid(field: "category", "请选择事件分类") }
        guard categories[category] != nil else { throw .invalid(field: "category", "未知的事件分类 \(category)") }
        let trimmed = description.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { throw .invalid(field: "description", "事件描述不能为空") }
        if description.count > Self.maxDescriptionLength {
            throw .invalid(field: "description", "事件描述不能超过 \(Self.maxDescriptionLength) 字")
        }
        guard location.lat.isFinite, (-90...90).contains(location.lat) else {
            throw .invalid(field: "location.lat", "纬度须在 -90 到 90 之间")
        }
        guard location.lng.isFinite, (-180...180).contains(location.lng) else {
            throw .invalid(field: "location.lng", "经度须在 -180 到 180 之间")
        }
        if location.address.count > Self.maxAddressLength {
            throw .invalid(field: "location.address", "地址不能超过 \(Self.maxAddressLength) 字")
        }
        if let reporter {
            if let name = reporter.name, name.count > Self.maxNameLength {
                throw .invalid(field: "reporter.name", "姓名不能超过 \(Self.maxNameLength) 字")
            }
            if let phone = reporter.phone, !Self.isPlausiblePhone(phone) {
                throw .invalid(field: "reporter.phone", "电话号码格式不正确")
            }
            if let idNumber = reporter.idNumber, !IdentityNumber.isValid(idNumber) {
                throw .invalid(field: "reporter.idNumber", "身份证号码无效（须为 18 位且校验位正确）")
            }
        }
        let attachments = attachments ?? []
        guard attachments.count <= TransitionInput.maxAttachments else {
            throw .invalid(field: "attachments", "附件不能超过 \(TransitionInput.maxAttachments) 个")
        }
        for (index, id) in attachments.enumerated() where id.isEmpty || id.count > 100 {
            throw .invalid(field: "attachments[\(index)]", "附件编号无效")
        }
        if let areaCode, areaCode.isEmpty || !areaCode.allSatisfy({ $0.isASCII && $0.isNumber }) {
            throw .invalid(field: "areaCode", "区域代码须为数字")
        }
    }

    /// Mobile, landline or extension: digits with an optional leading `+` and `-` separators, 3–20 long.
    static func isPlausiblePhone(_ phone: String) -> Bool {
        let digits = phone.filter(\.isNumber)
        let allowed = phone.enumerated().allSatisfy { index, ch in
            (ch.isASCII && ch.isNumber) || ch == "-" || ch == " " || (ch == "+" && index == 0)
        }
        return allowed && (3...20).contains(digits.count)
    }

    /// The case this intake becomes in the lifecycle, in state `reported`, with its first limits
    /// running; a kind of its own then moves it to its initial state (``CaseWorkflow/filed(_:at:calendar:)``).
    public func makeCase(
        id: String, number: String, trackingCode: String, areaCode: String, category: Category, at now: Date,
        sla: SLASettings = .bundled
    ) -> Case {
        let priority = self.priority ?? .normal
        let planner = DeadlinePlanner(category: category, priority: priority, sla: sla)
        return Case(
            id: id, number: number, trackingCode: trackingCode, source: source, category: category.code,
            description: description.trimmingCharacters(in: .whitespacesAndNewlines), location: location,
            reporter: reporter ?? Reporter(), attachments: attachments ?? [], priority: priority, state: .reported,
            areaCode: areaCode, tier: category.tier, deadlines: planner.onIntake(at: now), version: 1,
            createdAt: now, updatedAt: now, addressCheck: addressCheck)
    }

    /// The first history row of the case; `note` says how it was placed, if the server placed it.
    public static func intakeTransition(for c: Case, actor: User?, note: String? = nil) -> Transition {
        Transition(
            caseId: c.id, version: 1, fromState: nil, toState: c.state, action: Transition.intakeAction,
            actor: actor?.username ?? publicActor, actorRole: actor?.role, at: c.createdAt, note: note,
            attachments: c.attachments, payload: nil)
    }
}

extension Intake {
    /// The actor recorded for an intake without an account (a citizen, Open311 without a key).
    public static let publicActor = "public"

    /// Everyone who works in the loop may register a matter; observers never write.
    public static let allowedRoles: Set<Role> = Set(Role.allCases).subtracting([.observer])
}
