import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
import WangchaoCore
import WangchaoServer
import WangchaoStore
import WangchaoTesting

@Suite("/api/v1/attachments")
struct AttachmentAPITests {
    @Test("an upload answers 201 with its id and digest, and GET serves the bytes with safe headers")
    func uploadAndDownload() async throws {
        let server = try await ServerFixture()
        let photo = SampleFiles.jpeg()
        try await server.test { client in
            let response = try await client.upload(photo, as: "gw", contentType: "image/jpeg")
            #expect(response.status == .created, "\(response.text)")
            let body = try response.decode(UploadedBody.self)
            #expect(body.sha256 == AttachmentFiles.sha256(of: photo))
            #expect(body.contentType == "image/jpeg")
            #expect(body.size == photo.count)
            #expect(response.headers[.location] == "/api/v1/attachments/\(body.id)")
            let stored = try #require(try await server.store.attachment(id: body.id))
            #expect(stored.uploadedBy == "gw")
            #expect(stored.createdAt == Fixtures.now)

            let fetched = try await client.send(.get, "/api/v1/attachments/\(body.id)", as: "gw")
            #expect(fetched.status == .ok)
            #expect(Array(fetched.body.readableBytesView) == photo)
            #expect(fetched.headers[.contentType] == "image/jpeg")
            #expect(fetched.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
            #expect(fetched.headers[.contentDisposition] == "inline")
            #expect(fetched.headers[.eTag] == "\"\(body.sha256)\"")
            #expect(fetched.headers[.cacheControl] == "private")

            let again = try await client.send(
                .get, "/api/v1/attachments/\(body.id)", as: "gw", headers: [.ifNoneMatch: "\"\(body.sha256)\""])
            #expect(again.status == .notModified)
            #expect(again.body.readableBytes == 0)
        }
    }

    @Test("PNG and PDF are accepted and served with their sniffed type, whatever the client said")
    func pngAndPDF() async throws {
        let server = try await ServerFixture()
        try await server.test { client in
            for (bytes, type) in [(SampleFiles.png, "image/png"), (SampleFiles.pdf, "application/pdf")] {
                let response = try await client.upload(bytes, as: "gw", contentType: "text/html")
                #expect(response.status == .created, "\(response.text)")
                let body = try response.decode(UploadedBody.self)
                #expect(body.contentType == type)
                let fetched = try await client.send(.get, "/api/v1/attachments/\(body.id)", as: "gw")
                #expect(fetched.headers[.contentType] == type)
            }
        }
    }

    @Test("an executable labelled image/jpeg is refused (415) and nothing is stored")
    func renamedExecutableIsRefused() async throws {
        let server = try await ServerFixture()
        try await server.test { client in
            let response = try await client.upload(SampleFiles.elf, as: "gw", contentType: "image/jpeg")
            try expectError(response, .unsupportedMediaType, "unsupportedMediaType", field: nil)
            let form = try await client.upload(
                SampleFiles.multipart(boundary: "b0undary", file: SampleFiles.elf, filename: "photo.jpg"), as: "gw",
                contentType: "multipart/form-data; boundary=b0undary")
            try expectError(form, .unsupportedMediaType, "unsupportedMediaType", field: nil)
            let empty = try await client.upload([], as: "gw")
            try expectError(empty, .badRequest, "invalid", field: "file")
        }
        #expect(regularFiles(under: server.store.attachmentFiles.root).isEmpty)
    }

    @Test("a file of exactly 10 MB is accepted; one byte more is refused with 413")
    func sizeLimit() async throws {
        let server = try await ServerFixture()
        try await server.test { client in
            let atLimit = SampleFiles.jpeg(size: WangchaoCore.Attachment.maxSize)
            let accepted = try await client.upload(atLimit, as: "gw")
            #expect(accepted.status == .created, "\(accepted.text)")
            #expect(try accepted.decode(UploadedBody.self).size == 10 * 1024 * 1024)

            let over = SampleFiles.jpeg(size: WangchaoCore.Attachment.maxSize + 1, seed: 1)
            try expectError(try await client.upload(over, as: "gw"), .contentTooLarge, "tooLarge", field: nil)
            let overInForm = try await client.upload(
                SampleFiles.multipart(boundary: "limit", file: over), as: "gw",
                contentType: "multipart/form-data; boundary=limit")
            try expectError(overInForm, .contentTooLarge, "tooLarge", field: nil)
        }
        #expect(regularFiles(under: server.store.attachmentFiles.root).count == 1)
    }

    @Test("the same bytes uploaded twice are one file; both answers carry its digest")
    func sameBytesStoredOnce() async throws {
        let server = try await ServerFixture()
        let photo = SampleFiles.jpeg(size: 4096, seed: 9)
        try await server.test { client in
            let first = try await client.uploaded(photo, as: "gw")
            let second = try await client.uploaded(photo, as: "td")
            #expect(first.id != second.id)
            #expect(first.sha256 == second.sha256)
            #expect(first.sha256 == AttachmentFiles.sha256(of: photo))
            let files = regularFiles(under: server.store.attachmentFiles.root)
            #expect(files == ["\(first.sha256.prefix(2))/\(first.sha256)"])
            // Each uploader sees their own upload of the shared file.
            #expect(try await client.send(.get, "/api/v1/attachments/\(second.id)", as: "td").status == .ok)
            #expect(try await client.send(.get, "/api/v1/attachments/\(first.id)", as: "td").status == .notFound)
        }
    }

