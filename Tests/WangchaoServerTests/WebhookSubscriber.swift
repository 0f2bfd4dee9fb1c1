import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import WangchaoServer

/// A webhook subscriber on a random local port that answers what the test says (503 while
/// "down", 200 once back) and records every delivery id it received and the ones it accepted.
actor WebhookSubscriber {
    struct Received: Sendable {
        let id: String
        let event: String
        let body: String
        let signatureValid: Bool
        let accepted: Bool
    }

    let secret: String
    private(set) var status: HTTPResponse.Status = .serviceUnavailable
    private(set) var received: [Received] = []

    init(secret: String) { self.secret = secret }

    func answer(_ status: HTTPResponse.Status) { self.status = status }

    /// The ids answered 2xx, in order.
    var acceptedIds: [String] { received.filter(\.accepted).map(\.id) }

    func receive(id: String, event: String, timestamp: String, signature: String, body: String) -> HTTPResponse.Status {
        let valid = WebhookSignature.verify(signature, body: Data(body.utf8), timestamp: timestamp, secret: secret)
        received.append(Received(id: id, event: event, body: body, signatureValid: valid, accepted: status == .ok))
        return status
    }

    /// Runs `body` with the subscriber listening; gives it the url to subscribe.
    func serve(_ body: @Sendable (String) async throws -> Void) async throws {
        let router = Router()
        router.post("/hook") { request, _ -> Response in
            let buffer = try await request.body.collect(upTo: 1 << 20)
            func header(_ name: String) -> String { request.headers[HTTPField.Name(name)!] ?? "" }
            let status = await self.receive(
                id: header("X-Wangchao-Delivery"), event: header("X-Wangchao-Event"),
                timestamp: header("X-Wangchao-Timestamp"), signature: header("X-Wangchao-Signature"),
                body: String(buffer: buffer))
            return Response(status: status)
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            try await body("http://127.0.0.1:\(port)/hook")
        }
    }
}
