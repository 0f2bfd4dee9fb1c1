import Foundation
import Hummingbird
import NIOCore

/// `/assets/app.css` and `/assets/app.js`: the hand-written stylesheet and script of the web
/// pages, shipped as resources and read once. No CDN, no external URL: the intranet is offline.
struct AssetRoutes {
    struct Asset: Sendable {
        let contentType: String
        let bytes: ByteBuffer
    }

    static let bundled: [String: Asset] = {
        let directory = Bundle.module.resourceURL!.appendingPathComponent("assets")
        var assets: [String: Asset] = [:]
        for (name, type) in [("app.css", "text/css; charset=utf-8"), ("app.js", "text/javascript; charset=utf-8")] {
            let data = (try? Data(contentsOf: directory.appendingPathComponent(name))) ?? Data()
            assets[name] = Asset(contentType: type, bytes: ByteBuffer(bytes: data))
        }
        return assets
    }()

    var routes: [Route] {
        [
            Route(.get, "/assets/app.css", .public, serve("app.css")),
            Route(.get, "/assets/app.js", .public, serve("app.js")),
            // The sign-in page's old address; the same stylesheet now.
            Route(.get, "/assets/login.css", .public, serve("app.css")),
        ]
    }

    func serve(_ name: String) -> Route.Handler {
        { _, _ in
            guard let asset = Self.bundled[name] else { return Response(status: .notFound) }
            return Response(
                status: .ok, headers: [.contentType: asset.contentType, .cacheControl: "public, max-age=300"],
                body: .init(byteBuffer: asset.bytes))
        }
    }
}
