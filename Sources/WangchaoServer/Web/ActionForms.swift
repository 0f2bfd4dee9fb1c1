import Foundation
import WangchaoCore

/// The forms of the case page: one per action the user may take now
/// (``CaseWorkflow/availableActions(on:for:)`` of the case's kind), each posting to `/cases/{id}/transitions` with the
/// same field names as the JSON body of `POST /api/v1/cases/{id}/transitions`.
struct ActionForms {
    /// One input of a form.
    struct Field {
        enum Kind { case text, textarea, number, select, radio, photos }
        var name: String
        var label: String
        var kind: Kind
        var required = false
        var options: [(value: String, label: String)] = []
        var hint: String?
    }

    /// What the user typed into a refused form, and why it was refused.
    struct Refusal {
        var action: CaseAction
        var values: [String: String]
        var field: String?
        var message: String
    }

    /// Photos one form may carry (到场、处置、核查 evidence from a phone).
    static let maxPhotos = 3
    /// The name of the photo input; its files become the transition's `attachments`.
    static let photosField = "photos"

    let subject: Case
    let user: User
    /// Units the case may be dispatched to or shared with.
    let units: [WangchaoCore.Unit]
    /// The kinds: which actions the case's kind offers, and their names.
    let kinds: CaseKindCatalog

    /// The action's name in the case's kind.
    func label(_ action: CaseAction) -> String { kinds.name(of: action, in: subject.kind) }

    /// The inputs `action` needs (besides `action`, `version`, `csrf`).
    func fields(for action: CaseAction) -> [Field] {
        let reason = Field(name: "reason", label: "理由", kind: .textarea, required: true)
        let note = Field(name: "note", label: "备注（可选）", kind: .textarea)
        let unitOptions = units.filter { $0.id != subject.assignedUnitId }.map { ($0.id, $0.name) }
        let photos = Field(
            name: Self.photosField, label: "现场照片（可选）", kind: .photos,
            hint: "最多 \(Self.maxPhotos) 张 JPEG 或 PNG，每张不超过 \(Attachment.maxSize / 1024 / 1024) MB")
        switch action {
        case .accept, .sign, .close: return [note]
        case .arrive: return [photos, note]
        case .reject, .reopen, .return, .escalate, .requestPark, .requestVoid: return [reason, note]
        case .merge:
            return [
                Field(name: "intoCaseId", label: "合并到案件（编号或 ID）", kind: .text, required: true), note,
            ]
        case .dispatch, .addCooperator:
            return [
                Field(
                    name: "unitId", label: action == .dispatch ? "派遣给单位" : "协办单位", kind: .select, required: true,
                    options: [("", "请选择单位")] + unitOptions),
                note,
            ]
        case .handle: return [Field(name: "result", label: "处置结果", kind: .textarea, required: true), photos, note]
        case .verify:
            return [
                Field(
                    name: "pass", label: "核查结论", kind: .radio, required: true,
                    options: [("true", "通过"), ("false", "不通过（返工）")]),
                photos, note,
            ]
        case .rate:
            return [
                Field(
                    name: "satisfaction", label: "满意度", kind: .select, required: true,
                    options: [("", "请选择"), ("5", "5 非常满意"), ("4", "4 满意"), ("3", "3 基本满意"), ("2", "2 不满意"), ("1", "1 非常不满意")]),
                Field(name: "via", label: "评价方式", kind: .select, required: true, options: [("callback", "电话回访"), ("system", "系统评价")]),
                note,
            ]
        case .requestExtension:
            return [
                Field(name: "minutes", label: "延长（分钟）", kind: .number, required: true, hint: "1 到 43200 分钟"),
                reason, note,
            ]
        case .decide:
            let requests = subject.pendingRequests.filter { $0.requestedBy != user.username }
            return [
                Field(
                    name: "requestId", label: "待审批的申请", kind: .select, required: true,
                    options: requests.map { ("\($0.id)", "#\($0.id) \($0.kind.rawValue)：\($0.reason)") }),
                Field(name: "grant", label: "审批结论", kind: .radio, required: true, options: [("true", "同意"), ("false", "不同意")]),
                note,
            ]
        case .supervise: return [Field(name: "instruction", label: "督办要求", kind: .textarea, required: true), note]
        case .answerSupervision: return [Field(name: "answer", label: "督办反馈", kind: .textarea, required: true), note]
        case .markLight, .notify, .reinforce: return []
        // A table kind's action: evidence and a note.
        default: return [photos, note]
        }
    }

