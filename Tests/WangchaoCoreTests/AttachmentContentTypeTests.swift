import Testing
import WangchaoCore

@Suite("attachment content sniffing")
struct AttachmentContentTypeTests {
    @Test("JPEG, PNG and PDF are recognised by their first bytes")
    func knownSignatures() {
        #expect(AttachmentContentType.sniff([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10]) == .jpeg)
        #expect(AttachmentContentType.sniff([0xFF, 0xD8, 0xFF]) == .jpeg)
        #expect(AttachmentContentType.sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00]) == .png)
        #expect(AttachmentContentType.sniff(Array("%PDF-1.4\n".utf8)) == .pdf)
        #expect(AttachmentContentType.jpeg.rawValue == "image/jpeg")
        #expect(AttachmentContentType.png.rawValue == "image/png")
        #expect(AttachmentContentType.pdf.rawValue == "application/pdf")
    }

    @Test(
        "anything else is refused: executables, HTML, truncated signatures, nothing",
        arguments: [
            [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01],  // ELF
            [0x4D, 0x5A, 0x90, 0x00],  // Windows PE
            Array("<html><script>".utf8),
            Array("%PDF".utf8),  // no dash
            [0xFF, 0xD8],  // JPEG cut short
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A],  // PNG cut short
            [0x00, 0xFF, 0xD8, 0xFF],  // signature not at the start
            [],
        ] as [[UInt8]])
    func unknownBytes(_ bytes: [UInt8]) {
        #expect(AttachmentContentType.sniff(bytes) == nil)
    }

    @Test("the size limit is 10 MiB")
    func sizeLimit() {
        #expect(WangchaoCore.Attachment.maxSize == 10_485_760)
    }
}
