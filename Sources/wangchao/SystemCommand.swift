import ArgumentParser
import Foundation
import WangchaoCore
import WangchaoServer
import WangchaoStore

/// `wangchao system …`: the registry of integrating systems shared by Open311, connectors and
/// webhooks.
struct SystemCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "system", abstract: "Manage integrating systems (Open311 clients, connectors) and their api_keys.",
        subcommands: [Add.self, List.self, Disable.self, Enable.self, Webhook.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register a system and print its api_key (shown this once; only its hash is kept).")

        @OptionGroup var store: StoreOptions
        @Argument(help: "The system's id, e.g. hotline-12345 (ASCII letters, digits, . _ -).") var name: String
        @Option(name: .customLong("display-name"), help: "The name shown to administrators.") var displayName: String?

        func run() async throws {
            let sqlite = try store.openStore()
            let system = IntegrationSystem(id: name, name: displayName ?? name, createdAt: Date())
            let key = APIKey.generate()
            do {
                try await CommandAudit.run("system add \(name)") {
                    try await sqlite.addSystem(system, apiKeyHash: APIKey.hash(key))
                }
            } catch let error as DomainError {
                throw ValidationError(error.message)
            }
            Console.line("已登记系统 \(name)。api_key（只显示这一次，请妥善保存）：")
            print(key)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List registered systems.")
        @OptionGroup var store: StoreOptions

        func run() async throws {
            for system in try await store.openStore().listSystems() {
                print("\(system.id)\t\(system.name)\t\(system.disabled ? "已停用" : "启用")")
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable a system: its api_key is refused at once.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The system's id.") var name: String

        func run() async throws {
            try await SystemCommand.setDisabled(true, name, store)
            print("已停用系统 \(name)")
        }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enable a disabled system again.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The system's id.") var name: String

        func run() async throws {
            try await SystemCommand.setDisabled(false, name, store)
            print("已启用系统 \(name)")
        }
    }

    struct Webhook: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Subscribe a system to webhook events; prints the signing secret when it is generated.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The system's id.") var name: String
        @Option(help: "Where events are posted (http or https).") var url: String
        @Option(help: "Comma-separated: case.created, case.transition, case.alert.")
        var events = WebhookEventType.allCases.map(\.rawValue).sorted().joined(separator: ",")
        @Option(help: "The HMAC-SHA256 secret (16–200 characters); generated when omitted.") var secret: String?

        func run() async throws {
            let sqlite = try store.openStore()
            let generated = secret == nil ? WebhookSignature.generateSecret() : nil
            do {
                let subscription = WebhookSubscription(
                    systemId: name, url: url,
                    events: try WebhookSubscription.eventTypes(events.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }),
                    secret: secret ?? generated ?? "", updatedAt: Date())
                try await CommandAudit.run("system webhook \(name)") { try await sqlite.saveWebhookSubscription(subscription) }
            } catch let error as DomainError {
                throw ValidationError(error.message)
            }
            Console.line("已为系统 \(name) 设置回调 \(url)")
            if let generated {
                Console.line("签名密钥（只显示这一次，请妥善保存）：")
                print(generated)
            }
        }
    }

    static func setDisabled(_ disabled: Bool, _ name: String, _ store: StoreOptions) async throws {
        let sqlite = try store.openStore()
        do {
            _ = try await CommandAudit.run("system \(disabled ? "disable" : "enable") \(name)") {
                try await sqlite.setSystemDisabled(id: name, disabled)
            }
        } catch let error as DomainError {
            throw ValidationError(error.message)
        }
    }
}