    /// The forms as template context, with a refused form's values and error in place.
    func model(csrf: String, refusal: Refusal?) -> [[String: Any]] {
        kinds.availableActions(on: subject, for: user).map { action in
            let refused = refusal?.action == action ? refusal : nil
            let values = refused?.values ?? [:]
            let fieldModels: [[String: Any]] = fields(for: action).map { field in
                let id = "\(action.rawValue)-\(field.name)"
                let value = values[field.name] ?? (field.kind == .select ? field.options.first?.value ?? "" : "")
                let invalid = refused?.field == field.name
                var model: [String: Any] = [
                    "id": id, "name": field.name, "label": field.label, "value": value, "required": field.required,
                    "invalid": invalid,
                    "options": field.options.map { option -> [String: Any] in
                        ["value": option.value, "label": option.label, "selected": option.value == value,
                         "id": "\(id)-\(option.value)"]
                    },
                ]
                switch field.kind {
                case .text: model["isText"] = true
                case .textarea: model["isTextarea"] = true
                case .number: model["isNumber"] = true
                case .select: model["isSelect"] = true
                case .radio: model["isRadio"] = true
                case .photos: model["isPhotos"] = true
                }
                if let hint = field.hint { model["hint"] = hint }
                if refused != nil, field.kind == .photos {
                    // Browsers never let a page refill a file input: say so rather than lose them silently.
                    model["hint"] = (field.hint ?? "") + "。表单被退回，已选的照片需重新选择"
                }
                if invalid, let refused { model["fieldError"] = refused.message } else { model["fieldError"] = false }
                return model
            }
            var form: [String: Any] = [
                "action": action.rawValue, "label": label(action), "csrf": csrf, "version": subject.version,
                "fields": fieldModels, "danger": [.reject, .return, .escalate, .requestVoid].contains(action),
                "multipart": fields(for: action).contains { $0.kind == .photos },
                "formError": false,
            ]
            if let refused {
                form["formError"] = refused.field.map { "\(Self.fieldLabel($0, in: fields(for: action)))：\(refused.message)" }
                    ?? refused.message
            }
            return form
        }
    }

    static func fieldLabel(_ name: String, in fields: [Field]) -> String {
        fields.first { $0.name == name }?.label ?? name
    }

    /// The JSON body of the transition API from a posted form: integers and booleans typed,
    /// empty optional fields left out. Bad numbers are refused by field name.
    static func body(from form: FormFields, action: CaseAction, fields: [Field]) throws(DomainError) -> [String: Any] {
        var body: [String: Any] = ["action": action.rawValue]
        guard let versionText = form["version"], let version = Int(versionText) else {
            throw .invalid(field: "version", "页面缺少版本号，请刷新后重试")
        }
        body["version"] = version
        for field in fields where field.kind != .photos {
            let raw = (form[field.name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if raw.isEmpty {
                if field.required { throw .invalid(field: field.name, "请填写\(field.label)") }
                continue
            }
            switch field.name {
            case "satisfaction", "minutes", "requestId":
                guard let number = Int(raw) else { throw .invalid(field: field.name, "\(field.label)须为整数") }
                body[field.name] = number
            case "pass", "grant":
                guard raw == "true" || raw == "false" else { throw .invalid(field: field.name, "请选择\(field.label)") }
                body[field.name] = raw == "true"
            default:
                body[field.name] = raw
            }
        }
        return body
    }

    /// Every field name a form may post, for keeping what was typed.
    static let postedNames = [
        "note", "reason", "intoCaseId", "unitId", "result", "pass", "satisfaction", "via", "minutes", "requestId",
        "grant", "instruction", "answer",
    ]
}
