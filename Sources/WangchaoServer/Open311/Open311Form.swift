import Foundation

/// The parameters of an Open311 POST (`application/x-www-form-urlencoded`) or GET query, with
/// repeated names kept in order: a `multivaluelist` attribute arrives as several
/// `attribute[code][]` pairs.
struct Open311Parameters: Sendable {
    private(set) var pairs: [(name: String, value: String)] = []

    init(formEncoded text: String) {
        for pair in text.split(separator: "&") where !pair.isEmpty {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]) else { continue }
            pairs.append((name, parts.count == 2 ? Self.decode(parts[1]) ?? "" : ""))
        }
    }

    /// The first value of `name`, trimmed; `nil` when absent or blank.
    subscript(_ name: String) -> String? {
        guard let value = pairs.first(where: { $0.name == name })?.value.trimmingCharacters(in: .whitespacesAndNewlines),
            !value.isEmpty
        else { return nil }
        return value
    }

    /// Every value given for attribute `code`, as `attribute[code]` or `attribute[code][]`.
    func attribute(_ code: String) -> [String] {
        pairs.filter { $0.name == "attribute[\(code)]" || $0.name == "attribute[\(code)][]" }.map(\.value)
    }

    /// The attribute codes named in the request, for refusing unknown ones.
    var attributeCodes: Set<String> {
        Set(pairs.compactMap { pair in
            guard pair.name.hasPrefix("attribute["), let close = pair.name.firstIndex(of: "]") else { return nil }
            return String(pair.name[pair.name.index(pair.name.startIndex, offsetBy: 10)..<close])
        })
    }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
