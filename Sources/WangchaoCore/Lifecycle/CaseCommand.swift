import Foundation

/// An action with its parameters, as a user submits it.
///
/// Encoded flat, `{"action": "dispatch", "unitId": "…"}`, which is both the API's request shape
/// and the `payload` stored on the history row.
public enum CaseCommand: Sendable, Equatable {
    case accept
    case reject(reason: String)
    case merge(intoCaseId: String)
    case dispatch(unitId: String)
    case sign
    case arrive
    case handle(result: String)
    case verify(pass: Bool)
    case reopen(reason: String)
    case close
    case rate(satisfaction: Int, via: RatingChannel)
    case `return`(reason: String)
    case escalate(reason: String)
    case addCooperator(unitId: String)
    case requestExtension(minutes: Int, reason: String)
    case requestPark(reason: String)
    case requestVoid(reason: String)
    case decide(requestId: Int, grant: Bool)
    case supervise(instruction: String)
    case answerSupervision(answer: String)
    /// System only (SLA scheduler): the light of the `kind` deadline turned `light`.
    case markLight(kind: DeadlineKind, light: Light)
    /// System only: a reminder that the `kind` deadline is at `light`.
    case notify(kind: DeadlineKind, light: Light)
    /// System only: `unitId` joins as reinforcement (协办).
    case reinforce(unitId: String)
    /// An action of a kind defined as data (``CaseKindDefinition``): no parameter but the
    /// transition's note; the kind's table says whether it exists and what it does.
    case step(action: CaseAction)

    public var action: CaseAction {
        switch self {
        case .accept: .accept
        case .reject: .reject
        case .merge: .merge
        case .dispatch: .dispatch
        case .sign: .sign
        case .arrive: .arrive
        case .handle: .handle
        case .verify: .verify
        case .reopen: .reopen
        case .close: .close
        case .rate: .rate
        case .return: .return
        case .escalate: .escalate
        case .addCooperator: .addCooperator
        case .requestExtension: .requestExtension
        case .requestPark: .requestPark
        case .requestVoid: .requestVoid
        case .decide: .decide
        case .supervise: .supervise
        case .answerSupervision: .answerSupervision
        case .markLight: .markLight
        case .notify: .notify
        case .reinforce: .reinforce
        case .step(let action): action
        }
    }

    /// The longest free text a parameter may hold.
    public static let maxTextLength = 2000
    /// The longest extension that can be asked for: 30 days.
    public static let maxExtensionMinutes = 30 * 24 * 60

    /// Checks the parameters' values; the field in the error is the parameter's name.
    public func validate() throws(DomainError) {
        switch self {
        case .accept, .sign, .arrive, .close, .verify, .markLight, .notify, .step:
            return
        case .reject(let text), .reopen(let text), .return(let text), .escalate(let text), .requestPark(let text),
            .requestVoid(let text):
            try Self.requireText(text, field: "reason")
        case .handle(let result): try Self.requireText(result, field: "result")
        case .supervise(let instruction): try Self.requireText(instruction, field: "instruction")
        case .answerSupervision(let answer): try Self.requireText(answer, field: "answer")
        case .merge(let id): try Self.requireText(id, field: "intoCaseId")
        case .dispatch(let id), .addCooperator(let id), .reinforce(let id): try Self.requireText(id, field: "unitId")
        case .rate(let satisfaction, let via):
            guard (1...5).contains(satisfaction) else { throw .invalid(field: "satisfaction", "满意度须为 1 到 5 的整数") }
            // Only the reporter, on the tracking page, rates `via: reporter` (Lifecycle.applyReporterRating).
            guard via != .reporter else {
                throw .invalid(field: "via", "工作人员记录的评价须注明 callback（回访）或 system；报告人请在查询页自行评价")
            }
        case .requestExtension(let minutes, let reason):
            guard (1...Self.maxExtensionMinutes).contains(minutes) else {
                throw .invalid(field: "minutes", "延期分钟数须在 1 到 \(Self.maxExtensionMinutes) 之间")
            }
            try Self.requireText(reason, field: "reason")
        case .decide(let requestId, _):
            guard requestId > 0 else { throw .invalid(field: "requestId", "申请编号无效") }
        }
    }

    private static func requireText(_ text: String, field: String) throws(DomainError) {
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw .invalid(field: field, "\(field) 不能为空")
        }
        if text.count > maxTextLength {
            throw .invalid(field: field, "\(field) 不能超过 \(maxTextLength) 字")
        }
    }
}

