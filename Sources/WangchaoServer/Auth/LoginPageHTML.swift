import WangchaoCore

/// The sign-in page, in the web pages' layout (templates `login` and `signed-in`): no script of
/// its own, no inline style (the CSP forbids both), labels in Chinese.
enum LoginPageHTML {
    static func form(csrf: String, username: String = "", next: String? = nil, error: String? = nil) -> String {
        var context: [String: Any] = ["csrf": csrf, "username": username]
        if let next { context["next"] = next }
        if let error { context["error"] = error }
        return PageRenderer.bundled.html(
            template: "login", context: context, frame: PageFrame(title: "登录", mainId: "login").withoutScript())
    }

    static func signedIn(_ user: User, csrf: String) -> String {
        PageRenderer.bundled.html(
            template: "signed-in",
            context: ["name": user.displayName, "username": user.username, "role": user.role.chineseName, "csrf": csrf],
            frame: PageFrame(title: "已登录", mainId: "login", user: user, csrf: csrf).withoutScript())
    }
}
