import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
import WangchaoCore
import WangchaoServer
import WangchaoStore
import WangchaoTesting

/// The repeat check before submit, flagged cases after intake, what each viewer sees of the
/// candidates, and repeat statistics.
@Suite("Repeat reports API")
struct RepeatAPITests {
    struct CheckAnswer: Decodable {
        let likelyRepeat: Bool
        let repeatCandidates: [RepeatCandidate]
        let hiddenRepeatCandidates: Int
    }

    struct CaseAnswer: Decodable {
        let id: String
        let likelyRepeat: Bool
        let repeatCandidates: [RepeatCandidate]
        let hiddenRepeatCandidates: Int
    }

    @Test func repeatCheckStoresNothingAndTheIntakeIsFlagged() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            let body = IntakeJSON.body()
            let before = try await client.send(.post, "/api/v1/cases/repeat-check", as: "gw", body: body)
            #expect(before.status == .ok)
            let empty: CheckAnswer = try before.decode()
            #expect(!empty.likelyRepeat && empty.repeatCandidates.isEmpty && empty.hiddenRepeatCandidates == 0)
            #expect(try await fixture.store.caseCount() == 0, "the check stores nothing")

            let created = try await client.send(.post, "/api/v1/cases", as: "gw", body: body)
            #expect(created.status == .created)
            let first: CaseAnswer = try created.decode()
            #expect(!first.likelyRepeat && first.repeatCandidates.isEmpty)

            fixture.clock.advance(by: 600)
            let check: CheckAnswer = try await client.send(.post, "/api/v1/cases/repeat-check", as: "gw", body: body).decode()
            #expect(check.likelyRepeat)
            #expect(check.repeatCandidates.map(\.caseId) == [first.id])
            #expect(check.repeatCandidates.first?.reasons == [.nearby(distanceMetres: 0), .sameAddress, .sameCaller])
            #expect(try await fixture.store.caseCount() == 1)

            let second: CaseAnswer = try await client.send(.post, "/api/v1/cases", as: "gw", body: body).decode()
            #expect(second.likelyRepeat)
            #expect(second.repeatCandidates.map(\.caseId) == [first.id])
            let shown = try await client.send(.get, "/api/v1/cases/\(second.id)", as: "td")
            let object = try shown.object()
            #expect(object["likelyRepeat"] as? Bool == true)
            let candidates = try #require(object["repeatCandidates"] as? [[String: Any]])
            #expect(candidates.first?["number"] is String)
            #expect((candidates.first?["reasons"] as? [[String: Any]])?.first?["kind"] as? String == "nearby")

