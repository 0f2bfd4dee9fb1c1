import Testing
import WangchaoCore

@testable import WangchaoServer

@Suite("multipart/form-data parsing")
struct MultipartFormTests {
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test("fields and a file part come apart; the file body keeps CR, LF and boundary look-alikes")
    func goodForm() throws {
        let file: [UInt8] = [0xFF, 0xD8, 0xFF, 0x0D, 0x0A, 0x2D, 0x2D, 0x41, 0x42, 0x0D, 0x0A, 0x00]  // "\r\n--AB\r\n"
        let body =
            Self.bytes(
                "preamble to ignore\r\n--ABC\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n现场照片\r\n"
                    + "--ABC\r\ncontent-disposition: form-data; name=\"file\"; filename=\"a \\\"b\\\"; c.jpg\"\r\n"
                    + "Content-Type: image/jpeg\r\n\r\n") + file + Self.bytes("\r\n--ABC--\r\nepilogue")
        let form = try MultipartForm(parsing: body, boundary: "ABC")
        #expect(form.parts.count == 2)
        #expect(form.parts[0].name == "note")
        #expect(form.parts[0].filename == nil)
        #expect(String(decoding: form.parts[0].body, as: UTF8.self) == "现场照片")
        let part = try #require(form.filePart)
        #expect(part.name == "file")
        #expect(part.filename == "a \"b\"; c.jpg")
        #expect(part.contentType == "image/jpeg")
        #expect(Array(part.body) == file)
    }

    @Test("an empty file part and a part without headers parse")
    func emptyParts() throws {
        let body = Self.bytes(
            "--x\r\nContent-Disposition: form-data; name=file; filename=\"\"\r\n\r\n\r\n--x\r\n\r\nbare\r\n--x--")
        let form = try MultipartForm(parsing: body, boundary: "x")
        #expect(form.parts.count == 2)
        #expect(form.filePart?.filename == "")
        #expect(form.filePart?.body.isEmpty == true)
        #expect(String(decoding: form.parts[1].body, as: UTF8.self) == "bare")
    }

    @Test("the boundary comes from the content type, quoted or not; without one the form is refused")
    func boundaryParameter() throws {
        #expect(try MultipartForm.boundary(in: "multipart/form-data; boundary=abc") == "abc")
        #expect(try MultipartForm.boundary(in: "Multipart/Form-Data;charset=utf-8; BOUNDARY=\"a b;c\"") == "a b;c")
        for bad in ["multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; name=x"] {
            #expect(throws: DomainError.malformed("multipart/form-data 请求缺少 boundary 参数"), "\(bad)") {
                try MultipartForm.boundary(in: bad)
            }
        }
        #expect(MultipartForm.isMultipart("multipart/form-data; boundary=x"))
        #expect(!MultipartForm.isMultipart("image/jpeg"))
    }

    @Test("a form without a file part parses but has no file")
    func noFilePart() throws {
        let form = try MultipartForm(
            parsing: Self.bytes("--x\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n说明\r\n--x--\r\n"),
            boundary: "x")
        #expect(form.parts.count == 1)
        #expect(form.filePart == nil)
    }

    @Test(
        "broken bodies are refused, never crash",
        arguments: [
            "", "no delimiter at all", "--other\r\n\r\nbody\r\n--other--", "--x\r\nContent-Disposition: form-data\r\n\r\nunterminated",
            "--x\r\nno colon here\r\n\r\nbody\r\n--x--", "--xgarbage\r\n\r\nbody\r\n--x--", "--x\r\nA: b\r\n",
            "--x",
        ])
    func brokenBodies(_ text: String) {
        #expect(throws: DomainError.self) { try MultipartForm(parsing: Self.bytes(text), boundary: "x") }
    }
}
