import WangchaoCore
import WangchaoStore

/// Who reinforces a case nobody reached in time (15 分钟增援): the grid team of a neighbouring
/// grid in the same community (the next grid by code after the case's, wrapping round), else
/// the town's governance platform (综治工作平台); never a unit already on the case. Units are
/// found by their kind and area, so imported units with any ids take part.
struct Reinforcement {
    let store: any CaseStore

    func unit(for subject: Case) async throws -> Unit? {
        let chain = try await StoreDirectory(store: store).chain(from: subject.areaCode)
        let involved = Set(subject.involvedUnitIds)
        if let grid = chain.first(where: { $0.level == .grid }), let community = grid.parentCode {
            let siblings = try await store.childAreas(of: community).filter { $0.level == .grid && $0.code != grid.code }.map(\.code)
            for sibling in siblings.filter({ $0 > grid.code }) + siblings.filter({ $0 < grid.code }) {
                if let team = try await store.units(at: sibling, kind: .gridTeam).first(where: { !involved.contains($0.id) }) {
                    return team
                }
            }
        }
        if let town = chain.first(where: { $0.level == .town }) {
            return try await store.units(at: town.code, kind: .platform)
                .first { $0.platform == .governance && !involved.contains($0.id) }
        }
        return nil
    }
}
