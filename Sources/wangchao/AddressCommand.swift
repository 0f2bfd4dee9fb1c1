import ArgumentParser
import Foundation
import WangchaoAddress

/// `wangchao address …`: the address base from the command line.
struct AddressCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "address", abstract: "Parse free-text Chinese addresses and match them to standard addresses.",
        subcommands: [AddressParse.self, AddressMatchCommand.self])
}

/// `wangchao address parse`: one address per line on standard input, one JSON object per line on
/// standard output, in order. Every input line yields exactly one output line (an empty or
/// unreadable one yields an object of nulls), output follows each chunk of input as it arrives,
/// and no database or working directory is needed: the gazetteer ships with the binary.
struct AddressParse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Read addresses from stdin (one per line), write one JSON object per line to stdout.")

    func run() throws {
        let parser = try AddressParser()
        var output: [UInt8] = []
        output.reserveCapacity(1 << 17)
        StandardInput.forEachChunkOfLines { lines in
            for line in lines {
                parser.parse(line).appendJSON(to: &output)
                output.append(0x0A)
            }
            StandardOutput.write(output)
            output.removeAll(keepingCapacity: true)
        }
    }
}

/// Lines from file descriptor 0, handed over per `read` so that output can follow input
/// (streaming) without a system call per line.
enum StandardInput {
    static func forEachChunkOfLines(_ body: ([String]) -> Void) {
        var reader = LineChunks()
        while let lines = reader.next() { body(lines) }
    }

    /// The complete lines of each `read` of standard input, then the unterminated last line.
    struct LineChunks {
        private var pending: [UInt8] = []
        private var buffer = [UInt8](repeating: 0, count: 1 << 16)
        private var finished = false

        /// The next non-empty chunk of lines, nil at the end of input.
        mutating func next() -> [String]? {
            while !finished {
                let count = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                if count <= 0 {
                    finished = true
                    break
                }
                pending.append(contentsOf: buffer[0..<count])
                var lines: [String] = []
                var start = 0
                while let newline = pending[start...].firstIndex(of: 0x0A) {
                    lines.append(decode(pending[start..<newline]))
                    start = newline + 1
                }
                pending.removeFirst(start)
                if !lines.isEmpty { return lines }
            }
            guard !pending.isEmpty else { return nil }
            defer { pending = [] }
            return [decode(pending[...])]
        }
    }

    /// UTF-8 with invalid bytes repaired, without the CR of a CRLF line end.
    private static func decode(_ bytes: ArraySlice<UInt8>) -> String {
        var b = bytes
        if b.last == 0x0D { b = b.dropLast() }
        return String(decoding: b, as: UTF8.self)
    }
}

enum StandardOutput {
    static func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            guard var p = raw.baseAddress else { return }
            var left = raw.count
            while left > 0 {
                let n = Foundation.write(1, p, left)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return }
                p += n
                left -= n
            }
        }
    }
}
