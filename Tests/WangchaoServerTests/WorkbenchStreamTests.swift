import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import WangchaoCore
import WangchaoStore
import WangchaoTesting

@testable import WangchaoServer

/// `/workbench/stream`: an open 工作台 hears when what it shows changed, and only then.
@Suite("工作台 stream")
struct WorkbenchStreamTests {
    static func page(_ fixture: ServerFixture, pollInterval: Duration, lifetime: Duration) -> WorkbenchPage {
        WorkbenchPage(
            store: fixture.store, clock: fixture.clock, categories: .bundled, kinds: .bundled,
            streamSettings: InboxStreamSettings(pollInterval: pollInterval, lifetime: lifetime),
            units: UnitNames(store: fixture.store))
    }

    @Test("the page carries its signature; the stream stays quiet while nothing changes and tells when a case arrives")
    func changedWhenACaseArrives() async throws {
        let fixture = try await ServerFixture()
        _ = try await fixture.store.fileCase()
        let page = Self.page(fixture, pollInterval: .milliseconds(20), lifetime: .seconds(120))
        let filters = try WorkbenchPage.Filters([:], kinds: .bundled)
        let now = fixture.clock.now()
        let signature = WorkbenchStream.signature(of: try await page.read(user: Fixtures.dispatcher, filters: filters, now: now).result)

        try await fixture.test { client in
            let html = try await client.send(.get, "/workbench", as: "td")
            #expect(html.text.contains(#"data-stream="/workbench/stream?since=\#(signature)""#), "\(html.text.prefix(3000))")
        }

        // Nothing changes: a short-lived stream ends with only its retry line and no event.
        let quiet = Self.page(fixture, pollInterval: .milliseconds(20), lifetime: .milliseconds(200))
        let calm = WrittenText()
        var calmWriter: any ResponseBodyWriter = DisconnectingWriter(written: calm, event: "changed")
        try await WorkbenchStream(page: quiet, user: Fixtures.dispatcher, filters: filters, since: signature, settings: quiet.streamSettings)
            .run(&calmWriter)
        #expect(calm.text.hasPrefix("retry: 5000") && !calm.text.contains("event:"), "\(calm.text)")

        // A case filed in the dispatcher's town while the stream is open: one changed event.
        let written = WrittenText()
        let stream = WorkbenchStream(page: page, user: Fixtures.dispatcher, filters: filters, since: signature, settings: page.streamSettings)
        let reading = Task {
            var writer: any ResponseBodyWriter = DisconnectingWriter(written: written, event: "changed")
            try await stream.run(&writer)
        }
        try await Task.sleep(for: .milliseconds(100))
        #expect(!written.text.contains("event: changed"), "no change yet: \(written.text)")
        _ = try await fixture.store.fileCase(at: now)
        await #expect(throws: ClientGone.self) { try await reading.value }
        #expect(written.text.contains(#"event: changed"#) && written.text.contains(#""total":2"#), "\(written.text)")
    }

    @Test("a page older than the store's state is told at once; a case out of the viewer's sight tells nothing")
    func staleSignatureAndScope() async throws {
        let fixture = try await ServerFixture()
        _ = try await fixture.store.fileCase()
        let filters = try WorkbenchPage.Filters([:], kinds: .bundled)
        let page = Self.page(fixture, pollInterval: .milliseconds(20), lifetime: .milliseconds(300))

        let stale = WrittenText()
        var staleWriter: any ResponseBodyWriter = DisconnectingWriter(written: stale, event: "changed")
        await #expect(throws: ClientGone.self) {
            try await WorkbenchStream(page: page, user: Fixtures.dispatcher, filters: filters, since: "0", settings: page.streamSettings)
                .run(&staleWriter)
        }

        // The other town's dispatcher does not see this town's cases: no event for them.
        let other = Fixtures.otherDispatcher
        let theirs = WorkbenchStream.signature(of: try await page.read(user: other, filters: filters, now: fixture.clock.now()).result)
        let written = WrittenText()
        let reading = Task {
            var writer: any ResponseBodyWriter = DisconnectingWriter(written: written, event: "changed")
            try await WorkbenchStream(page: page, user: other, filters: filters, since: theirs, settings: page.streamSettings)
                .run(&writer)
        }
        try await Task.sleep(for: .milliseconds(60))
        _ = try await fixture.store.fileCase()
        try await reading.value
        #expect(!written.text.contains("event: changed"), "\(written.text)")
    }

    @Test("bad filters are refused before streaming")
    func badFilters() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            let response = try await client.send(.get, "/workbench/stream?light=purple", as: "td")
            #expect(response.status == .badRequest)
        }
    }
}
