import Foundation
import Hummingbird
import WangchaoCore
import WangchaoGeo
import WangchaoStore

/// The web workbench's pages for people (server-rendered HTML): `/` → 工作台, the 工作台, the
/// case page with its action forms, and the intake form. Each is a ``Route`` marked
/// ``Route/page()``: without a session the browser goes to the sign-in form.
struct WebPages {
    let store: any CaseStore
    let clock: any WangchaoClock
    let categories: CategoryCatalog
    let locator: AreaLocator?
    let sla: SLASettings
    let repeatPolicy: RepeatPolicy

    var routes: [Route] {
        [
            Route(.get, "/", .anyRole, home).page(),
            Route(.get, "/workbench", .anyRole, WorkbenchPage(store: store, clock: clock, categories: categories, sla: sla).show)
                .page().readingPersonalData(),
            Route(.get, "/cases/{id}", .anyRole, casePage.show).page().readingPersonalData(),
            Route(.post, "/cases/{id}/transitions", .writers, casePage.transition).page(),
        ]
    }

    var casePage: CasePage { CasePage(store: store, clock: clock, categories: categories, sla: sla) }

    @Sendable func home(_ request: Request, context: WangchaoRequestContext) async throws -> Response {
        Response(status: .seeOther, headers: [.location: LoginPage.homePath])
    }
}
