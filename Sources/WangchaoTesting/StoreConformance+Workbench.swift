import Foundation
import WangchaoCore
import WangchaoStore

extension StoreConformance {
    static let workbenchChecks: [Check] = [
        Check("caseRowsMatchTheList") { try await $0.caseRowsMatchTheList() }
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
        var open = CaseQuery()
        open.states = CaseState.allCases.filter(\.isOpen)
        var category = CaseQuery()
        category.category = "SR03"
        var town = CaseQuery()
        town.areaCode = Fixtures.town
        var words = CaseQuery()
        words.text = "摊贩"
        let queries: [(String, CaseQuery)] = [
            ("no filter", CaseQuery()), ("open states", open), ("category=SR03", category), ("area=town", town),
            ("q=摊贩", words),
        ]
        for viewer in viewers {
            for (name, query) in queries {
                let listed = try await allCases(store, query, viewer: viewer).map(CaseRow.init)
                for limit in [1, 2, 3, CaseRowScan.maxLimit] {
                    let scan = try await store.caseRows(query, viewer: viewer, limit: limit)
                    try expectEqual(
                        scan.rows, Array(listed.prefix(limit)), "caseRows(\(name), limit \(limit)) for \(viewer.username)")
                    try expectEqual(
                        scan.more, listed.count > limit, "caseRows(\(name), limit \(limit)).more for \(viewer.username)")
                }
            }
        }

        let rows = try await store.caseRows(CaseQuery(), viewer: Fixtures.commander, limit: 50).rows
        try expectEqual(rows.first?.id, urgent.id, "the newest row first")
        try expectEqual(rows.first?.priority, .urgent, "the urgent case's priority")
        try expectEqual(rows.first?.address, urgent.location.address, "the urgent case's address")
        try expect(
            rows.contains { $0.id == s.a && !$0.deadlines.isEmpty && $0.assignedUnitId == Fixtures.communityUnit },
            "the dispatched case's row carries its running deadlines and unit, got \(rows.filter { $0.id == s.a })")
        for limit in [0, CaseRowScan.maxLimit + 1] {
            try await expectError(.invalid, field: "limit", "caseRows with limit \(limit)") {
                try await store.caseRows(CaseQuery(), viewer: Fixtures.commander, limit: limit)
            }
        }
    }

    /// Every case `query` lists for `viewer`, across all pages.
    private func allCases(_ store: any CaseStore, _ query: CaseQuery, viewer: User) async throws -> [Case] {
        var query = query
        query.limit = CaseQuery.maxLimit
        var cases: [Case] = []
        while true {
            let page = try await store.listCases(query, viewer: viewer)
            cases += page.items
            guard let cursor = page.nextCursor else { return cases }
            query.cursor = cursor
        }
    }
}
