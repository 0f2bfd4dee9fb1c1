import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import WangchaoCore

/// Small files of each kind, and one that only pretends to be a photo.
enum SampleFiles {
    /// A JPEG's start of image and a JFIF marker, padded with `size - 4` more bytes.
    static func jpeg(size: Int = 2048, seed: UInt8 = 0) -> [UInt8] {
        [0xFF, 0xD8, 0xFF, 0xE0] + (0..<max(0, size - 4)).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ Int(seed)) }
    }

    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0x42, count: 64)
    static let pdf: [UInt8] = Array("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n%%EOF\n".utf8)
    /// The start of an x86-64 ELF executable.
    static let elf: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00] + Array(repeating: 0, count: 120)

    /// A `multipart/form-data` body with a text field and, unless `file` is nil, a file part.
    static func multipart(boundary: String, file: [UInt8]?, filename: String = "photo.jpg") -> [UInt8] {
        var body = Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n整改前照片\r\n".utf8)
        if let file {
            body += Array(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(filename)\"\r\nContent-Type: image/jpeg\r\n\r\n"
                    .utf8)
            body += file + Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        return body
    }
}

/// The answer to an upload.
struct UploadedBody: Decodable, Equatable {
    let id: String
    let sha256: String
    let contentType: String
    let size: Int
}

extension TestClientProtocol {
    /// Posts `bytes` to `/api/v1/attachments` as `user`, labelled `contentType`.
    func upload(_ bytes: [UInt8], as user: String, contentType: String? = "application/octet-stream")
        async throws -> TestResponse
    {
        var headers: HTTPFields = [.authorization: "Bearer " + testToken(user)]
        if let contentType { headers[.contentType] = contentType }
        return try await execute(
            uri: "/api/v1/attachments", method: .post, headers: headers, body: ByteBuffer(bytes: bytes))
    }

    /// Uploads `bytes` and returns the answer, expecting 201.
    func uploaded(_ bytes: [UInt8], as user: String) async throws -> UploadedBody {
        let response = try await upload(bytes, as: user)
        guard response.status == .created else {
            throw UploadFailed(status: response.status, body: response.text)
        }
        return try response.decode(UploadedBody.self)
    }
}

struct UploadFailed: Error {
    let status: HTTPResponse.Status
    let body: String
}

/// Every regular file under `folder`, recursively.
func regularFiles(under folder: String) -> [String] {
    guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
    return enumerator.compactMap { $0 as? String }.filter { path in
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory)
            && !isDirectory.boolValue
    }
}