    @Test("only the uploader sees an attachment until a case names it; then whoever sees the case")
    func visibility() async throws {
        let server = try await ServerFixture()
        try await server.test { client in
            let photo = try await client.uploaded(SampleFiles.jpeg(), as: "gw")
            let uri = "/api/v1/attachments/\(photo.id)"
            #expect(try await client.send(.get, uri, as: "gw").status == .ok)
            for user in ["gw2", "td", "td3", "dc"] {
                try expectError(try await client.send(.get, uri, as: user), .notFound, "notFound", field: nil)
            }
            try expectError(
                try await client.send(.get, "/api/v1/attachments/no-such-id", as: "dc"), .notFound, "notFound",
                field: nil)

            let filed = try await client.send(
                .post, "/api/v1/cases", as: "gw", body: IntakeJSON.body { $0["attachments"] = [photo.id] })
            #expect(filed.status == .created, "\(filed.text)")
            let caseId = try filed.decode(Case.self).id
            for user in ["gw", "td", "cs", "dc", "ob"] {
                #expect(try await client.send(.get, uri, as: user).status == .ok, "\(user) sees the case")
            }
            // The other town's grid worker sees neither the case nor its photo until it reaches his team.
            #expect(try await client.send(.get, uri, as: "gw2").status == .notFound)
            #expect(try await client.transition(caseId, as: "td", #"{"action":"accept","version":1}"#).status == .ok)
            let dispatched = try await client.transition(
                caseId, as: "td", #"{"action":"dispatch","version":2,"unitId":"\#(Fixtures.otherGridTeam)"}"#)
            #expect(dispatched.status == .ok, "\(dispatched.text)")
            #expect(try await client.send(.get, uri, as: "gw2").status == .ok)
            #expect(try await client.send(.get, uri, as: "td3").status == .notFound)
        }
    }

    @Test("observers may not upload (403); an unknown user is refused (401)")
    func whoMayUpload() async throws {
        let server = try await ServerFixture()
        try await server.test { client in
            try expectError(
                try await client.upload(SampleFiles.jpeg(), as: "ob"), .forbidden, "forbidden", field: nil)
            try expectError(
                try await client.upload(SampleFiles.jpeg(), as: "nobody"), .unauthorized, "unauthenticated",
                field: nil)
        }
        #expect(regularFiles(under: server.store.attachmentFiles.root).isEmpty)
    }

    @Test("intake naming an unknown attachment is refused (400, attachments[0]) and makes no case")
    func intakeWithUnknownAttachment() async throws {
        let server = try await ServerFixture()
        try await server.test { client in
            let response = try await client.send(
                .post, "/api/v1/cases", as: "gw", body: IntakeJSON.body { $0["attachments"] = ["no-such-photo"] })
            try expectError(response, .badRequest, "invalid", field: "attachments[0]")
        }
        #expect(try await server.store.caseCount() == 0)
        #expect(try await server.store.fileCase().number == "XS-20261124-000001")
    }

    @Test("a transition naming an unknown attachment is refused (400, attachments[0]) and changes nothing")
    func transitionWithUnknownAttachment() async throws {
        let server = try await ServerFixture()
        let filed = try await server.store.fileCase()
        try await server.test { client in
            let response = try await client.transition(
                filed.id, as: "td", #"{"action":"accept","version":1,"attachments":["no-such-photo"]}"#)
            try expectError(response, .badRequest, "invalid", field: "attachments[0]")
        }
        #expect(try await server.store.getCase(id: filed.id) == filed)
        #expect(try await server.store.history(caseId: filed.id).count == 1)
        #expect(try await server.store.caseAttachmentIds(caseId: filed.id).isEmpty)
    }

    @Test("a multipart form's file part is stored; a form without boundary or file part is refused")
    func multipartUpload() async throws {
        let server = try await ServerFixture()
        let photo = SampleFiles.jpeg(size: 3000, seed: 3)
        try await server.test { client in
            let response = try await client.upload(
                SampleFiles.multipart(boundary: "----WebKitFormBoundary7MA4YWxkTrZu0gW", file: photo), as: "gw",
                contentType: "multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW")
            #expect(response.status == .created, "\(response.text)")
            let body = try response.decode(UploadedBody.self)
            #expect(body.size == photo.count)
            #expect(body.sha256 == AttachmentFiles.sha256(of: photo))
            let fetched = try await client.send(.get, "/api/v1/attachments/\(body.id)", as: "gw")
            #expect(Array(fetched.body.readableBytesView) == photo)

            let noBoundary = try await client.upload(
                SampleFiles.multipart(boundary: "x", file: photo), as: "gw", contentType: "multipart/form-data")
            try expectError(noBoundary, .badRequest, "invalid", field: nil)
            let noFile = try await client.upload(
                SampleFiles.multipart(boundary: "x", file: nil), as: "gw",
                contentType: "multipart/form-data; boundary=x")
            try expectError(noFile, .badRequest, "invalid", field: "file")
        }
    }
}
