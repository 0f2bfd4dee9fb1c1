import Foundation

/// Unbuffered output, so progress appears as it happens even when stdout is a pipe or a log.
enum Console {
    static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}
