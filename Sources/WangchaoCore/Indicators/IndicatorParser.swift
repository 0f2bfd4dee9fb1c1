/// Reads the small formula language of indicators.
///
/// ```
/// formula := product (("+" | "-") product)*
/// product := operand (("*" | "/") operand)*
/// operand := number | "count(" filter? ")" | "sum(satisfaction" ("," filter)? ")" | "(" formula ")"
/// filter  := both ("or" both)*
/// both    := single ("and" single)*
/// single  := "not" single | "(" filter ")" | flag | field "=" value | field "in" "(" value ("," value)* ")"
/// ```
/// Fields are ``CaseField``s, flags ``CaseFlag``s; values are checked against the field (enum
/// raw values, or the category catalog for `category` and `group`), so a typo fails at load.
public struct IndicatorParser: Sendable {
    let categories: CategoryCatalog

    public init(categories: CategoryCatalog = .bundled) {
        self.categories = categories
    }

    /// The formula of `text`.
    ///
    /// - Throws: ``IndicatorFormulaError`` naming the character position and the reason.
    public func formula(_ text: String) throws(IndicatorFormulaError) -> IndicatorFormula {
        var cursor = try Cursor(text)
        let result = try parseFormula(&cursor)
        guard cursor.peek == nil else { throw cursor.error("多余的内容「\(cursor.peek!.text)」") }
        return result
    }

    /// A filter on its own (the argument of `count(…)`), e.g. for query parameters.
    public func filter(_ text: String) throws(IndicatorFormulaError) -> CaseFilter {
        var cursor = try Cursor(text)
        if cursor.peek == nil { return .all }
        let result = try parseFilter(&cursor)
        guard cursor.peek == nil else { throw cursor.error("多余的内容「\(cursor.peek!.text)」") }
        return result
    }

    private func parseFormula(_ c: inout Cursor) throws(IndicatorFormulaError) -> IndicatorFormula {
        var left = try parseProduct(&c)
        while let op = c.peek?.text, op == "+" || op == "-" {
            c.advance()
            let right = try parseProduct(&c)
            left = op == "+" ? .add(left, right) : .subtract(left, right)
        }
        return left
    }

    private func parseProduct(_ c: inout Cursor) throws(IndicatorFormulaError) -> IndicatorFormula {
        var left = try parseOperand(&c)
        while let op = c.peek?.text, op == "*" || op == "/" {
            c.advance()
            let right = try parseOperand(&c)
            left = op == "*" ? .multiply(left, right) : .divide(left, right)
        }
        return left
    }

    private func parseOperand(_ c: inout Cursor) throws(IndicatorFormulaError) -> IndicatorFormula {
        guard let token = c.peek else { throw c.error("公式不完整，缺少数字或 count(…)") }
        if let number = token.number {
            c.advance()
            return .number(number)
        }
        switch token.text {
        case "(":
            c.advance()
            let inner = try parseFormula(&c)
            try c.expect(")")
            return inner
        case "count":
            c.advance()
            try c.expect("(")
            if c.peek?.text == ")" {
                c.advance()
                return .term(.count(.all))
            }
            let filter = try parseFilter(&c)
            try c.expect(")")
            return .term(.count(filter))
        case "sum":
            c.advance()
            try c.expect("(")
            guard c.peek?.text == "satisfaction" else { throw c.error("sum 只能汇总 satisfaction（满意度）") }
            c.advance()
            var filter = CaseFilter.all
            if c.peek?.text == "," {
                c.advance()
                filter = try parseFilter(&c)
            }
            try c.expect(")")
            return .term(.sumSatisfaction(filter))
        default:
            throw c.error("不认识「\(token.text)」：应为数字、count(…)、sum(…) 或括号")
        }
    }

    private func parseFilter(_ c: inout Cursor) throws(IndicatorFormulaError) -> CaseFilter {
        var left = try parseBoth(&c)
        while c.peek?.text == "or" {
            c.advance()
            left = .or(left, try parseBoth(&c))
        }
        return left
    }

    private func parseBoth(_ c: inout Cursor) throws(IndicatorFormulaError) -> CaseFilter {
        var left = try parseSingle(&c)
        while c.peek?.text == "and" {
            c.advance()
            left = .and(left, try parseSingle(&c))
        }
        return left
    }

