import Foundation
import Testing

@testable import WangchaoCore

@Suite("Indicator formulas")
struct IndicatorParserTests {
    let parser = IndicatorParser()

    @Test("precedence, parentheses and the canonical text")
    func precedence() throws {
        let f = try parser.formula("count(closed) / count(handled or (open and overdue)) * 100")
        #expect(
            f
                == .multiply(
                    .divide(
                        .term(.count(.flag(.closed))),
                        .term(.count(.or(.flag(.handled), .and(.flag(.open), .flag(.overdue)))))),
                    .number(100)))
        #expect(f.description == "count(closed) / count(handled or (open and overdue)) * 100")
        #expect(try parser.formula(f.description) == f)
    }

    @Test("fields, lists, not, sum")
    func fields() throws {
        let f = try parser.formula("sum(satisfaction, rated and not state = rejected) / count(source in (hotline12345, police110))")
        #expect(f.terms == [
            .sumSatisfaction(.and(.flag(.rated), .not(.field(.state, ["rejected"])))),
            .count(.field(.source, ["hotline12345", "police110"])),
        ])
        #expect(try parser.formula("count(group = 安全隐患 and category in (AQ01, AQ02))").terms.count == 1)
        #expect(try parser.formula("count()") == .term(.count(.all)))
        #expect(try parser.formula("2.5") == .number(2.5))
    }

    @Test("errors name the position and the reason", arguments: [
        ("count(close)", 7, "不认识的条件「close」"),
        ("count(state = done)", 15, "「done」不是 state 的取值"),
        ("count(closed", 13, "缺少「)」"),
        ("count(closed) /", 16, "公式不完整"),
        ("count(closed) count(open)", 15, "多余的内容"),
        ("count(group = 没有这类)", 15, "不是 group 的取值"),
        ("count(closed) % 2", 15, "不能使用字符「%」"),
        ("sum(rating)", 5, "sum 只能汇总 satisfaction"),
        ("count(state)", 12, "「state」后应为 = 或 in"),
    ])
    func errors(_ text: String, _ position: Int, _ reason: String) {
        do {
            _ = try parser.formula(text)
            Issue.record("\(text) parsed")
        } catch {
            #expect(error.position == position, "\(text): \(error)")
            #expect(error.reason.contains(reason), "\(text): \(error)")
        }
    }

    @Test("the catalog names the offending field")
    func catalogErrors() {
        func load(_ json: String) -> DomainError? {
            do {
                _ = try IndicatorCatalog(json: Data(json.utf8))
                return nil
            } catch { return error }
        }
        let good = #"{"code":"a","name":"甲","domain":"flow","unit":"件","formula":"count()"}"#
        #expect(load(#"{"indicators":[\#(good)]}"#) == nil)
        #expect(load(#"{"indicators":[\#(good),\#(good)]}"#)?.field == "indicators[1].code")
        #expect(
            load(#"{"indicators":[{"code":"b","name":"乙","domain":"flow","unit":"件","formula":"count(x)"}]}"#)?.field
                == "indicators[0].formula")
        #expect(
            load(#"{"indicators":[{"code":"b","name":"乙","domain":"money","unit":"件","formula":"count()"}]}"#)?.field
                == "indicators[0].domain")
        #expect(
            load(#"{"indicators":[{"code":"b","name":"乙","domain":"flow","unit":"元","formula":"count()"}]}"#)?.field
                == "indicators[0].unit")
        #expect(
            load(
                #"{"indicators":[{"code":"b","name":"乙","domain":"flow","unit":"%","formula":"count()","thresholds":{"direction":"higherIsBetter","green":0.5,"yellow":0.9}}]}"#
            )?.field == "indicators[0].thresholds")
        #expect(load("not json")?.field == "indicators")
    }

    @Test("thresholds give lights in both directions; no light without a value")
    func thresholds() {
        let higher = IndicatorThresholds(direction: .higherIsBetter, green: 0.9, yellow: 0.8)
        #expect([0.95, 0.9, 0.85, 0.5].map { higher.light(of: $0) } == [.green, .green, .yellow, .red])
        let lower = IndicatorThresholds(direction: .lowerIsBetter, green: 0.05, yellow: 0.1)
        #expect([0.0, 0.05, 0.08, 0.2].map { lower.light(of: $0) } == [.green, .green, .yellow, .red])
        #expect(higher.light(of: nil) == nil)
    }

    @Test("the shipped catalog: at least 20 indicators over 6 domains with the evaluation family")
    func bundled() {
        let catalog = IndicatorCatalog.bundled
        #expect(catalog.indicators.count >= 20)
        #expect(Set(catalog.indicators.map(\.domain)).count == 6)
        for name in ["立案数", "结案数", "结案率", "按期结案率", "处置数", "处置率", "按期处置率", "返工率", "回退率", "按时核查率"] {
            #expect(catalog.indicators.contains { $0.name == name && $0.domain == "evaluation" }, "\(name)")
        }
        #expect(catalog.terms.count == Set(catalog.terms).count)
    }
}

@Suite("Indicator values on hand-built cases")
struct IndicatorValueTests {
    /// 2026-11-24 10:00 in China.
    static let now = Date(timeIntervalSince1970: 1_795_485_600)
    static let hour: TimeInterval = 3_600

    static func make(
        _ id: String, _ state: CaseState, source: SourceChannel, category: String, tier: Tier, unit: String? = nil,
        created: TimeInterval, deadlines: [Deadline] = [], rework: Int = 0, satisfaction: Int? = nil, repeatFlag: Bool = false
    ) -> Case {
        Case(
            id: id, number: "XS-\(id)", trackingCode: "t", source: source, category: category, description: "描述",
            location: Location(lat: 30.16, lng: 120.26, address: "湘湖路1号"), reporter: Reporter(), attachments: [],
            priority: .normal, state: state, areaCode: "330109001001001", tier: tier, assignedUnitId: unit,
            deadlines: deadlines, reworkCount: rework, satisfaction: satisfaction, version: 1, createdAt: now + created,
            updatedAt: now, likelyRepeat: repeatFlag)
    }