extension CaseCommand: Codable {
    private enum CodingKeys: String, CodingKey {
        case action, reason, intoCaseId, unitId, result, pass, satisfaction, via, minutes, requestId, grant
        case instruction, answer, kind, light
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let actionText = try c.decode(String.self, forKey: .action)
        guard let action = CaseAction(rawValue: actionText) else {
            throw DomainError.invalid(field: "action", "未知的操作 \(actionText)")
        }
        guard CaseAction.lifecycle.contains(action) else {
            self = .step(action: action)
            return
        }
        switch action {
        case .accept: self = .accept
        case .reject: self = .reject(reason: try c.decode(String.self, forKey: .reason))
        case .merge: self = .merge(intoCaseId: try c.decode(String.self, forKey: .intoCaseId))
        case .dispatch: self = .dispatch(unitId: try c.decode(String.self, forKey: .unitId))
        case .sign: self = .sign
        case .arrive: self = .arrive
        case .handle: self = .handle(result: try c.decode(String.self, forKey: .result))
        case .verify: self = .verify(pass: try c.decode(Bool.self, forKey: .pass))
        case .reopen: self = .reopen(reason: try c.decode(String.self, forKey: .reason))
        case .close: self = .close
        case .rate:
            self = .rate(
                satisfaction: try c.decode(Int.self, forKey: .satisfaction),
                via: try c.decodeIfPresent(RatingChannel.self, forKey: .via) ?? .callback)
        case .return: self = .return(reason: try c.decode(String.self, forKey: .reason))
        case .escalate: self = .escalate(reason: try c.decode(String.self, forKey: .reason))
        case .addCooperator: self = .addCooperator(unitId: try c.decode(String.self, forKey: .unitId))
        case .requestExtension:
            self = .requestExtension(
                minutes: try c.decode(Int.self, forKey: .minutes), reason: try c.decode(String.self, forKey: .reason))
        case .requestPark: self = .requestPark(reason: try c.decode(String.self, forKey: .reason))
        case .requestVoid: self = .requestVoid(reason: try c.decode(String.self, forKey: .reason))
        case .decide:
            self = .decide(requestId: try c.decode(Int.self, forKey: .requestId), grant: try c.decode(Bool.self, forKey: .grant))
        case .supervise: self = .supervise(instruction: try c.decode(String.self, forKey: .instruction))
        case .answerSupervision: self = .answerSupervision(answer: try c.decode(String.self, forKey: .answer))
        case .markLight:
            self = .markLight(kind: try c.decode(DeadlineKind.self, forKey: .kind), light: try c.decode(Light.self, forKey: .light))
        case .notify:
            self = .notify(kind: try c.decode(DeadlineKind.self, forKey: .kind), light: try c.decode(Light.self, forKey: .light))
        case .reinforce: self = .reinforce(unitId: try c.decode(String.self, forKey: .unitId))
        default: self = .step(action: action)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(action, forKey: .action)
        switch self {
        case .accept, .sign, .arrive, .close, .step: break
        case .reject(let reason), .reopen(let reason), .return(let reason), .escalate(let reason),
            .requestPark(let reason), .requestVoid(let reason):
            try c.encode(reason, forKey: .reason)
        case .merge(let id): try c.encode(id, forKey: .intoCaseId)
        case .dispatch(let id), .addCooperator(let id), .reinforce(let id): try c.encode(id, forKey: .unitId)
        case .handle(let result): try c.encode(result, forKey: .result)
        case .verify(let pass): try c.encode(pass, forKey: .pass)
        case .rate(let satisfaction, let via):
            try c.encode(satisfaction, forKey: .satisfaction)
            try c.encode(via, forKey: .via)
        case .requestExtension(let minutes, let reason):
            try c.encode(minutes, forKey: .minutes)
            try c.encode(reason, forKey: .reason)
        case .decide(let requestId, let grant):
            try c.encode(requestId, forKey: .requestId)
            try c.encode(grant, forKey: .grant)
        case .supervise(let instruction): try c.encode(instruction, forKey: .instruction)
        case .answerSupervision(let answer): try c.encode(answer, forKey: .answer)
        case .markLight(let kind, let light), .notify(let kind, let light):
            try c.encode(kind, forKey: .kind)
            try c.encode(light, forKey: .light)
        }
    }
}
