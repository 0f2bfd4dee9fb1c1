import Foundation

/// The line on which each value of a JSON text starts, by path (`rules[2].target.tier`), so
/// that errors in a file people edit can say where to look. Also the file's syntax check:
/// a text that is not JSON is refused with the line of the first fault.
struct JSONLineMap {
    private(set) var lines: [String: Int] = [:]

    init(_ data: Data) throws(RoutingRuleFileError) {
        var scanner = Scanner(bytes: Array(data))
        try scanner.value(path: "", into: &lines)
        scanner.skipWhitespace()
        guard scanner.index == scanner.bytes.count else {
            throw RoutingRuleFileError(field: nil, line: scanner.line, "JSON 结束后还有多余内容")
        }
    }

    /// The line of `path`, or of its nearest enclosing value that has one.
    func line(of path: String) -> Int? {
        var path = path
        while true {
            if let line = lines[path] { return line }
            guard !path.isEmpty else { return nil }
            if path.hasSuffix("]"), let open = path.lastIndex(of: "[") {
                path = String(path[..<open])
            } else if let dot = path.lastIndex(of: ".") {
                path = String(path[..<dot])
            } else {
                path = ""
            }
        }
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0
        var line = 1

        init(bytes: [UInt8]) {
            self.bytes = bytes
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        }

        mutating func skipWhitespace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x0A: line += 1
                case 0x20, 0x09, 0x0D: break
                default: return
                }
                index += 1
            }
        }

        func fail(_ message: String, _ path: String) -> RoutingRuleFileError {
            RoutingRuleFileError(field: path.isEmpty ? nil : path, line: line, "JSON 语法错误：\(message)")
        }

        mutating func value(path: String, into lines: inout [String: Int]) throws(RoutingRuleFileError) {
            skipWhitespace()
            guard index < bytes.count else { throw fail("内容不完整", path) }
            lines[path] = line
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                skipWhitespace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    return
                }
                while true {
                    skipWhitespace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail("此处应为带引号的字段名", path) }
                    let key = try string(path)
                    skipWhitespace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail("字段名 \(key) 后缺少冒号", path) }
                    index += 1
                    try value(path: path.isEmpty ? key : path + "." + key, into: &lines)
                    skipWhitespace()
                    guard index < bytes.count else { throw fail("对象没有结束", path) }
                    if bytes[index] == UInt8(ascii: ",") {
                        index += 1
                        continue
                    }
                    guard bytes[index] == UInt8(ascii: "}") else { throw fail("对象成员之间缺少逗号或右花括号", path) }
                    index += 1
                    return
                }
            case UInt8(ascii: "["):
                index += 1
                skipWhitespace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    return
                }
                var element = 0
                while true {
                    try value(path: "\(path)[\(element)]", into: &lines)
                    element += 1
                    skipWhitespace()
                    guard index < bytes.count else { throw fail("数组没有结束", path) }
                    if bytes[index] == UInt8(ascii: ",") {
                        index += 1
                        continue
                    }
                    guard bytes[index] == UInt8(ascii: "]") else { throw fail("数组元素之间缺少逗号或右方括号", path) }
                    index += 1
                    return
                }
            case UInt8(ascii: "\""):
                _ = try string(path)
            default:
                let start = index
                while index < bytes.count, Self.isLiteral(bytes[index]) { index += 1 }
                let text = String(decoding: bytes[start..<index], as: UTF8.self)
                guard text == "true" || text == "false" || text == "null" || Double(text) != nil else {
                    throw fail(text.isEmpty ? "无法识别的字符" : "无法识别的值 \(text)", path)
                }
            }
        }

        private static func isLiteral(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2D || byte == 0x2B || byte == 0x2E
                || byte == 0x45
        }

        /// A string's content (escapes other than `\"` and `\\` kept as written; keys are plain).
        mutating func string(_ path: String) throws(RoutingRuleFileError) -> String {
            index += 1
            var content: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    index += 1
                    return String(decoding: content, as: UTF8.self)
                }
                if byte == 0x0A { throw fail("字符串中不能直接换行", path) }
                if byte == UInt8(ascii: "\\"), index + 1 < bytes.count {
                    index += 1
                    let escaped = bytes[index]
                    content.append(escaped == UInt8(ascii: "\"") || escaped == UInt8(ascii: "\\") ? escaped : byte)
                    if escaped != UInt8(ascii: "\"") && escaped != UInt8(ascii: "\\") { content.append(escaped) }
                } else {
                    content.append(byte)
                }
                index += 1
            }
            throw fail("字符串没有结束", path)
        }
    }
}
