import ArgumentParser
import Foundation
import WangchaoCore
import WangchaoServer
import WangchaoServices
import WangchaoStore

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage accounts.",
        subcommands: [Add.self, Passwd.self, Disable.self, Enable.self, HashCost.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an account, or update one, with a password.",
            discussion: "The password is typed twice at a terminal, or read from one line of standard input with --password-stdin.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "Login name (ASCII letters, digits, . _ -).") var username: String
        @Option(help: "One of: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).") var role: String
        @Option(help: "An area code (digits) or a unit id.") var scope: String
        @Option(name: [.customLong("display-name"), .customLong("name")], help: "The name shown to colleagues.")
        var displayName: String?
        @Option(help: "The unit the user acts for.") var unit: String?
        @Flag(help: "Read the password from one line of standard input.") var passwordStdin = false

        func validate() throws {
            guard Role(rawValue: role) != nil else {
                throw ValidationError("未知角色 \(role)；可选：\(Role.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            do { try Username.validate(username) } catch { throw ValidationError(error.message) }
        }

        func run() async throws {
            let sqlite = try store.openStore()
            let scope = Scope(text: scope)
            do {
                try await sqlite.checkPlacement(scope: scope, unitId: unit)
            } catch let error as DomainError {
                throw ValidationError(error.message)
            }
            let password = try PasswordInput.read(fromStandardInput: passwordStdin)
            let hash = try PasswordHasher(parameters: try PasswordCost.fromEnvironment()).hashNow(password)
            let user = User(
                username: username, displayName: displayName ?? username, role: Role(rawValue: role)!, scope: scope,
                unitId: unit ?? scope.unitId)
            try await CommandAudit.run("user add \(username)") {
                try await sqlite.saveUsers([user])
                try await sqlite.setPasswordHash(hash, for: [username])
            }
            print("已保存用户 \(username)（\(user.role.chineseName)，范围 \(scope.text)）")
        }
    }

    struct Passwd: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set an account's password; its sessions and tokens end.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "Login name.") var username: String
        @Flag(help: "Read the password from one line of standard input.") var passwordStdin = false

        func run() async throws {
            let sqlite = try store.openStore()
            guard try await sqlite.user(username: username) != nil else { throw ValidationError("用户 \(username) 不存在") }
            let password = try PasswordInput.read(fromStandardInput: passwordStdin)
            let hash = try PasswordHasher(parameters: try PasswordCost.fromEnvironment()).hashNow(password)
            try await CommandAudit.run("user passwd \(username)") {
                try await sqlite.setPasswordHash(hash, for: [username])
            }
            print("已为 \(username) 设置新密码，原有登录已全部失效")
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable an account; its sessions and tokens end.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "Login name.") var username: String

        func run() async throws {
            try await UserCommand.setDisabled(true, username: username, store: store)
            print("已停用用户 \(username)，原有登录已全部失效")
        }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enable a disabled account again.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "Login name.") var username: String

        func run() async throws {
            try await UserCommand.setDisabled(false, username: username, store: store)
            print("已启用用户 \(username)")
        }
    }

    /// Prints how long one hash takes with the given cost, to choose `WANGCHAO_SCRYPT` for a machine.
    struct HashCost: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "hash-cost", abstract: "Time one password hash (scrypt) on this machine.")

        @Option(help: "log2 of N.") var logN = ScryptParameters.production.logN
        @Option(help: "Block size r.") var r = ScryptParameters.production.r
        @Option(help: "Parallelism p.") var p = ScryptParameters.production.p
        @Option(help: "Hashes to time.") var count = 5

        func run() async throws {
            guard let parameters = ScryptParameters(text: "ln=\(logN),r=\(r),p=\(p)") else {
                throw ValidationError("参数超出范围（ln 1–20，r 1–32，p 1–16）")
            }
            let hasher = PasswordHasher(parameters: parameters)
            var times: [Double] = []
            for _ in 0..<max(1, count) {
                let start = ContinuousClock.now
                _ = try hasher.hashNow("wangchao-demo")
                times.append((ContinuousClock.now - start).seconds * 1000)
            }
            let memory = 128 * (1 << logN) * r * p / (1024 * 1024)
            print(
                "scrypt \(parameters)：约 \(memory) MiB，每次 \(times.map { String(format: "%.1f", $0) }.joined(separator: " / ")) 毫秒（中位数 \(String(format: "%.1f", times.sorted()[times.count / 2])) 毫秒）"
            )
        }
    }

    private static func setDisabled(_ disabled: Bool, username: String, store: StoreOptions) async throws {
        let sqlite = try store.openStore()
        guard var user = try await sqlite.user(username: username) else { throw ValidationError("用户 \(username) 不存在") }
        user.disabled = disabled
        let updated = user
        try await CommandAudit.run("user \(disabled ? "disable" : "enable") \(username)") {
            try await sqlite.saveUsers([updated])
            if disabled { try await sqlite.deleteSessions(username: username) }
        }
    }
}
