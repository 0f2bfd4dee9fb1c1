import WangchaoCore

/// What `POST /attachments` answers: the id to name in intake and transitions, and what was
/// stored.
struct AttachmentView: Encodable {
    let id: String
    let sha256: String
    let contentType: String
    let size: Int

    init(_ attachment: Attachment) {
        id = attachment.id
        sha256 = attachment.sha256
        contentType = attachment.contentType.rawValue
        size = attachment.size
    }
}
