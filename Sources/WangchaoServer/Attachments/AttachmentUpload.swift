import Foundation
import Hummingbird
import NIOCore
import WangchaoCore

/// Reads the file of `POST /attachments`: the raw body, or the one file part of a
/// `multipart/form-data` body. Either way the size is checked while reading, so a client
/// sending more than the limit is refused (413) without the server holding it all.
enum AttachmentUpload {
    /// Room for a multipart body's delimiters and part headers around a file of the largest size.
    static let multipartOverhead = 64 * 1024

    static func fileBytes(of request: Request) async throws -> Data {
        let contentType = request.headers[.contentType] ?? ""
        guard MultipartForm.isMultipart(contentType) else {
            return Data(try await collect(request.body, declaredLength: declaredLength(of: request), upTo: Attachment.maxSize))
        }
        let boundary = try MultipartForm.boundary(in: contentType)
        let body = try await collect(
            request.body, declaredLength: declaredLength(of: request), upTo: Attachment.maxSize + multipartOverhead)
        let form = try MultipartForm(parsing: body, boundary: boundary)
        guard let file = form.filePart else { throw DomainError.invalid(field: "file", "表单中没有文件") }
        guard file.body.count <= Attachment.maxSize else { throw tooLarge }
        return Data(file.body)
    }

    /// The body's bytes, refusing as soon as more than `limit` arrive (or are announced).
    static func collect(_ body: RequestBody, declaredLength: Int?, upTo limit: Int) async throws -> [UInt8] {
        if let declaredLength, declaredLength > limit { throw tooLarge }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(declaredLength ?? 64 * 1024, limit))
        for try await chunk in body {
            guard bytes.count + chunk.readableBytes <= limit else { throw tooLarge }
            bytes.append(contentsOf: chunk.readableBytesView)
        }
        return bytes
    }

    private static func declaredLength(of request: Request) -> Int? {
        request.headers[.contentLength].flatMap { Int($0) }
    }

    static var tooLarge: DomainError {
        .tooLarge("附件不能超过 \(Attachment.maxSize / 1024 / 1024) MB")
    }
}
