import Foundation
import WangchaoCore
import WangchaoStore

extension StoreConformance {
    static let workbenchChecks: [Check] = [
        Check("caseRowsMatchTheList") { try await $0.caseRowsMatchTheList() },
        Check("casesByUrgencyRanksEveryVisibleCase") { try await $0.casesByUrgencyRanksEveryVisibleCase() },
    ]

    /// ``CaseStore/caseRows(_:viewer:limit:)`` is the case list read as rows: for every fixture
    /// user and several filters, the rows are those of the cases ``CaseStore/listCases(_:viewer:)``
    /// pages through (same visibility, filters and order, fields as in the case, deadlines
    /// included), cut at `limit`, with `more` telling whether more match; an urgent case with
    /// running deadlines comes back as such; limits outside 1…max are refused.
    public func caseRowsMatchTheList() async throws {
        let (store, s) = try await seedFilterCases()
        let urgent = try await store.fileCase(
            Fixtures.intake(category: "SR04", description: "燃气管道破裂，气味很重", priority: .urgent),
            by: Fixtures.gridWorker, at: s.t0 + 6 * 3600)
        let viewers = [
            Fixtures.gridWorker, Fixtures.otherGridWorker, Fixtures.communityStaff, Fixtures.dispatcher,
            Fixtures.secondDispatcher, Fixtures.otherDispatcher, Fixtures.handler, Fixtures.commander, Fixtures.admin,
            Fixtures.observer, Fixtures.disabled,
        ]
        var words = CaseQuery()
        words.text = "摊贩"
        let queries = Self.rowQueries + [("q=摊贩", words)]
        for viewer in viewers {
            for (name, query) in queries {
                let listed = try await allCases(store, query, viewer: viewer).map(CaseRow.init)
                for limit in [1, 2, 3, CaseRowScan.maxLimit] {
                    let scan = try await store.caseRows(query, viewer: viewer.viewer, limit: limit)
                    try expectEqual(
                        scan.rows, Array(listed.prefix(limit)), "caseRows(\(name), limit \(limit)) for \(viewer.username)")
                    try expectEqual(
                        scan.more, listed.count > limit, "caseRows(\(name), limit \(limit)).more for \(viewer.username)")
                }
            }
        }

        let rows = try await store.caseRows(CaseQuery(), viewer: Fixtures.commander.viewer, limit: 50).rows
        try expectEqual(rows.first?.id, urgent.id, "the newest row first")
        try expectEqual(rows.first?.priority, .urgent, "the urgent case's priority")
        try expectEqual(rows.first?.address, urgent.location.address, "the urgent case's address")
        try expect(
            rows.contains { $0.id == s.a && !$0.deadlines.isEmpty && $0.assignedUnitId == Fixtures.communityUnit },
            "the dispatched case's row carries its running deadlines and unit, got \(rows.filter { $0.id == s.a })")
        for limit in [0, CaseRowScan.maxLimit + 1] {
            try await expectError(.invalid, field: "limit", "caseRows with limit \(limit)") {
                try await store.caseRows(CaseQuery(), viewer: Fixtures.commander.viewer, limit: limit)
            }
        }
    }

