import Foundation
import Testing
import WangchaoCore

@Suite("Registry checks: identity numbers, credit codes, phones, dates, masking")
struct RegistryCheckTests {
    func reason<T>(_ result: Result<T, RegistryCheckFailure>) -> String? {
        if case .failure(let failure) = result { return failure.reason }
        return nil
    }

    @Test("identity numbers: checksum, X, birth date, region, length")
    func identityNumbers() throws {
        #expect(try IdentityNumber.check("11010519491231002X").get() == .init(number: "11010519491231002X", upgradedFrom15: false))
        #expect(try IdentityNumber.check("11010519491231002x").get().number == "11010519491231002X", "a lower-case x")
        #expect(try IdentityNumber.check("330109199001011239").get().number == "330109199001011239")
        #expect(reason(IdentityNumber.check("330109199001011234")) == "校验位错误（应为9）")
        #expect(reason(IdentityNumber.check("330109199002301236")) == "出生日期无效", "30 February")
        #expect(reason(IdentityNumber.check("330109180001011234")) == "出生日期无效", "before 1900")
        #expect(reason(IdentityNumber.check("33010919900101123")) == "身份证号应为18位（现为17位）")
        #expect(reason(IdentityNumber.check("3301091990010112A9")) == "身份证号前17位须为数字、末位为数字或X")
        #expect(reason(IdentityNumber.check("030109199001011230"))?.hasPrefix("地区码无效") == true)
        #expect(reason(IdentityNumber.check("")) == "身份证号为空")
    }

    @Test("a 15-digit number is upgraded with 19 and a check character")
    func fifteenDigits() throws {
        // 330109 900101 123 → 330109 19900101 123 + check 9
        #expect(try IdentityNumber.check("330109900101123").get() == .init(number: "330109199001011239", upgradedFrom15: true))
        #expect(reason(IdentityNumber.check("330109901301123")) == "出生日期无效")
        #expect(reason(IdentityNumber.check("33010990010112X")) == "15位身份证号须全为数字")
    }

    @Test("gender and birth date come from the number")
    func derived() {
        let man = Person(id: "p", name: "来建国", idNumber: "330109199001011239", lineage: .init(department: "公安局", table: "t", row: 2))
        #expect(man.gender == .male, "3 is odd")
        #expect(man.birthDate == "1990-01-01")
        #expect(IdentityNumber.gender(of: "11010519491231002X") == .female, "2 is even")
        #expect(IdentityNumber.birthDate(of: "bad") == nil)
    }

    @Test("unified social credit codes: GB 32100 checksum, alphabet, region digits")
    func creditCodes() {
        #expect(CreditCode.isValid("91350100M000100Y43"))
        #expect(CreditCode.isValid("91110000802100433B"))
        #expect((try? CreditCode.check("91350100m000100y43").get()) == "91350100M000100Y43", "lower case accepted")
        #expect(reason(CreditCode.check("91350100M000100Y44")) == "校验位错误（应为3）")
        #expect(reason(CreditCode.check("91350100M000100Y4")) == "统一社会信用代码应为18位（现为17位）")
        #expect(reason(CreditCode.check("91350100I000100Y43")) == "含非法字符「I」（不用 I、O、Z、S、V）")
        #expect(reason(CreditCode.check("913501A0M000100Y43")) == "第3–8位行政区划码须为数字")
        #expect(CreditCode.checkCharacter(for: "91350100M000100Y4") == "3")
    }

    @Test("phones: mobiles and landlines normalised, the rest refused")
    func phones() throws {
        #expect(try PhoneNumber.normalise("138 1234 5678").get() == "13812345678")
        #expect(try PhoneNumber.normalise("138-1234-5678").get() == "13812345678")
        #expect(try PhoneNumber.normalise("＋86 １３８１２３４５６７８").get() == "13812345678", "full-width with +86")
        #expect(try PhoneNumber.normalise("0571-82345678").get() == "0571-82345678")
        #expect(try PhoneNumber.normalise("(0571)8234 567").get() == "0571-8234567", "7-digit local number")
        #expect(try PhoneNumber.normalise("010 12345678").get() == "010-12345678", "3-digit area code")
        #expect(reason(PhoneNumber.normalise("12812345678")) == "手机号应为1[3-9]开头的11位数字")
        #expect(reason(PhoneNumber.normalise("1381234567")) == "手机号应为1[3-9]开头的11位数字")
        #expect(reason(PhoneNumber.normalise("0571-123")) == "固定电话应为区号加7–8位号码")
        #expect(reason(PhoneNumber.normalise("82345678")) == "电话须为手机号或带区号的固定电话")
        #expect(reason(PhoneNumber.normalise("138x12345678")) == "电话含非法字符「x」")
    }

    @Test("dates in several forms become ISO; impossible dates are refused")
    func dates() throws {
        for text in ["2023-05-01", "2023/5/1", "2023.05.01", "20230501", "2023年5月1日", "2023-05-01 08:30:00", "２０２３-０５-０１"] {
            #expect((try? RegistryDate.normalise(text).get()) == "2023-05-01", "\(text)")
        }
        #expect(try RegistryDate.normalise("2024/2/29").get() == "2024-02-29", "leap day")
        #expect(reason(RegistryDate.normalise("2023/2/29")) == "日期不存在「2023/2/29」")
        #expect(reason(RegistryDate.normalise("5/1/2023")) == "无法识别的日期「5/1/2023」")
        #expect(reason(RegistryDate.normalise("昨天")) == "无法识别的日期「昨天」")
    }

    @Test("masking keeps the region and last four of an id, 3+4 of a phone")
    func masking() {
        #expect(RegistryMasking.identityNumber("330109199001011239") == "330109********1239")
        #expect(RegistryMasking.phone("13812345678") == "138****5678")
        #expect(RegistryMasking.phone("0571-82345678") == "0571-****5678")
        #expect(RegistryMasking.identityNumber("12345") == "***45", "short values show almost nothing")
    }

    @Test("full-width forms to half-width; Chinese text untouched")
    func halfWidth() {
        #expect(TextCleaning.halfWidth("ＡＢＣ１２３　金城路１２３号，") == "ABC123 金城路123号，")
    }

    @Test("lineage ids are stable per source and key")
    func recordIds() {
        let a = Lineage.recordId(prefix: "P", department: "公安局", table: "t", key: "k")
        #expect(a == Lineage.recordId(prefix: "P", department: "公安局", table: "t", key: "k"))
        #expect(a != Lineage.recordId(prefix: "P", department: "民政局", table: "t", key: "k"))
        #expect(a.count == 17 && a.hasPrefix("P"))
    }
}
