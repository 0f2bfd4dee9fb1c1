import Foundation
import Hummingbird
import WangchaoAddress
import WangchaoCore
import WangchaoStore

/// The unified address base: free text → the standard address it means.
struct AddressRoutes {
    let store: any CaseStore

    /// The longest query accepted; an address is far shorter, and parsing cost grows with length.
    static let maxQueryLength = 200

    var routes: [Route] {
        [Route(.get, "/api/v1/addresses/match", .anyRole, match)]
    }

    /// `?q=` free text → `{matched, reason, score, best, runnersUp}`; 400 (field `q`) when
    /// empty or longer than ``maxQueryLength``. No match is still a 200 with `matched: false`.
    @Sendable func match(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        _ = try context.requireUser()
        let query = (request.uri.queryParameters["q"].map(String.init) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !query.isEmpty else { throw DomainError.invalid(field: "q", "请填写要匹配的地址") }
        guard query.count <= Self.maxQueryLength else {
            throw DomainError.invalid(field: "q", "地址过长（最多 \(Self.maxQueryLength) 字）")
        }
        // The gazetteer is loaded once per process, on the first match.
        let matcher = try AddressMatcher(homeDistrictCode: try await store.rootArea()?.code)
        let result = try await matcher.match(query) { probes, limit in
            try await store.standardAddressCandidates(probes, limit: limit)
        }
        return try JSONResponse.make(result)
    }
}