    /// ``CaseStore/casesByUrgency(_:viewer:)`` ranks and counts every case the list would show:
    /// at instants just before and at each case's yellow and due instants (so every light
    /// occurs), for several viewers and filters, the counts are those of the listed cases by
    /// state and ``Light/listed(_:at:)``, and the rows (whole, by state, by light, paged) are
    /// those cases in ``UrgencyPage/order``; a case's limits changing moves it; bad paging is refused.
    public func casesByUrgencyRanksEveryVisibleCase() async throws {
        let (store, s) = try await seedFilterCases()
        _ = try await store.fileCase(
            Fixtures.intake(category: "SR04", description: "燃气管道破裂，气味很重", priority: .urgent),
            by: Fixtures.gridWorker, at: s.t0 + 6 * 3600)
        let everything = try await allCases(store, CaseQuery(), viewer: Fixtures.commander)
        var instants = Set([s.t0])
        for subject in everything {
            for instant in [subject.earliestDue, subject.earliestYellow].compactMap({ $0 }) {
                instants.formUnion([instant - 1, instant])
            }
        }
        var lightsSeen: Set<Light?> = []
        let queries = Self.rowQueries
        let viewers = [
            Fixtures.gridWorker, Fixtures.communityStaff, Fixtures.dispatcher, Fixtures.otherDispatcher, Fixtures.handler,
            Fixtures.commander, Fixtures.disabled,
        ]
        for now in instants.sorted() {
            for viewer in viewers {
                for (name, cases) in queries {
                    let listed = try await allCases(store, cases, viewer: viewer)
                    let ranked = listed.enumerated().map { index, subject in
                        (subject: subject, light: Light.listed(subject, at: now), seq: Int64(listed.count - index))
                    }.sorted {
                        UrgencyPage.order(
                            ($0.light, $0.subject.earliestDue, $0.subject.createdAt, $0.seq),
                            ($1.light, $1.subject.earliestDue, $1.subject.createdAt, $1.seq))
                    }
                    lightsSeen.formUnion(ranked.map(\.light))
                    var expectedCounts: [UrgencyCount] = []
                    for state in CaseState.lifecycle {
                        for light in [Light.red, .yellow, .green, nil] {
                            let count = ranked.filter { $0.subject.state == state && $0.light == light }.count
                            if count > 0 { expectedCounts.append(UrgencyCount(state: state, light: light, count: count)) }
                        }
                    }
                    func expected(state: CaseState?, light: Light?, offset: Int, limit: Int) -> UrgencyPage {
                        let matching = ranked.filter { (state == nil || $0.subject.state == state) && (light == nil || $0.light == light) }
                        return UrgencyPage(
                            rows: matching.dropFirst(offset).prefix(limit).map { UrgentRow(row: CaseRow($0.subject), light: $0.light) },
                            total: matching.count, counts: expectedCounts)
                    }
                    var asks: [(CaseState?, Light?, Int, Int)] = [(nil, nil, 0, UrgencyQuery.maxLimit), (nil, nil, 0, 2), (nil, nil, 2, 2)]
                    asks += [Light.red, .yellow, .green].map { (nil, $0, 0, UrgencyQuery.maxLimit) }
                    if let state = ranked.first?.subject.state { asks.append((state, nil, 0, UrgencyQuery.maxLimit)) }
                    for (state, light, offset, limit) in asks {
                        let page = try await store.casesByUrgency(
                            UrgencyQuery(cases: cases, state: state, light: light, now: now, offset: offset, limit: limit), viewer: viewer.viewer)
                        try expectEqual(
                            page, expected(state: state, light: light, offset: offset, limit: limit),
                            "casesByUrgency(\(name), state \(state?.rawValue ?? "any"), light \(light?.rawValue ?? "any"), "
                                + "offset \(offset), limit \(limit)) at \(now) for \(viewer.username)")
                    }
                }
            }
        }
        try expectEqual(lightsSeen, [.red, .yellow, .green, nil], "the instants tried show every light")

        // Accepting a case ends its acceptance limit: its row and light follow.
        let then = s.t0 + 6 * 3600 + 1
        try await store.act(.accept, on: s.d, by: Fixtures.otherDispatcher, at: s.t0 + 6 * 3600)
        let accepted = try await store.getCase(id: s.d)
        let row = try await store.casesByUrgency(UrgencyQuery(now: then), viewer: Fixtures.commander.viewer).rows.first { $0.row.id == s.d }
        try expectEqual(row?.row.state, .accepted, "the accepted case's row")
        try expectEqual(row?.row.deadlines, accepted.map { $0.deadlines.map(CaseRow.Limit.init) }, "the accepted case's limits")
        try expectEqual(row?.light, accepted.flatMap { Light.listed($0, at: then) }, "the accepted case's light")

        for (offset, limit, field) in [(0, 0, "limit"), (0, UrgencyQuery.maxLimit + 1, "limit"), (-1, 10, "offset"), (UrgencyQuery.maxOffset + 1, 10, "offset")] {
            try await expectError(.invalid, field: field, "casesByUrgency with offset \(offset), limit \(limit)") {
                try await store.casesByUrgency(UrgencyQuery(now: s.t0, offset: offset, limit: limit), viewer: Fixtures.commander.viewer)
            }
        }
    }

    /// Filters the 工作台's reads are tried with: none, the open states, a category, a town.
    private static var rowQueries: [(String, CaseQuery)] {
        var open = CaseQuery()
        open.states = CaseState.lifecycle.filter(\.isOpen)
        var category = CaseQuery()
        category.category = "SR03"
        var town = CaseQuery()
        town.areaCode = Fixtures.town
        return [("no filter", CaseQuery()), ("open states", open), ("category=SR03", category), ("area=town", town)]
    }

    /// Every case `query` lists for `viewer`, across all pages.
    private func allCases(_ store: any CaseStore, _ query: CaseQuery, viewer: User) async throws -> [Case] {
        var query = query
        query.limit = CaseQuery.maxLimit
        var cases: [Case] = []
        while true {
            let page = try await store.listCases(query, viewer: viewer.viewer)
            cases += page.items
            guard let cursor = page.nextCursor else { return cases }
            query.cursor = cursor
        }
    }
}
