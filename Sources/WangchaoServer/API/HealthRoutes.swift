import Hummingbird
import WangchaoStore

/// `GET /api/v1/healthz`: answers 200 when the database answers; for load balancers and probes.
struct HealthRoutes {
    let store: any CaseStore

    func register(on group: RouterGroup<WangchaoRequestContext>) {
        group.get("healthz") { _, _ in
            _ = try await store.rootArea()
            return try JSONResponse.make(["status": "ok"])
        }
    }
}
