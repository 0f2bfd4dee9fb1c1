import Foundation
import WangchaoCore

/// The body of `POST /cases/{id}/transitions`: `{action, version, note, attachments, …parameters}`.
struct TransitionBody: Decodable {
    let input: TransitionInput

    private enum CodingKeys: String, CodingKey { case version, note, attachments }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let command = try CaseCommand(from: decoder)
        input = TransitionInput(
            command: command,
            expectedVersion: try container.decode(Int.self, forKey: .version),
            note: try container.decodeIfPresent(String.self, forKey: .note),
            attachments: try container.decodeIfPresent([String].self, forKey: .attachments) ?? [])
    }
}

/// Just the action of a transition body, read before the full body so that a role that may
/// never take the action is refused (403) before the body is judged (400).
struct ActionPeek: Decodable {
    let action: String?
}

extension TransitionBody: StrictBody {
    /// The fields every transition may carry.
    static let knownFields: Set<String> = ["version", "note", "attachments"]

    /// The common fields plus the parameters of the action asked for, read from the command's
    /// own encoding (`{"action", …parameters}`), so a parameter of another action is refused.
    static func knownFields(of value: TransitionBody) -> Set<String> {
        guard let data = try? JSONEncoder().encode(value.input.command),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return knownFields }
        return knownFields.union(object.keys)
    }
}
