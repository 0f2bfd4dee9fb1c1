import Foundation
import WangchaoCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A `multipart/form-data` body (RFC 7578) split into its parts, as browsers post a form with a
/// file input. Held in memory: uploads are capped at ``Attachment/maxSize`` before parsing.
///
/// ```swift
/// let boundary = try MultipartForm.boundary(in: "multipart/form-data; boundary=XyZ")
/// let form = try MultipartForm(parsing: bytes, boundary: boundary)
/// let photo = form.filePart?.body
/// ```
struct MultipartForm: Sendable {
    /// One part: its `Content-Disposition` names and the bytes between the delimiters.
    struct Part: Sendable {
        var name: String?
        /// Present for a file input, even when the browser sends it empty.
        var filename: String?
        /// As the client labelled it; informative only, attachments are sniffed.
        var contentType: String?
        var body: ArraySlice<UInt8>
    }

    let parts: [Part]

    /// The first part that carries a file.
    var filePart: Part? { parts.first { $0.filename != nil } }

    /// Whether a `Content-Type` header value announces a multipart form.
    static func isMultipart(_ contentType: String) -> Bool {
        contentType.lowercased().hasPrefix("multipart/form-data")
    }

    /// The `boundary` parameter of a `multipart/form-data` content type.
    static func boundary(in contentType: String) throws(DomainError) -> String {
        let parameters = HeaderParameters.parse(contentType)
        guard let boundary = parameters["boundary"], (1...70).contains(boundary.utf8.count) else {
            throw .malformed("multipart/form-data 请求缺少 boundary 参数")
        }
        return boundary
    }

    /// Splits `bytes` at `--boundary` lines. A preamble before the first delimiter and an
    /// epilogue after the closing one are ignored, as the RFC asks.
    init(parsing bytes: [UInt8], boundary: String) throws(DomainError) {
        let malformed = DomainError.malformed("multipart/form-data 请求体格式不正确")
        let delimiter = Array("--\(boundary)".utf8)
        let crlf: [UInt8] = [13, 10]
        // The first delimiter starts the body or follows a CRLF that ends the preamble.
        var position: Int
        if bytes.starts(with: delimiter) {
            position = delimiter.count
        } else if let found = Self.find(crlf + delimiter, in: bytes, from: 0) {
            position = found + 2 + delimiter.count
        } else {
            throw malformed
        }
        var parts: [Part] = []
        while true {
            if bytes[position...].starts(with: [45, 45]) { break }  // "--": the closing delimiter
            while position < bytes.count, bytes[position] == 32 || bytes[position] == 9 { position += 1 }
            guard bytes[position...].starts(with: crlf) else { throw malformed }
            position += 2
            let headerEnd: Int
            let bodyStart: Int
            if bytes[position...].starts(with: crlf) {
                headerEnd = position
                bodyStart = position + 2
            } else {
                guard let end = Self.find(crlf + crlf, in: bytes, from: position) else { throw malformed }
                headerEnd = end
                bodyStart = end + 4
            }
            guard let bodyEnd = Self.find(crlf + delimiter, in: bytes, from: bodyStart) else { throw malformed }
            var part = Part(body: bytes[bodyStart..<bodyEnd])
            let headerText = String(decoding: bytes[position..<headerEnd], as: UTF8.self)
            for line in headerText.split(separator: "\r\n") {
                guard let colon = line.firstIndex(of: ":") else { throw malformed }
                let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
                let value = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
                switch name {
                case "content-disposition":
                    let parameters = HeaderParameters.parse(value)
                    part.name = parameters["name"]
                    part.filename = parameters["filename"]
                case "content-type":
                    part.contentType = value
                default:
                    break
                }
            }
            parts.append(part)
            position = bodyEnd + 2 + delimiter.count
        }
        self.parts = parts
    }

    /// The index where `needle` first occurs in `bytes` at or after `start`: `memchr` finds
    /// each candidate first byte, `memcmp` checks the rest (glibc's `memmem` is not exported to Swift).
    static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, start <= bytes.count else { return nil }
        return bytes.withUnsafeBytes { haystack -> Int? in
            needle.withUnsafeBytes { needle -> Int? in
                guard let base = haystack.baseAddress, let needleBase = needle.baseAddress else { return nil }
                var position = start
                while haystack.count - position >= needle.count {
                    guard let hit = memchr(base + position, Int32(first), haystack.count - position - needle.count + 1)
                    else { return nil }
                    let index = base.distance(to: UnsafeRawPointer(hit))
                    if memcmp(base + index, needleBase, needle.count) == 0 { return index }
                    position = index + 1
                }
                return nil
            }
        }
    }
}
