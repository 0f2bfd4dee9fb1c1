import Foundation
import Hummingbird
import Logging
import Metrics
import WangchaoCore
import WangchaoGeo
import WangchaoServices
import WangchaoStore

/// `/api/v1/connector`: the way in and out for connected systems (the 12345 platform, 110
/// linkage, departments' business systems), authenticated by their api_key in `X-API-Key`.
///
/// Each record carries the system's own id: sending it again is idempotent, sending changed
/// content updates the case, and the status feed tells the system how its cases move.
struct ConnectorRoutes {
    let store: any CaseStore
    let intakes: IntakeService
    let records: ExternalRecordService
    let clock: any WangchaoClock
    let categories: CategoryCatalog

    static let maxBatch = 500
    static let maxFeed = 1000

    var routes: [Route] {
        [
            Route(.put, "/api/v1/connector/records/{recordId}", .system, putRecord),
            Route(.post, "/api/v1/connector/batch", .system, batch),
            Route(.get, "/api/v1/connector/records/{recordId}", .system, showRecord),
            Route(.get, "/api/v1/connector/changes", .system, changes),
        ]
    }

    /// The intake body of `POST /cases`; answers 201 when the record made a case, 200 otherwise.
    @Sendable func putRecord(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        let system = try context.requireSystem()
        let recordId = try Self.recordId(in: context)
        let submission = try await APIJSON.decodeStrictBody(IntakeSubmission.self, from: request)
        let result = try await upsert(submission, recordId: recordId, system: system)
        return try JSONResponse.make(
            RecordResultView(recordId: recordId, result: result), status: result.outcome == .created ? .created : .ok)
    }

    /// `{records: [{recordId, record: <intake>}]}`, at most 500: each record on its own, so one
    /// bad record is reported with its error and the others still go in.
    @Sendable func batch(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        let system = try context.requireSystem()
        let body = try await APIJSON.decodeStrictBody(BatchBody.self, from: request)
        guard (1...Self.maxBatch).contains(body.records.count) else {
            throw DomainError.invalid(field: "records", "每批 1 到 \(Self.maxBatch) 条记录")
        }
        var results: [BatchResultView] = []
        for (index, item) in body.records.enumerated() {
            do {
                let result = try await upsert(item.record, recordId: item.recordId, system: system)
                results.append(.init(index: index, recordId: item.recordId, result: RecordResultView(recordId: item.recordId, result: result), error: nil))
            } catch let error as DomainError {
                let field = error.field.map { $0 == "recordId" ? "records[\(index)].recordId" : "records[\(index)].record.\($0)" }
                results.append(
                    .init(index: index, recordId: item.recordId, result: nil, error: .init(code: error.code.rawValue, field: field, message: error.message)))
            }
        }
        return try JSONResponse.make(BatchView(results: results))
    }

    /// The case a record became, as its progress: state and public steps.
    @Sendable func showRecord(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        let system = try context.requireSystem()
        let recordId = try Self.recordId(in: context)
        guard let subject = try await store.externalRecord(recordId: recordId, systemId: system.id) else {
            throw DomainError.notFound("记录 \(recordId) 不存在")
        }
        let history = try await store.history(caseId: subject.id)
        let categoryName = categories[subject.category]?.name ?? subject.category
        let steps = history.compactMap { transition in
            PublicProgress.phrase(for: transition, categoryName: categoryName, unitName: { _ in nil }).map {
                StepView(at: transition.at, state: transition.toState, text: $0)
            }
        }
        return try JSONResponse.make(
            RecordStatusView(
                recordId: recordId, caseId: subject.id, number: subject.number, state: subject.state,
                stateName: subject.state.chineseName, updatedAt: subject.updatedAt, steps: steps))
    }

    /// `?after=SEQ&limit=` (1–1000, default 100): the system's cases' steps after `after`,
    /// oldest first; `nextAfter` resumes.
    @Sendable func changes(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        let system = try context.requireSystem()
        let parameters = request.uri.queryParameters
        var after: Int64 = 0
        if let text = parameters["after"], !text.isEmpty {
            guard let value = Int64(text), value >= 0 else { throw DomainError.invalid(field: "after", "after 须为非负整数") }
            after = value
        }
        var limit = 100
        if let text = parameters["limit"], !text.isEmpty {
            guard let value = Int(text), (1...Self.maxFeed).contains(value) else {
                throw DomainError.invalid(field: "limit", "limit 须为 1 到 \(Self.maxFeed) 的整数")
            }
            limit = value
        }
        let items = try await store.externalChanges(systemId: system.id, after: after, limit: limit)
        return try JSONResponse.make(ChangesView(items: items, nextAfter: items.last?.seq ?? after))
    }

    /// The `{recordId}` of the path, percent-decoded: the router hands path parameters over as
    /// sent, and `工单 1` must be the same record whether it arrives in a path or in a batch body.
    static func recordId(in context: WangchaoRequestContext) throws -> String {
        let raw = try context.parameters.require("recordId")
        return raw.removingPercentEncoding ?? raw
    }

    private func upsert(_ submission: IntakeSubmission, recordId: String, system: IntegrationSystem) async throws
        -> ExternalUpsert
    {
        try ExternalChange.validate(recordId: recordId)
        let prepared = try await intakes.prepare(submission)
        let result = try await records.upsert(prepared, recordId: recordId, from: system, at: clock.now())
        Counter(label: "wangchao_connector_records_total", dimensions: [("system", system.id), ("outcome", result.outcome.rawValue)])
            .increment()
        return result
    }
}

struct BatchBody: Decodable, StrictBody {
    struct Item: Decodable {
        let recordId: String
        let record: IntakeSubmission
    }

    let records: [Item]
    static let knownFields: Set<String> = ["records"]
}

struct RecordResultView: Encodable {
    let recordId: String
    let outcome: ExternalUpsert.Outcome
    let caseId: String
    let number: String
    let state: CaseState
    /// For the system to hand on to the reporter, who follows the case on the tracking page.
    let trackingCode: String

    init(recordId: String, result: ExternalUpsert) {
        self.recordId = recordId
        outcome = result.outcome
        caseId = result.case.id
        number = result.case.number
        state = result.case.state
        trackingCode = result.case.trackingCode
    }
}

struct BatchResultView: Encodable {
    struct ErrorView: Encodable {
        let code: String
        let field: String?
        let message: String
    }

    let index: Int
    let recordId: String
    let result: RecordResultView?
    let error: ErrorView?
}

struct BatchView: Encodable {
    let results: [BatchResultView]
}

struct StepView: Encodable {
    let at: Date
    let state: CaseState
    let text: String
}

struct RecordStatusView: Encodable {
    let recordId: String
    let caseId: String
    let number: String
    let state: CaseState
    let stateName: String
    let updatedAt: Date
    let steps: [StepView]
}

struct ChangesView: Encodable {
    let items: [ExternalChange]
    let nextAfter: Int64
}
