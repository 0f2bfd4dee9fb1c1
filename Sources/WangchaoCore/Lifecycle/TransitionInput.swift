/// A transition as submitted: the command, the version the user saw, a note and evidence.
public struct TransitionInput: Sendable, Equatable {
    public var command: CaseCommand
    /// The case version the user acted on; a stale one changes nothing (409).
    public var expectedVersion: Int
    public var note: String?
    /// Attachment ids: before/after photos, documents.
    public var attachments: [String]

    public static let maxAttachments = 20

    public init(command: CaseCommand, expectedVersion: Int, note: String? = nil, attachments: [String] = []) {
        self.command = command
        self.expectedVersion = expectedVersion
        self.note = note
        self.attachments = attachments
    }

    /// Checks every field; the error names the first bad one.
    public func validate() throws(DomainError) {
        guard expectedVersion >= 1 else { throw .invalid(field: "version", "version 须为正整数") }
        try command.validate()
        if let note, note.count > CaseCommand.maxTextLength {
            throw .invalid(field: "note", "备注不能超过 \(CaseCommand.maxTextLength) 字")
        }
        guard attachments.count <= Self.maxAttachments else {
            throw .invalid(field: "attachments", "附件不能超过 \(Self.maxAttachments) 个")
        }
        for (index, id) in attachments.enumerated() where id.isEmpty || id.count > 100 {
            throw .invalid(field: "attachments[\(index)]", "附件编号无效")
        }
    }
}
