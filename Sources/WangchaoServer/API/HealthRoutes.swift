import Hummingbird
import NIOCore
import Prometheus
import WangchaoStore

/// `GET /api/v1/healthz` answers 200 when the database answers, for load balancers and probes;
/// `GET /metrics` prints the Prometheus registry. Both without credentials.
struct HealthRoutes {
    let store: any CaseStore
    let metricsRegistry: PrometheusCollectorRegistry

    var routes: [Route] {
        [
            Route(.get, "/api/v1/healthz", .public, health),
            Route(.get, "/metrics", .public, metrics),
        ]
    }

    @Sendable func health(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        _ = try await store.rootArea()
        return try JSONResponse.make(["status": "ok"])
    }

    @Sendable func metrics(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: metricsRegistry.emitToBuffer())))
    }
}
