import WangchaoCore

/// The markup of the sign-in page: no script, no inline style (the CSP forbids both), labels in Chinese.
enum LoginPageHTML {
    static func form(csrf: String, username: String = "", error: String? = nil) -> String {
        page(
            """
            <h1>望潮 · 登录</h1>
            \(error.map { #"<p class="error" role="alert">\#(escape($0))</p>"# } ?? "")
            <form method="post" action="/login">
              <input type="hidden" name="csrf" value="\(escape(csrf))">
              <label for="username">用户名</label>
              <input id="username" name="username" autocomplete="username" required autofocus value="\(escape(username))">
              <label for="password">密码</label>
              <input id="password" name="password" type="password" autocomplete="current-password" required>
              <button type="submit">登录</button>
            </form>
            """)
    }

    static func signedIn(_ user: User, csrf: String) -> String {
        page(
            """
            <h1>望潮</h1>
            <p>已登录：\(escape(user.displayName))（\(escape(user.username))，\(user.role.chineseName)）</p>
            <form method="post" action="/logout">
              <input type="hidden" name="csrf" value="\(escape(csrf))">
              <button type="submit">退出登录</button>
            </form>
            """)
    }

    private static func page(_ body: String) -> String {
        """
        <!doctype html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>登录 · 望潮基层治理平台</title>
        <link rel="stylesheet" href="/assets/login.css">
        </head>
        <body>
        <main>
        \(body)
        </main>
        </body>
        </html>
        """
    }

    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    static let stylesheet = """
        body { font-family: system-ui, "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif;
          background: #f3f5f8; margin: 0; }
        main { max-width: 22rem; margin: 12vh auto; background: #fff; padding: 2rem; border-radius: 8px;
          box-shadow: 0 2px 12px rgba(0, 0, 0, .08); }
        h1 { font-size: 1.4rem; margin: 0 0 1.2rem; }
        label { display: block; margin: .8rem 0 .3rem; }
        input { width: 100%; box-sizing: border-box; padding: .55rem; font-size: 1rem; }
        button { margin-top: 1.2rem; width: 100%; padding: .6rem; font-size: 1rem; background: #1f5fa8; color: #fff;
          border: 0; border-radius: 4px; }
        .error { color: #b3261e; }
        """
}
