/// Picks the person inside a unit: for a grid team, the grid worker whose area holds the case
/// (the one responsible for its micro-grid); otherwise the least-loaded handler on duty; when
/// nobody is on duty, nobody (the whole unit sees the case and one of them signs for it).
public enum UnitAssigner {
    public struct Assignment: Sendable, Equatable {
        public var username: String?
        public var text: String
    }

    /// The roles that work cases inside a unit (those who may sign).
    public static let handlerRoles = DutyRoster.eligibleRoles

    public static func assign(
        in unit: Unit, areaCode: String, at time: ChinaTime, directory: some RoutingDirectory
    ) async throws -> Assignment {
        let members = try await directory.members(of: unit.id).filter { !$0.disabled && handlerRoles.contains($0.role) }
        if unit.kind == .gridTeam,
            let worker = members.first(where: { user in
                guard user.role == .gridWorker, case .area(let code) = user.scope else { return false }
                return AreaCode.isWithin(areaCode, code)
            })
        {
            return Assignment(username: worker.username, text: "由负责该网格（微网格）的网格员 \(worker.displayName)（\(worker.username)）办理")
        }
        guard !members.isEmpty else { return Assignment(username: nil, text: "单位内无在岗处置人员，由单位认领") }
        var candidates = members
        var basis = "单位未排班，按全体在岗人员"
        if let roster = try await directory.roster(of: unit.id), !roster.shifts.isEmpty {
            let onDuty = Set(roster.onDuty(at: time))
            candidates = members.filter { onDuty.contains($0.username) }
            basis = "按值班表（\(ChinaTime.text(ofMinute: time.minuteOfDay))）当班人员"
            guard !candidates.isEmpty else {
                return Assignment(username: nil, text: "当前（\(ChinaTime.text(ofMinute: time.minuteOfDay))）无人值班，由单位认领")
            }
        }
        var best: (user: User, load: Int)?
        for user in candidates {
            let load = try await directory.openAssignedCount(user.username)
            if best == nil || load < best!.load { best = (user, load) }
        }
        let chosen = best!
        return Assignment(
            username: chosen.user.username,
            text: "\(basis)中在办最少者 \(chosen.user.displayName)（\(chosen.user.username)，在办 \(chosen.load) 件）")
    }
}
