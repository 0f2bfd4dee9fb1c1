import Foundation
import Hummingbird
import NIOCore
import WangchaoCore

/// The fields of an `application/x-www-form-urlencoded` body; a repeated name keeps its first value.
struct FormFields {
    private var values: [String: String] = [:]

    init(_ body: String) {
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]), values[name] == nil else { continue }
            values[name] = parts.count == 2 ? Self.decode(parts[1]) ?? "" : ""
        }
    }

    /// The text fields of a `multipart/form-data` form (file parts are not text fields).
    init(_ form: MultipartForm) {
        for part in form.parts where part.filename == nil {
            guard let name = part.name, values[name] == nil else { continue }
            values[name] = String(decoding: part.body, as: UTF8.self)
        }
    }

    subscript(_ name: String) -> String? { values[name] }

    static func isForm(_ request: Request) -> Bool {
        request.headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true
    }

    /// A form with a file input (the case page's forms with photos).
    static func isMultipart(_ request: Request) -> Bool {
        MultipartForm.isMultipart(request.headers[.contentType] ?? "")
    }

    /// The multipart form of `request`, its body collected up to `limit` bytes (413 beyond).
    static func multipart(_ request: inout Request, upTo limit: Int) async throws -> MultipartForm {
        let boundary = try MultipartForm.boundary(in: request.headers[.contentType] ?? "")
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: limit)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw DomainError.tooLarge("表单（含照片）不能超过 \(limit / 1024 / 1024) MB")
        }
        return try MultipartForm(parsing: Array(buffer.readableBytesView), boundary: boundary)
    }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
