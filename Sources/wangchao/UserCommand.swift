import ArgumentParser
import WangchaoCore
import WangchaoStore

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage accounts.", subcommands: [Add.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add or update an account.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "Login name (ASCII letters, digits, . _ -).") var username: String
        @Option(help: "One of: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).") var role: String
        @Option(help: "An area code (digits) or a unit id.") var scope: String
        @Option(help: "The name shown to colleagues.") var name: String?
        @Option(help: "The unit the user acts for.") var unit: String?

        func validate() throws {
            guard Role(rawValue: role) != nil else {
                throw ValidationError("未知角色 \(role)；可选：\(Role.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard !username.isEmpty, username.count <= 64,
                username.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) })
            else { throw ValidationError("用户名只能包含 ASCII 字母、数字和 . _ -，最长 64 个字符") }
        }

        func run() async throws {
            let sqlite = try store.openStore()
            let scope = Scope(text: scope)
            switch scope {
            case .area(let code):
                guard try await sqlite.area(code: code) != nil else { throw ValidationError("区域 \(code) 不存在") }
            case .unit(let id):
                guard try await sqlite.unit(id: id) != nil else { throw ValidationError("单位 \(id) 不存在") }
            }
            if let unit, try await sqlite.unit(id: unit) == nil { throw ValidationError("单位 \(unit) 不存在") }
            let user = User(
                username: username, displayName: name ?? username, role: Role(rawValue: role)!, scope: scope,
                unitId: unit ?? scope.unitId)
            try await sqlite.saveUsers([user])
            print("已保存用户 \(username)（\(user.role.chineseName)，范围 \(scope.text)）")
        }
    }
}
