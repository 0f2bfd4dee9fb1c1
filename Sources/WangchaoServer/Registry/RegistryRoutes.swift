import Foundation
import Hummingbird
import WangchaoCore
import WangchaoStore

/// The holographic view (全息档案): a standard address with the people, enterprises,
/// facilities and cases at it; a person's or enterprise's record with its address and cases.
///
/// Seen by whoever sees the address's micro-grid: the whole district for commanders,
/// administrators and observers, otherwise an area scope holding it; for anyone else the
/// place does not exist (404), as with cases. A record without a standard address is seen by
/// the whole-district roles only.
struct RegistryRoutes {
    let store: any CaseStore
    let clock: any WangchaoClock
    let sla: SLASettings

    /// Cases within this distance of the address's point are "near" it.
    static let nearMetres = 50.0
    /// At most this many of each kind of record, and of cases, in one answer.
    static let listLimit = 200

    var routes: [Route] {
        [
            Route(.get, "/api/v1/addresses/{addressCode}", .anyRole, address).readingPersonalData(),
            Route(.get, "/api/v1/people/{personId}", .anyRole, person).readingPersonalData(),
            Route(.get, "/api/v1/enterprises/{enterpriseId}", .anyRole, enterprise).readingPersonalData(),
        ]
    }

    @Sendable func address(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        let viewer = try context.requireUser()
        let code = try context.parameters.require("addressCode")
        guard let address = try await store.standardAddress(code: code), RepeatVisibility.seesArea(address.microGridCode, viewer)
        else { throw DomainError.notFound("标准地址 \(code) 不存在") }
        let registry = try await store.registry(atAddress: code, limit: Self.listLimit)
        return try JSONResponse.make(
            AddressProfileView(
                address: address, areaChain: try await areaChain(from: address.microGridCode),
                people: registry.people.map(PersonView.init), enterprises: registry.enterprises.map(EnterpriseView.init),
                facilities: registry.facilities, cases: try await cases(at: address, viewer: viewer)))
    }

    @Sendable func person(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        let viewer = try context.requireUser()
        let id = try context.parameters.require("personId")
        guard let person = try await store.person(id: id), let seen = try await placeSeen(code: person.addressCode, by: viewer)
        else { throw DomainError.notFound("人员 \(id) 不存在") }
        return try JSONResponse.make(RegistryRecordView(record: PersonView(person), address: seen.address, cases: seen.cases))
    }

    @Sendable func enterprise(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        let viewer = try context.requireUser()
        let id = try context.parameters.require("enterpriseId")
        guard let enterprise = try await store.enterprise(id: id), let seen = try await placeSeen(code: enterprise.addressCode, by: viewer)
        else { throw DomainError.notFound("企业 \(id) 不存在") }
        return try JSONResponse.make(RegistryRecordView(record: EnterpriseView(enterprise), address: seen.address, cases: seen.cases))
    }

    /// The record's address and its cases when `viewer` sees the place; nil when not.
    private func placeSeen(code: String?, by viewer: User) async throws -> (address: StandardAddress?, cases: [NearbyCaseView])? {
        guard let code, let address = try await store.standardAddress(code: code) else {
            return RepeatVisibility.seesArea(nil, viewer) ? (nil, []) : nil
        }
        guard RepeatVisibility.seesArea(address.microGridCode, viewer) else { return nil }
        return (address, try await cases(at: address, viewer: viewer))
    }

    /// Cases at or near `address` that `viewer` may see.
    private func cases(at address: StandardAddress, viewer: User) async throws -> [NearbyCaseView] {
        let lights = CaseView.Lights(now: clock.now(), calendar: sla.calendar)
        return try await store.casesNear(
            addressCode: address.code, lat: address.lat, lng: address.lng, radiusMetres: Self.nearMetres, limit: Self.listLimit
        ).filter { Access.canSee($0, user: viewer) }.map { NearbyCaseView($0, address: address, lights: lights) }
    }

    /// The micro-grid and its ancestors up to the district; stops where an area is missing.
    private func areaChain(from code: String) async throws -> [AreaLink] {
        var chain: [AreaLink] = []
        var next: String? = code
        while let current = next, chain.count < 10, let area = try await store.area(code: current) {
            chain.append(AreaLink(code: area.code, name: area.name, level: area.level))
            next = area.parentCode
        }
        return chain
    }
}
