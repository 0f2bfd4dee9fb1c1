import Foundation
import Hummingbird
import NIOCore

/// `/assets/…`: the hand-written stylesheet, the scripts and the icon of the web pages, shipped
/// as resources and read once. No CDN, no external URL: the intranet is offline.
struct AssetRoutes {
    struct Asset: Sendable {
        let contentType: String
        let bytes: ByteBuffer
    }

    static let bundled: [String: Asset] = {
        let directory = Bundle.module.resourceURL!.appendingPathComponent("assets")
        var assets: [String: Asset] = [:]
        for (name, type) in Self.types {
            let data = (try? Data(contentsOf: directory.appendingPathComponent(name))) ?? Data()
            assets[name] = Asset(contentType: type, bytes: ByteBuffer(bytes: data))
        }
        return assets
    }()

    static let types: KeyValuePairs<String, String> = [
        "app.css": "text/css; charset=utf-8",
        "app.js": "text/javascript; charset=utf-8",
        "cockpit.js": "text/javascript; charset=utf-8",
        "favicon.svg": "image/svg+xml",
    ]

    var routes: [Route] {
        Self.types.map { name, _ in Route(.get, "/assets/\(name)", .public, serve(name)) } + [
            // The sign-in page's old address; the same stylesheet now.
            Route(.get, "/assets/login.css", .public, serve("app.css")),
            // Browsers ask for it on any page they show, JSON included.
            Route(.get, "/favicon.ico", .public, serve("favicon.svg")),
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
