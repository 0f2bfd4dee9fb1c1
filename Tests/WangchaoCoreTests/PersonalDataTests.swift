import Testing
import WangchaoCore
import WangchaoTesting

@Suite struct PersonalDataTests {
    @Test(arguments: [
        ("13812345678", "138****5678"),
        ("0571-82345678", "057******5678"),
        ("12345", "***45"),
        ("110", "**0"),
        ("", ""),
    ])
    func phonesAreMasked(_ phone: String, _ masked: String) {
        #expect(PersonalData.maskPhone(phone) == masked)
    }

    @Test func identityNumbersAreMasked() {
        #expect(PersonalData.maskIdentityNumber("330102199001011234") == "330***********1234")
    }

    @Test(arguments: [
        ("11010519491231002X", true),  // GB 11643's own example
        ("11010519491231002x", true),
        ("110105194912310021", false),  // wrong check character
        ("11010519491231002", false),  // 17 characters
        ("1101051949123100XX", false),
        ("１１０１０５１９４９１２３１００２X", false),  // full-width digits
    ])
    func identityNumberChecksum(_ number: String, _ valid: Bool) {
        #expect(IdentityNumber.isValid(number) == valid)
    }

    @Test func maskedReporterHidesPhoneIdAndAnAnonymousName() {
        let reporter = Reporter(name: "张三", phone: "13812345678", idNumber: "11010519491231002X")
        #expect(reporter.masked == Reporter(name: "张三", phone: "138****5678", idNumber: "110***********002X"))
        var anonymous = reporter
        anonymous.anonymous = true
        #expect(anonymous.masked.name == nil)
        #expect(PersonalField.reporterIdNumber.value(in: reporter) == "11010519491231002X")
    }

    @Test func whoMayReveal() {
        var subject = LifecycleFixture.caseIn(.dispatched)
        subject.assignedUnitId = Fixtures.enforcementPlatform
        let allowed = Fixtures.users.filter { Access.mayReveal(subject, user: $0) }.map(\.username)
        #expect(Set(allowed) == ["td", "td2", "dh", "dc", "admin"])
        subject.assignedUnitId = Fixtures.gridTeam
        subject.formerUnitIds = []
        #expect(!Access.mayReveal(subject, user: Fixtures.handler), "a department handler only on its unit's cases")
    }

    @Test func intakeRefusesABadIdentityNumber() {
        var intake = Fixtures.intake()
        intake.reporter?.idNumber = "110105194912310021"
        let error = #expect(throws: DomainError.self) { try intake.validate(categories: .bundled) }
        #expect(error?.field == "reporter.idNumber")
    }
}
