import Foundation
import WangchaoCore

/// Evidence files' metadata and their links to cases.
///
/// One of the store's concerns; ``CaseStore`` is all of them. Every write is durable before
/// it returns: callers answer success only after the call.
public protocol AttachmentStore: Sendable {
    /// Records an uploaded file's metadata. Write its bytes first (``AttachmentFiles/store(_:)``):
    /// once this returns, the attachment is acknowledged and may be named by cases.
    ///
    /// Intake and transitions refuse ids that do not name an attachment the actor may see
    /// (`invalid`, field `attachments[i]`) and link the rest to the case, in their transaction.
    func saveAttachment(_ attachment: Attachment) async throws
    /// The attachment with `id`, whoever may see it.
    func attachment(id: String) async throws -> Attachment?
    /// The attachment with `id` if `viewer` may see it (``Access/canSee(_:viewer:referencingCases:)``),
    /// otherwise `nil`: outside one's sight it does not exist.
    func visibleAttachment(id: String, to viewer: Viewer) async throws -> Attachment?
    /// The ids of the attachments linked to a case (named at intake or by any transition), ordered.
    func caseAttachmentIds(caseId: String) async throws -> [String]
}
