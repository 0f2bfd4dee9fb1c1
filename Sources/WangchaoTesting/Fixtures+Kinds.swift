import Foundation
import WangchaoCore
import WangchaoServices

extension Fixtures {
    /// The bundled kinds and `errand`, a kind defined only in this test resource
    /// (`errand-kind.json`: three states, one 30-minute limit), run by the table engine: what a
    /// deployment adding a kind as data gets, with no Swift code of the kind's own.
    public static let kindsWithErrand: CaseKindCatalog = {
        guard let url = Bundle.module.url(forResource: "errand-kind", withExtension: "json"),
            let data = try? Data(contentsOf: url)
        else { fatalError("errand-kind.json is missing from the WangchaoTesting bundle") }
        do { return try CaseKindCatalog.bundled.adding(json: data) } catch {
            fatalError("errand-kind.json is invalid: \(error)")
        }
    }()

    /// The test kind's name.
    public static let errand: CaseKind = "errand"

    /// The bundled settings with ``kindsWithErrand``.
    public static let settingsWithErrand: DomainSettings = try! DomainSettings(kinds: kindsWithErrand)
}
