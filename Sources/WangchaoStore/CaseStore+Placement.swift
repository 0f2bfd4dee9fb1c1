import WangchaoCore

extension CaseStore {
    /// Checks that an account's scope and unit exist, so a typo does not make an account that
    /// silently sees nothing; shared by `wangchao user add` and the admin API.
    /// - Throws: ``DomainError`` `invalid` naming `scope` or `unitId`.
    public func checkPlacement(scope: Scope, unitId: String?) async throws {
        switch scope {
        case .area(let code):
            guard try await area(code: code) != nil else { throw DomainError.invalid(field: "scope", "区域 \(code) 不存在") }
        case .unit(let id):
            guard try await unit(id: id) != nil else { throw DomainError.invalid(field: "scope", "单位 \(id) 不存在") }
        }
        if let unitId, try await unit(id: unitId) == nil {
            throw DomainError.invalid(field: "unitId", "单位 \(unitId) 不存在")
        }
    }
}