    private func parseSingle(_ c: inout Cursor) throws(IndicatorFormulaError) -> CaseFilter {
        guard let token = c.peek else { throw c.error("条件不完整") }
        if token.text == "not" {
            c.advance()
            return .not(try parseSingle(&c))
        }
        if token.text == "(" {
            c.advance()
            let inner = try parseFilter(&c)
            try c.expect(")")
            return inner
        }
        if let flag = CaseFlag(rawValue: token.text) {
            c.advance()
            return .flag(flag)
        }
        guard let field = CaseField(rawValue: token.text) else {
            let names = (CaseFlag.allCases.map(\.rawValue) + CaseField.allCases.map(\.rawValue)).joined(separator: "、")
            throw c.error("不认识的条件「\(token.text)」，可用：\(names)")
        }
        c.advance()
        var values: [String] = []
        if c.peek?.text == "=" {
            c.advance()
            values = [try value(of: field, &c)]
        } else if c.peek?.text == "in" {
            c.advance()
            try c.expect("(")
            values.append(try value(of: field, &c))
            while c.peek?.text == "," {
                c.advance()
                values.append(try value(of: field, &c))
            }
            try c.expect(")")
        } else {
            throw c.error("「\(field.rawValue)」后应为 = 或 in (…)")
        }
        return .field(field, values)
    }

    private func value(of field: CaseField, _ c: inout Cursor) throws(IndicatorFormulaError) -> String {
        guard let token = c.peek, token.isWord else { throw c.error("「\(field.rawValue)」缺少取值") }
        let allowed: Set<String> =
            switch field {
            case .category: Set(categories.categories.map(\.code))
            case .group: Set(categories.categories.map(\.group))
            default: field.allowedValues ?? []
            }
        guard allowed.contains(token.text) else {
            throw c.error("「\(token.text)」不是 \(field.rawValue) 的取值，可用：\(allowed.sorted().joined(separator: "、"))")
        }
        c.advance()
        return token.text
    }
}

/// Why a formula could not be read: the 1-based character position and the reason (Chinese).
public struct IndicatorFormulaError: Error, Sendable, Equatable, CustomStringConvertible {
    public let position: Int
    public let reason: String

    public var description: String { "第 \(position) 个字符：\(reason)" }
}

/// The tokens of a formula and the position of the next one.
private struct Cursor {
    struct Token {
        let text: String
        let position: Int
        var number: Double? { text.first.map { $0.isASCII && $0.isNumber } == true ? Double(text) : nil }
        var isWord: Bool { text.first.map { $0.isLetter || $0.isNumber || $0 == "_" } ?? false }
    }

    private let tokens: [Token]
    private var index = 0
    private let end: Int

    init(_ text: String) throws(IndicatorFormulaError) {
        var tokens: [Token] = []
        let characters = Array(text)
        var i = 0
        while i < characters.count {
            let ch = characters[i]
            if ch.isWhitespace {
                i += 1
            } else if "()+-*/=,".contains(ch) {
                tokens.append(Token(text: String(ch), position: i + 1))
                i += 1
            } else if ch.isLetter || ch.isNumber || ch == "_" || ch == "." {
                let start = i
                while i < characters.count, characters[i].isLetter || characters[i].isNumber || characters[i] == "_" || characters[i] == "." {
                    i += 1
                }
                let word = String(characters[start..<i])
                if word.first!.isASCII, word.first!.isNumber, Double(word) == nil {
                    throw IndicatorFormulaError(position: start + 1, reason: "「\(word)」不是数字")
                }
                tokens.append(Token(text: word, position: start + 1))
            } else {
                throw IndicatorFormulaError(position: i + 1, reason: "不能使用字符「\(ch)」")
            }
        }
        self.tokens = tokens
        end = characters.count + 1
    }

    var peek: Token? { index < tokens.count ? tokens[index] : nil }

    mutating func advance() { index += 1 }

    mutating func expect(_ text: String) throws(IndicatorFormulaError) {
        guard peek?.text == text else {
            throw error(peek.map { "应为「\(text)」，却是「\($0.text)」" } ?? "缺少「\(text)」")
        }
        advance()
    }

    func error(_ reason: String) -> IndicatorFormulaError {
        IndicatorFormulaError(position: peek?.position ?? end, reason: reason)
    }
}
