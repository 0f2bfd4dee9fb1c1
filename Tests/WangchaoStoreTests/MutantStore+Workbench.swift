import Foundation
import WangchaoCore
import WangchaoStore
import WangchaoTesting

/// The 工作台's rows, with `caseRowsEverythingVisible` (read as the district commander,
/// whoever asks) and `caseRowsWithoutDeadlines` (rows without their deadlines, so every light is off).
extension MutantStore {
    func caseRows(_ query: CaseQuery, viewer: Viewer, limit: Int) async throws -> CaseRowScan {
        switch mutation {
        case .caseRowsEverythingVisible:
            return try await base.caseRows(query, viewer: Fixtures.commander.viewer, limit: limit)
        case .caseRowsWithoutDeadlines:
            var scan = try await base.caseRows(query, viewer: viewer, limit: limit)
            for index in scan.rows.indices { scan.rows[index].deadlines = [] }
            return scan
        default:
            return try await base.caseRows(query, viewer: viewer, limit: limit)
        }
    }
}

/// `urgencyEverythingVisible` (ranked as the district commander, whoever asks),
/// `urgencyLightIgnored` (the light filter dropped) and `urgencyNewestFirst` (each page in
/// filing order, not by urgency).
extension MutantStore {
    func casesByUrgency(_ query: UrgencyQuery, viewer: Viewer) async throws -> UrgencyPage {
        switch mutation {
        case .urgencyEverythingVisible:
            return try await base.casesByUrgency(query, viewer: Fixtures.commander.viewer)
        case .urgencyLightIgnored:
            var query = query
            query.light = nil
            return try await base.casesByUrgency(query, viewer: viewer)
        case .urgencyNewestFirst:
            var page = try await base.casesByUrgency(query, viewer: viewer)
            page.rows.sort { $0.row.createdAt > $1.row.createdAt }
            return page
        default:
            return try await base.casesByUrgency(query, viewer: viewer)
        }
    }
}
