import Foundation
import Metrics
import WangchaoCore
import WangchaoStore

/// Keeps an uploaded file as an attachment: shared by `POST /api/v1/attachments` and the case
/// page's action forms, so both check and store a file the same way.
struct AttachmentKeeper: Sendable {
    let store: any CaseStore
    let files: AttachmentFiles
    let clock: any WangchaoClock

    /// Checks in order: role (403), emptiness (400), size (413), type (415, sniffed from the
    /// bytes; `allowed` narrows it); then the file is made durable before its metadata commits,
    /// so an acknowledged id always has its bytes. `field` names the input in refusals.
    func keep(
        _ bytes: Data, by user: User, field: String = "file", allowed: Set<AttachmentContentType> = Set(AttachmentContentType.allCases)
    ) async throws -> Attachment {
        guard Attachment.allowedRoles.contains(user.role) else {
            throw DomainError.forbidden("\(user.role.chineseName)不能上传附件")
        }
        guard !bytes.isEmpty else { throw DomainError.invalid(field: field, "文件为空") }
        guard bytes.count <= Attachment.maxSize else { throw AttachmentUpload.tooLarge }
        guard let contentType = AttachmentContentType.sniff(bytes), allowed.contains(contentType) else {
            let names = AttachmentContentType.allCases.filter(allowed.contains).map(\.chineseName).joined(separator: "、")
            throw DomainError.unsupportedMediaType("只接受\(names)")
        }
        let sha256 = try await files.store(bytes)
        let attachment = Attachment(
            id: UUID().uuidString.lowercased(), sha256: sha256, contentType: contentType, size: bytes.count,
            uploadedBy: user.username, createdAt: clock.now())
        try await store.saveAttachment(attachment)
        Counter(label: "wangchao_attachments_stored_total", dimensions: [("contentType", contentType.rawValue)]).increment()
        return attachment
    }
}
