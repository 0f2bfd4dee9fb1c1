import Foundation
import HTTPTypes
import Hummingbird
import WangchaoCore
import WangchaoServices

/// The one place where failures become HTTP answers: `{"error": {"code", "message", "field"}}`.
public struct APIError: Error, Sendable {
    public let domain: DomainError
    /// Seconds to wait, for `rateLimited`.
    public var retryAfter: Int?
    /// For a refused file (routing rules): the line of `field`, shown as `error.line`.
    public var line: Int?

    public init(_ domain: DomainError, retryAfter: Int? = nil, line: Int? = nil) {
        self.domain = domain
        self.retryAfter = retryAfter
        self.line = line
    }

    /// The HTTP status of each error code.
    public static func status(of code: DomainError.Code) -> HTTPResponse.Status {
        switch code {
        case .invalid: .badRequest
        case .unauthenticated: .unauthorized
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .versionConflict, .transitionNotAllowed: .conflict
        case .tooLarge: .contentTooLarge
        case .unsupportedMediaType: .unsupportedMediaType
        case .rateLimited: .tooManyRequests
        }
    }

    /// The wire form of the error body.
    struct Body: Encodable {
        struct Detail: Encodable {
            let code: String
            let message: String
            let field: String?
            var line: Int? = nil

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(code, forKey: .code)
                try container.encode(message, forKey: .message)
                try container.encode(field, forKey: .field)  // always present, null when none
                try container.encodeIfPresent(line, forKey: .line)
            }

            enum CodingKeys: String, CodingKey { case code, message, field, line }
        }
        let error: Detail
    }

    func response() -> Response {
        let body = Body(error: .init(code: domain.code.rawValue, message: domain.message, field: domain.field, line: line))
        let data = (try? APIJSON.makeEncoder().encode(body)) ?? Data()
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if let retryAfter { headers[.retryAfter] = String(retryAfter) }
        if domain.code == .unauthenticated { headers[.wwwAuthenticate] = "Bearer realm=\"wangchao\"" }
        return Response(status: Self.status(of: domain.code), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Translates any error thrown by a route or middleware.
    static func from(_ error: any Error) -> APIError? {
        switch error {
        case let error as APIError: return error
        case let error as DomainError: return APIError(error)
        case let error as SignInService.Throttled: return APIError(error.error, retryAfter: error.retryAfter)
        case let error as RoutingRuleFileError:
            return APIError(.invalid(field: error.field ?? "rules", error.message), line: error.line)
        case let error as DecodingError: return APIError(APIJSON.invalid(from: error))
        case let error as any HTTPResponseError:
            switch error.status {
            case .notFound: return APIError(.notFound("没有这个地址"))
            case .contentTooLarge: return APIError(.tooLarge("请求体过大"))
            case .unsupportedMediaType: return APIError(.unsupportedMediaType("不支持的内容类型"))
            case .badRequest: return APIError(.malformed("请求无效"))
            default: return nil
            }
        default: return nil
        }
    }
}
