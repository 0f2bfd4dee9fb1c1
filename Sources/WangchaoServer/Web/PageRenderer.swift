import Foundation
import HTTPTypes
import Hummingbird
import Mustache
import NIOCore
import WangchaoCore

/// Renders the web pages: a page template fills the `<main>` of the shared `layout`.
///
/// Templates are resource files (`Resources/templates/*.mustache`), parsed once at start into a
/// `MustacheLibrary`; `{{value}}` escapes HTML, so user text never becomes markup. A page
/// template renders first; its HTML goes into the layout's `{{{body}}}` slot with the title,
/// navigation, the signed-in user and the logout form.
public struct PageRenderer: Sendable {
    let library: MustacheLibrary

    /// The templates shipped with the server, loaded once.
    public static let bundled: PageRenderer = {
        do { return try PageRenderer(directory: bundledTemplatesDirectory()) } catch {
            fatalError("web templates: \(error)")
        }
    }()

    /// Parses every `*.mustache` file in `directory`, named by its file name without extension.
    public init(directory: URL) throws {
        var library = MustacheLibrary()
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
        for file in files where file.pathExtension == "mustache" {
            let text = try String(contentsOf: file, encoding: .utf8)
            try library.register(text, named: file.deletingPathExtension().lastPathComponent)
        }
        self.library = library
    }

    static func bundledTemplatesDirectory() -> URL {
        Bundle.module.resourceURL!.appendingPathComponent("templates")
    }

    /// The page `template` rendered with `context`, inside the layout described by `frame`.
    public func render(
        template: String, context: [String: Any], frame: PageFrame, status: HTTPResponse.Status = .ok
    ) -> Response {
        HTMLResponse.make(html(template: template, context: context, frame: frame), status: status)
    }

    /// The whole document as text (tests and the login page use it directly).
    func html(template: String, context: [String: Any], frame: PageFrame) -> String {
        guard let body = library.render(context, withTemplate: template) else {
            preconditionFailure("no template named \(template)")
        }
        var layout = frame.layoutContext
        layout["body"] = body
        return library.render(layout, withTemplate: "layout") ?? body
    }

    /// A fragment rendered without the layout (e.g. a table body for a partial refresh).
    func fragment(template: String, context: [String: Any]) -> String {
        library.render(context, withTemplate: template) ?? ""
    }
}

/// What the layout needs around a page: its title, the id of its `<main>`, who is signed in
/// (name, role, the CSRF token of the logout form) and a one-off flash message.
public struct PageFrame: Sendable {
    /// The page's own title; the layout appends ` · 望潮`.
    public var title: String
    /// The `id` of `<main>`: `workbench`, `case`, `intake`, `map`, `cockpit`, `login` … The
    /// stylesheet and the browser check rely on these.
    public var mainId: String
    public var user: User?
    public var csrf: String?
    /// A message shown once at the top of the page (after a successful form, say).
    public var flash: String?
    /// The navigation entry to mark as the current page (its path).
    public var current: String?
    /// Whether the page loads `/assets/app.js` (the sign-in page needs no script).
    public var script = true

    public init(
        title: String, mainId: String, user: User? = nil, csrf: String? = nil, flash: String? = nil,
        current: String? = nil
    ) {
        self.title = title
        self.mainId = mainId
        self.user = user
        self.csrf = csrf
        self.flash = flash
        self.current = current
    }

    /// The frame of a signed-in page: the user and session come from the request context.
    public init(
        title: String, mainId: String, context: WangchaoRequestContext, flash: String? = nil, current: String? = nil
    ) {
        self.init(
            title: title, mainId: mainId, user: context.user, csrf: context.session?.csrfToken, flash: flash,
            current: current)
    }

    /// The main navigation: every page links to these four.
    public static let navigation: [(path: String, label: String)] = [
        ("/workbench", "工作台"), ("/intake", "受理登记"), ("/map", "地图"), ("/cockpit", "驾驶舱"),
    ]

    /// This frame, without `/assets/app.js`.
    public func withoutScript() -> PageFrame {
        var frame = self
        frame.script = false
        return frame
    }

    var layoutContext: [String: Any] {
        var context: [String: Any] = [
            "title": title, "mainId": mainId, "script": script,
            "nav": Self.navigation.map { entry -> [String: Any] in
                ["path": entry.path, "label": entry.label, "current": entry.path == (current ?? "")]
            },
        ]
        if let user {
            context["user"] = [
                "name": user.displayName, "username": user.username, "role": user.role.chineseName,
                "csrf": csrf ?? "",
            ] as [String: Any]
        }
        if let flash { context["flash"] = flash }
        return context
    }
}
