import Foundation
import HTTPTypes
import Hummingbird
import WangchaoCore
import WangchaoStore

/// `/api/v1/attachments`: upload evidence (photos, PDFs) and fetch it back.
///
/// The type of a file is sniffed from its bytes, never taken from the client, and it is served
/// with `nosniff`, so an upload can never become a page or a script in someone's browser.
struct AttachmentRoutes {
    let store: any CaseStore
    let files: AttachmentFiles
    let clock: any WangchaoClock

    var routes: [Route] {
        [
            Route(.post, "/api/v1/attachments", .writers, upload),
            Route(.get, "/api/v1/attachments/{id}", .anyRole, download),
        ]
    }

    /// Checks in order: role (403, before reading the body), size (413), type (415); see
    /// ``AttachmentKeeper``.
    @Sendable func upload(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        let user = try context.requireUser()
        guard Attachment.allowedRoles.contains(user.role) else {
            throw DomainError.forbidden("\(user.role.chineseName)不能上传附件")
        }
        let bytes = try await AttachmentUpload.fileBytes(of: request)
        let attachment = try await AttachmentKeeper(store: store, files: files, clock: clock).keep(bytes, by: user)
        var response = try JSONResponse.make(AttachmentView(attachment), status: .created)
        response.headers[.location] = "/api/v1/attachments/\(attachment.id)"
        return response
    }

    @Sendable func download(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try context.parameters.require("id")
        guard let attachment = try await store.visibleAttachment(id: id, to: user.viewer) else {
            throw DomainError.notFound("附件不存在")
        }
        guard files.contains(sha256: attachment.sha256) else { throw MissingAttachmentFile(attachment: attachment) }
        let etag = "\"\(attachment.sha256)\""
        var headers: HTTPFields = [
            .contentType: attachment.contentType.rawValue,
            .contentDisposition: "inline",
            .eTag: etag,
            .cacheControl: "private",
            Self.contentTypeOptions: "nosniff",
        ]
        // The bytes behind an id never change, so a matching ETag needs no body.
        if let ifNoneMatch = request.headers[.ifNoneMatch],
            ifNoneMatch.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == etag })
        {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentLength] = String(attachment.size)
        let body = try await FileIO().loadFile(path: files.path(sha256: attachment.sha256), context: context)
        return Response(status: .ok, headers: headers, body: body)
    }

    static let contentTypeOptions = HTTPField.Name("X-Content-Type-Options")!
}

/// Metadata whose file is gone: the data directory was damaged. Logged as a 500, never shown.
struct MissingAttachmentFile: Error, CustomStringConvertible {
    let attachment: Attachment
    var description: String { "attachment \(attachment.id): file \(attachment.sha256) is missing" }
}