            // After the merge the candidate shows its current state; the merged case counts.
            let merge = #"{"action":"merge","intoCaseId":"\#(first.id)","version":1}"#
            #expect(try await client.transition(second.id, as: "td", merge).status == .ok)
            let third: CaseAnswer = try await client.send(.post, "/api/v1/cases", as: "gw", body: body).decode()
            #expect(third.repeatCandidates.map(\.caseId) == [first.id], "the merged case is not offered again")
            #expect(try await client.transition(first.id, as: "td", #"{"action":"accept","version":1}"#).status == .ok)
            let detail: CaseAnswer = try await client.send(.get, "/api/v1/cases/\(third.id)", as: "td").decode()
            #expect(detail.repeatCandidates.first?.state == .accepted, "the detail shows the candidate's current state")
            let listed = try await client.send(.get, "/api/v1/cases?limit=1", as: "td").object()
            let firstItem = try #require((listed["items"] as? [[String: Any]])?.first)
            let listedCandidate = try #require((firstItem["repeatCandidates"] as? [[String: Any]])?.first)
            #expect(listedCandidate["state"] as? String == "reported", "lists show the state when the check ran")
            #expect(listedCandidate["areaCode"] as? String == Fixtures.grid)
            let list = try await client.send(.get, "/api/v1/cases", as: "dc").object()
            let items = try #require(list["items"] as? [[String: Any]])
            #expect(items.compactMap { $0["likelyRepeat"] as? Bool } == [true, true, false])
        }
    }

    @Test func candidatesOutsideTheViewersSightAreHidden() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            // A case in the other town's grid at the same place, filed by its grid worker.
            let elsewhere = IntakeJSON.body { $0["areaCode"] = Fixtures.otherGrid }
            let other: CaseAnswer = try await client.send(.post, "/api/v1/cases", as: "gw2", body: elsewhere).decode()
            // A case far away in the other grid from the same phone only.
            let sameCaller = IntakeJSON.body { json in
                json["areaCode"] = Fixtures.otherGrid
                json["category"] = "SR01"
                json["location"] = ["lat": 30.30, "lng": 120.40, "address": "北干街道金城路8号"]
                json["reporter"] = ["phone": "13900000009", "anonymous": false]
            }
            #expect(try await client.send(.post, "/api/v1/cases", as: "gw2", body: sameCaller).status == .created)

            let mine: CaseAnswer = try await client.send(.post, "/api/v1/cases", as: "gw", body: IntakeJSON.body()).decode()
            #expect(mine.likelyRepeat)
            #expect(mine.repeatCandidates.isEmpty, "the other town's cases are not shown to this grid worker")
            #expect(mine.hiddenRepeatCandidates == 1, "counted by place, not by caller")
            let commander: CaseAnswer = try await client.send(.get, "/api/v1/cases/\(mine.id)", as: "dc").decode()
            #expect(commander.repeatCandidates.map(\.caseId) == [other.id])
            #expect(commander.hiddenRepeatCandidates == 0)

            let probe = IntakeJSON.body { json in
                json["category"] = "SR01"
                json["location"] = ["lat": 30.0, "lng": 120.0, "address": "别处1号"]
                json["reporter"] = ["phone": "13900000009", "anonymous": false]
            }
            let check: CheckAnswer = try await client.send(.post, "/api/v1/cases/repeat-check", as: "gw", body: probe).decode()
            #expect(!check.likelyRepeat, "a caller's other cases are not revealed by a count")
            #expect(check.hiddenRepeatCandidates == 0)
        }
    }

    @Test func badRepeatCheckBodyNamesTheField() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            let bad = try await client.send(
                .post, "/api/v1/cases/repeat-check", as: "gw", body: IntakeJSON.body { $0["category"] = "ZZ99" })
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("category"))
            #expect(try await client.send(.post, "/api/v1/cases/repeat-check", as: "ob", body: IntakeJSON.body()).status == .forbidden)
        }
    }

    @Test func statisticsPerAreaAndMonth() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            _ = try await client.send(.post, "/api/v1/cases", as: "gw", body: IntakeJSON.body())
            _ = try await client.send(.post, "/api/v1/cases", as: "gw", body: IntakeJSON.body())
            _ = try await client.send(
                .post, "/api/v1/cases", as: "gw2",
                body: IntakeJSON.body { json in
                    json["areaCode"] = Fixtures.otherGrid
                    json["location"] = ["lat": 30.30, "lng": 120.40, "address": "北干街道金城路8号"]
                    json["reporter"] = ["phone": "13900000009", "anonymous": false]
                })

            let district = try await client.send(.get, "/api/v1/stats/repeats?month=2026-11", as: "dc")
            #expect(district.status == .ok)
            let stats: RepeatStatistics = try district.decode()
            #expect(stats.total.areaCode == Fixtures.district)
            #expect(stats.total.cases == 3 && stats.total.likelyRepeats == 1)
            #expect(stats.children.map(\.cases) == [2, 1])
            #expect(stats.children.map(\.rate) == [0.5, 0])

            let own: RepeatStatistics = try await client.send(.get, "/api/v1/stats/repeats", as: "td").decode()
            #expect(own.total.areaCode == Fixtures.town, "a dispatcher's default is the own area")
            #expect(own.month.description == "2026-11", "this month in China by default")
            #expect(try await client.send(.get, "/api/v1/stats/repeats?areaCode=\(Fixtures.otherTown)", as: "td").status == .forbidden)
            #expect(try await client.send(.get, "/api/v1/stats/repeats", as: "ob").status == .ok)
            #expect(try await client.send(.get, "/api/v1/stats/repeats", as: "gw").status == .forbidden)
            let badMonth = try await client.send(.get, "/api/v1/stats/repeats?month=2026-13", as: "dc")
            #expect(badMonth.status == .badRequest && badMonth.text.contains("month"))
            #expect(try await client.send(.get, "/api/v1/stats/repeats?areaCode=999999", as: "dc").status == .notFound)
        }
    }
}
