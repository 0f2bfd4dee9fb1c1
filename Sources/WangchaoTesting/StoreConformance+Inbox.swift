import Foundation
import WangchaoCore
import WangchaoStore

extension StoreConformance {
    static let inboxChecks: [Check] = [
        Check("noticesGoToTheRightPeopleWithTheChange") { try await $0.noticesGoToTheRightPeopleWithTheChange() },
        Check("inboxPagesAndMarksRead") { try await $0.inboxPagesAndMarksRead() },
    ]

    // MARK: - Inbox

    /// A dispatch tells the unit, not the dispatcher who made it; a return, a request and an
    /// escalation of a grid-tier case tell the community's staff and the town's dispatchers (not
    /// another town's, not the district); a decision tells whoever asked; a refused transition
    /// tells nobody.
    public func noticesGoToTheRightPeopleWithTheChange() async throws {
        let store = try await makeStore()
        let filed = try await store.fileCase()
        func kinds(_ user: User) async throws -> [NoticeKind] {
            try await store.inbox(username: user.username, before: nil, limit: 50, unreadOnly: false).reversed().map(\.kind)
        }

        try await store.act(.accept, on: filed.id, by: Fixtures.dispatcher)
        try await store.act(.dispatch(unitId: Fixtures.gridTeam), on: filed.id, by: Fixtures.dispatcher)
        try expectEqual(try await kinds(Fixtures.gridWorker), [.assigned], "grid worker after dispatch to the grid team")
        try expectEqual(try await kinds(Fixtures.dispatcher), [], "the dispatching dispatcher")
        try expectEqual(try await kinds(Fixtures.otherGridWorker), [], "another grid's worker")
        let notice = try unwrap(try await store.inbox(username: "gw", before: nil, limit: 1, unreadOnly: true).first, "notice")
        try expectEqual(notice.caseId, filed.id, "notice case id")
        try expectEqual(notice.caseNumber, filed.number, "notice case number")
        try expectEqual(notice.createdAt, Fixtures.now, "notice time is the transition's")
        try expectEqual(notice.readAt, nil, "a new notice is unread")
        try expect(notice.text.contains(filed.number), "notice text names the case: \(notice.text)")

        try await expectError(.transitionNotAllowed, "closing a dispatched case") {
            try await store.act(.close, on: filed.id, by: Fixtures.dispatcher)
        }
        try await store.act(.return(reason: "不属于本网格"), on: filed.id, by: Fixtures.gridWorker)
        try expectEqual(try await kinds(Fixtures.dispatcher), [.returned], "town dispatcher after a return")
        try expectEqual(try await kinds(Fixtures.secondDispatcher), [.returned], "second town dispatcher after a return")
        try expectEqual(try await kinds(Fixtures.otherDispatcher), [], "another town's dispatcher")
        try expectEqual(try await kinds(Fixtures.commander), [], "district commander after a town-level return")
        try expectEqual(try await kinds(Fixtures.gridWorker), [.assigned], "the returning grid worker")

        try await store.act(.dispatch(unitId: Fixtures.gridTeam), on: filed.id, by: Fixtures.dispatcher)
        try await store.act(.requestExtension(minutes: 60, reason: "等待配件"), on: filed.id, by: Fixtures.gridWorker)
        try expectEqual(
            try await kinds(Fixtures.dispatcher), [.returned, .requested], "dispatcher after an extension request")
        guard let request = try await store.getCase(id: filed.id)?.pendingRequests.first else {
            throw ConformanceFailure("the extension request is pending")
        }
        try await store.act(.decide(requestId: request.id, grant: true), on: filed.id, by: Fixtures.dispatcher)
        try expectEqual(
            try await kinds(Fixtures.gridWorker), [.assigned, .assigned, .decided], "requester after the decision")

        try await store.act(.escalate(reason: "需社区协调"), on: filed.id, by: Fixtures.gridWorker)
        // Grid-tier matters are the community's and the town's to steer.
        try expectEqual(
            try await kinds(Fixtures.communityStaff), [.returned, .requested, .escalated],
            "community staff after an escalation to the community")
        try expectEqual(
            try await kinds(Fixtures.dispatcher), [.returned, .requested, .escalated], "dispatcher after the escalation")
    }

    /// The inbox is newest first with a cursor, filters unread, marks read only up to the given
    /// notice and only for its owner; the stream view is oldest first after a given id.
    public func inboxPagesAndMarksRead() async throws {
        let store = try await makeStore()
        var numbers: [String] = []
        for _ in 0..<3 {
            let filed = try await store.fileCase()
            try await store.act(.accept, on: filed.id, by: Fixtures.dispatcher)
            try await store.act(.dispatch(unitId: Fixtures.gridTeam), on: filed.id, by: Fixtures.dispatcher)
            numbers.append(filed.number)
        }
        let all = try await store.inbox(username: "gw", before: nil, limit: 10, unreadOnly: false)
        try expectEqual(all.map(\.caseNumber), numbers.reversed(), "inbox newest first")
        try expect(zip(all, all.dropFirst()).allSatisfy { $0.id > $1.id }, "ids decrease down the inbox")
        let second = try await store.inbox(username: "gw", before: all[0].id, limit: 1, unreadOnly: false)
        try expectEqual(second.map(\.id), [all[1].id], "page after the newest")
        let after = try await store.notices(username: "gw", after: all[2].id, limit: 10)
        try expectEqual(after.map(\.id), [all[1].id, all[0].id], "notices after the oldest, oldest first")
        try expectEqual(try await store.unreadNoticeCount(username: "gw"), 3, "unread before marking")

        try expectEqual(
            try await store.markNoticesRead(username: "gw2", upTo: all[0].id, at: Fixtures.now), 0,
            "another user marks nothing of gw's")
        let marked = try await store.markNoticesRead(username: "gw", upTo: all[1].id, at: Fixtures.now + 60)
        try expectEqual(marked, 2, "notices marked up to the middle one")
        try expectEqual(try await store.unreadNoticeCount(username: "gw"), 1, "unread after marking")
        let unread = try await store.inbox(username: "gw", before: nil, limit: 10, unreadOnly: true)
        try expectEqual(unread.map(\.id), [all[0].id], "only the newest is unread")
        let read = try await store.inbox(username: "gw", before: nil, limit: 10, unreadOnly: false)
        try expectEqual(read.map(\.readAt), [nil, Fixtures.now + 60, Fixtures.now + 60], "read times")
        try expectEqual(
            try await store.markNoticesRead(username: "gw", upTo: all[1].id, at: Fixtures.now + 120), 0,
            "marking again changes nothing")
    }
}
