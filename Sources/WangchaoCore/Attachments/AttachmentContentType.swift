/// The kinds of file the closed loop accepts as evidence: photos and scanned documents.
///
/// The type is decided from the file's first bytes, never from a name or a `Content-Type`
/// header a client chose: an executable labelled `image/jpeg` is still an executable.
public enum AttachmentContentType: String, Sendable, Codable, CaseIterable {
    case jpeg = "image/jpeg"
    case png = "image/png"
    case pdf = "application/pdf"

    /// The signature each type starts with.
    var magic: [UInt8] {
        switch self {
        case .jpeg: [0xFF, 0xD8, 0xFF]
        case .png: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        case .pdf: Array("%PDF-".utf8)
        }
    }

    /// The type whose signature `bytes` starts with, or `nil` for anything else.
    ///
    /// ```swift
    /// AttachmentContentType.sniff([0xFF, 0xD8, 0xFF, 0xE0])  // .jpeg
    /// AttachmentContentType.sniff([0x7F, 0x45, 0x4C, 0x46])  // nil (ELF)
    /// ```
    public static func sniff<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> AttachmentContentType? {
        allCases.first { type in bytes.starts(with: type.magic) }
    }

    /// What people call the type, for messages.
    public var chineseName: String {
        switch self {
        case .jpeg: "JPEG 图片"
        case .png: "PNG 图片"
        case .pdf: "PDF 文档"
        }
    }
}
