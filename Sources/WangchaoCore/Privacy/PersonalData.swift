/// Masking of personal data (China's Personal Information Protection Law is the yardstick):
/// identity numbers and phones are stored once and shown masked to everyone; the few roles
/// that need one in full reveal it on purpose, with a reason, and that is audited.
public enum PersonalData {
    /// `13812345678` → `138****5678`; short numbers keep only their last two digits.
    public static func maskPhone(_ phone: String) -> String {
        mask(phone, keepFirst: 3, keepLast: 4)
    }

    /// `330102199001011234` → `330***********1234`.
    public static func maskIdentityNumber(_ number: String) -> String {
        mask(number, keepFirst: 3, keepLast: 4)
    }

    /// Keeps `keepFirst` and `keepLast` characters when at least four others remain hidden;
    /// shorter values keep only their last two characters, so that a mask never shows most of
    /// what it hides.
    static func mask(_ value: String, keepFirst: Int, keepLast: Int) -> String {
        let characters = Array(value)
        if characters.count >= keepFirst + keepLast + 4 {
            return String(characters.prefix(keepFirst)) + String(repeating: "*", count: characters.count - keepFirst - keepLast)
                + String(characters.suffix(keepLast))
        }
        let shown = min(2, max(0, characters.count - 2))
        return String(repeating: "*", count: characters.count - shown) + String(characters.suffix(shown))
    }
}

/// China's 18-character resident identity number (GB 11643-1999): 17 digits and a check
/// character computed from them (ISO 7064 MOD 11-2).
public enum IdentityNumber {
    private static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    private static let checkCharacters = Array("10X98765432")

    public static func isValid(_ number: String) -> Bool {
        let characters = Array(number.uppercased())
        guard characters.count == 18, characters.prefix(17).allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        let sum = zip(characters.prefix(17), weights).reduce(0) { $0 + ($1.0.wholeNumberValue ?? 0) * $1.1 }
        return characters[17] == checkCharacters[sum % 11]
    }
}

/// A personal field of a case that a permitted role may reveal in full.
public enum PersonalField: String, Sendable, Codable, CaseIterable {
    case reporterName = "reporter.name"
    case reporterPhone = "reporter.phone"
    case reporterIdNumber = "reporter.idNumber"

    public func value(in reporter: Reporter) -> String? {
        switch self {
        case .reporterName: reporter.name
        case .reporterPhone: reporter.phone
        case .reporterIdNumber: reporter.idNumber
        }
    }
}

extension Reporter {
    /// The reporter as everyone sees it: phone and identity number masked; an anonymous
    /// reporter's name withheld.
    public var masked: Reporter {
        var copy = self
        copy.phone = phone.map(PersonalData.maskPhone)
        copy.idNumber = idNumber.map(PersonalData.maskIdentityNumber)
        if anonymous { copy.name = nil }
        return copy
    }
}

extension Access {
    /// The roles that may reveal personal data in full (always with a reason, audited):
    /// town dispatchers, the district command, administrators, and department handlers on
    /// cases their unit is or was handling. Grid workers, community staff and observers never.
    public static func mayReveal(_ subject: Case, user: User) -> Bool {
        guard !user.disabled, canSee(subject, user: user) else { return false }
        switch user.role {
        case .townDispatcher, .districtCommander, .admin: return true
        case .departmentHandler:
            let units = Set([user.unitId, user.scope.unitId].compactMap { $0 })
            return !units.isDisjoint(with: subject.involvedUnitIds)
        case .gridWorker, .communityStaff, .observer: return false
        }
    }

    /// The roles ``mayReveal(_:user:)`` can ever admit, for the route's rule.
    public static let revealRoles: Set<Role> = [.townDispatcher, .departmentHandler, .districtCommander, .admin]
}