    static func mark(_ id: String, _ action: String, payload: CaseCommand? = nil) -> Transition {
        Transition(
            caseId: id, version: 2, fromState: nil, toState: .dispatched, action: action, actor: "system", actorRole: nil,
            at: now - hour, note: nil, attachments: [], payload: payload)
    }

    /// Eight cases covering every flag; see the expected values below.
    static let facts: [CaseFacts] = {
        let u = "grid-1"
        let cases: [(Case, [Transition])] = [
            (make("c1", .rated, source: .hotline12345, category: "SR03", tier: .grid, unit: u, created: -72 * hour, satisfaction: 5), []),
            (
                make("c2", .closed, source: .gridPatrol, category: "AQ01", tier: .town, unit: u, created: -2 * hour, rework: 1),
                [mark("c2", "markLight", payload: .markLight(kind: .handle, light: .red))]
            ),
            (
                make(
                    "c3", .dispatched, source: .citizenApp, category: "AQ01", tier: .grid, unit: u, created: -1 * hour,
                    deadlines: [Deadline(kind: .handle, dueAt: now - hour)], repeatFlag: true),
                [mark("c3", "markLight", payload: .markLight(kind: .handle, light: .yellow))]
            ),
            (
                make(
                    "c4", .handled, source: .hotline12345, category: "JF01", tier: .community, unit: u, created: -30 * hour,
                    deadlines: [Deadline(kind: .verify, dueAt: now + hour)]),
                [mark("c4", "return", payload: .return(reason: "不属于本网格"))]
            ),
            (make("c5", .rejected, source: .hotline12345, category: "SR03", tier: .grid, created: -20 * hour), []),
            (
                make(
                    "c6", .reported, source: .police110, category: "SS01", tier: .grid, created: -10 * hour - 60,
                    deadlines: [Deadline(kind: .accept, dueAt: now)]),
                []
            ),
            (
                make("c7", .verified, source: .cityManagement, category: "SR01", tier: .grid, unit: u, created: -50 * hour),
                [mark("c7", "markLight", payload: .markLight(kind: .verify, light: .red))]
            ),
            (make("c8", .rated, source: .enterprise, category: "QY01", tier: .district, unit: u, created: -90 * hour, satisfaction: 3), []),
        ]
        return cases.map { CaseFacts($0.0, history: $0.1, at: now) }
    }()

    @Test("flags of the hand-built cases")
    func flags() {
        #expect(Self.facts[5].flags == [.open, .overdue], "c6: reported, its accept limit due exactly now, created yesterday 23:59")
        #expect(Self.facts[1].flags == [.closed, .registered, .dispatched, .handled, .checked, .reworked, .lateHandle, .today])
        #expect(Self.facts[2].flags == [.open, .registered, .dispatched, .overdue, .repeat, .today], "a yellow mark is not late")
        #expect(Self.facts[3].flags.contains(.returned) && !Self.facts[3].flags.contains(.overdue))
    }

    static let expected: [String: Double?] = [
        "reportCount": 8, "casesToday": 2, "openCount": 4, "overdueCount": 2, "overdueRate": 2.0 / 4,
        "registeredCount": 6, "closedCount": 3, "closureDue": 7, "closureRate": 3.0 / 7, "onTimeClosureRate": 2.0 / 7,
        "disposalDue": 6, "disposedCount": 5, "disposalRate": 5.0 / 6, "onTimeDisposalRate": 4.0 / 6,
        "reworkRate": 1.0 / 7, "returnRate": 1.0 / 6, "onTimeCheckRate": 3.0 / 4, "rejectRate": 1.0 / 8,
        "repeatRate": 1.0 / 8, "satisfactionScore": 4, "satisfiedRate": 0.5, "ratedRate": 2.0 / 3,
        "gridClosureShare": 1.0 / 3, "townClosureShare": 2.0 / 3, "hotlineCount": 3, "patrolShare": 2.0 / 8,
        "enterpriseCount": 1, "hazardCount": 2, "hazardOpen": 1, "disputeCount": 1, "disputeClosureRate": 0,
        "police110Count": 1, "cityManagementCount": 3, "facilityCount": 1, "environmentOverdue": 1,
    ]

    @Test("every shipped indicator's value", arguments: IndicatorCatalog.bundled.indicators.map(\.code))
    func value(_ code: String) throws {
        let catalog = IndicatorCatalog.bundled
        let indicator = try #require(catalog[code])
        let counts = IndicatorCounts(key: "", terms: catalog.terms, facts: Self.facts)
        let value = IndicatorEvaluation(terms: catalog.terms).value(of: indicator, in: counts)
        let expected = try #require(Self.expected[code], "no expected value for \(code)")
        #expect(value.map { abs($0 - (expected ?? .nan)) < 1e-9 } == true, "\(code) = \(String(describing: value))")
    }

    @Test("a zero denominator has no value, shown as a dash")
    func undefined() throws {
        let catalog = IndicatorCatalog.bundled
        let indicator = try #require(catalog["closureRate"])
        let counts = IndicatorCounts(key: "", terms: catalog.terms, facts: [])
        let value = IndicatorEvaluation(terms: catalog.terms).value(of: indicator, in: counts)
        #expect(value == nil)
        #expect(indicator.display(value) == "—")
        #expect(indicator.display(0.925) == "92.5%")
        #expect(catalog["openCount"]?.display(12) == "12 件")
    }
}
