import Foundation

/// Whether a description holds a word, compared as UTF-8 bytes. `String.contains` goes through
/// Foundation's Unicode-aware search, which cost a third of every routing decision; for the
/// exact words of rule files (Chinese text, no combining marks) a byte match gives the same answer.
enum TextSearch {
    static func contains(_ text: String, _ word: String) -> Bool {
        var text = text
        var word = word
        return text.withUTF8 { haystack in word.withUTF8 { needle in find(needle, in: haystack) } }
    }

    private static func find(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let wordStart = needle.baseAddress, !needle.isEmpty else { return true }
        guard let textStart = haystack.baseAddress, needle.count <= haystack.count else { return false }
        let first = needle[0]
        for index in 0...(haystack.count - needle.count) where haystack[index] == first {
            if memcmp(textStart + index, wordStart, needle.count) == 0 { return true }
        }
        return false
    }
}
