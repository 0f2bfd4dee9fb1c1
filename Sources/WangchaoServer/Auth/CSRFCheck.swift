import HTTPTypes
import Hummingbird
import WangchaoCore

/// The CSRF check for cookie sessions: a browser sends cookies with cross-site requests, so
/// every non-GET request carried by one must also show the session's CSRF token, in the
/// `X-CSRF-Token` header (scripts) or the `csrf` field of a form.
enum CSRFCheck {
    static let header = HTTPField.Name("X-CSRF-Token")!
    static let formField = "csrf"
    /// Forms here are a few fields; anything larger is not one of ours.
    static let maxFormSize = 16 * 1024
    /// A form with photos: up to ``ActionForms/maxPhotos`` files of the largest attachment size.
    static let maxMultipartFormSize = ActionForms.maxPhotos * Attachment.maxSize + 64 * 1024

    /// Throws 403 unless the request carries `expected`. Reading a form collects its body, which
    /// stays available to the handler.
    static func verify(_ request: inout Request, expected: String?) async throws {
        var presented = request.headers[header]
        if presented == nil, FormFields.isForm(request) {
            let buffer = try await request.collectBody(upTo: maxFormSize)
            presented = FormFields(String(buffer: buffer))[formField]
        } else if presented == nil, FormFields.isMultipart(request) {
            presented = FormFields(try await FormFields.multipart(&request, upTo: maxMultipartFormSize))[formField]
        }
        guard let expected, let presented, ConstantTime.equal(presented, expected) else {
            throw DomainError.forbidden("缺少或错误的 CSRF 令牌，请刷新页面后重试")
        }
    }
}
