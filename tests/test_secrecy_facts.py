"""The secrecy facts on their own: grades and 届满, who may know, who may approve, leak reports,
liability, the register's rejections, and the customer-information facts of F004."""

from datetime import date

import pytest

from checker.calendar import WorkingCalendar
from checker.columnar import Unplaced
from checker.config import load
from checker.facts.confidentiality import role_of
from checker.facts.secrecy import (
    DEFAULT_ROLES,
    LeakLiability,
    Person,
    SecrecyRules,
    certificate_action,
    item_facts,
)
from checker.loading import Loaded, Source
from checker.records.confidentiality import (
    CustomerInfoFile,
    CustomerInfoPrint,
    CustomerInfoRelease,
    Tenant,
    TenantFile,
)
from checker.records.secrecy import CertificateUse, CopyEvent, LeakIncident, SecretItem
from tests.conftest import audit_rows, violations_of
from tests.derived import measured

CAL = WorkingCalendar()


@pytest.fixture(scope="module")
def rules(catalog):
    return SecrecyRules.from_config(load(catalog.parameters.values()))


def item(**fields) -> SecretItem:
    base = {
        "item_id": "S1",
        "title": "t",
        "category": "财务报表",
        "grade": "机密",
        "company_id": "SC",
        "drafted_by": "财务部",
        "period_end": date(2026, 6, 30),
    }
    return SecretItem.model_validate({**base, **fields})


def person(pid="P1", role="员工", company="SC", head_office=False, unit="财务部") -> Person:
    return Person(pid, "某人", role, role, company, "公司", head_office, unit)


HQ_GM = person("G1", "总经理", "HQ", True, "总经办")
HQ_VGM = person("G2", "副总经理", "HQ", True, "总经办")
SUB_GM = person("G3", "总经理", "SC", False, "总经办")
OTHER_GM = person("G4", "总经理", "LC", False, "总经办")
MANAGER = person("M1", "部门经理", "SC", False, "财务部")


# --------------------------------------------------------------------------- grades and 届满


def test_grade_labels(rules):
    assert [rules.grade_of(g) for g in ("绝密", "机密级", " 秘密 ", "内部", None)] == [
        "绝密",
        "机密",
        "秘密",
        None,
        None,
    ]
    assert [rules.marking(g) for g in ("机密级", None, "非密", "公开", "内部")] == [
        "已标密级",
        "未标密级",
        "未标密级",
        "未标密级",
        "密级无效",
    ]


def _measured(record, as_of: date, kind: str | None = None, values=None, related=(), **settings):
    """A record's derived fields, or those of a kind of fact no row stands for (`values`)."""
    given = record if values is None else values
    return measured(kind or record.meta.name, [given], as_of, related=related, **settings)[0]


def _item_measured(secret: SecretItem, as_of: date, rules: SecrecyRules, **settings):
    """An item's derived fields, over its own values and those computed in Python."""
    values = dict(secret) | item_facts(secret, {}, rules).model_dump()
    return _measured(secret, as_of, values=values, **settings)


@pytest.mark.parametrize(
    ("fields", "as_of", "on_end_date", "declassified", "expired"),
    [
        ({}, date(2026, 6, 30), False, date(2026, 7, 1), False),  # 届满 on the day: still secret
        ({}, date(2026, 7, 1), False, date(2026, 7, 1), True),
        ({"period_end": date(2025, 12, 31)}, date(2026, 1, 1), False, date(2026, 1, 1), True),
        ({}, date(2026, 6, 30), True, date(2026, 6, 30), True),
        ({}, date(2026, 6, 29), True, date(2026, 6, 30), False),
        ({"continue_secret": "是"}, date(2030, 1, 1), False, None, False),
        ({"period_end": None}, date(2030, 1, 1), False, None, False),
        # Secret through the last date: no day after it, so never declassified; nor rejected.
        ({"period_end": date.max}, date(2030, 1, 1), False, None, False),
        ({"period_end": date.max}, date(2030, 1, 1), True, date.max, False),
    ],
)
def test_the_derived_period_expires_as_the_rules_grade_on_says(
    rules, catalog, fields, as_of, on_end_date, declassified, expired
):
    chosen = {"secrecy.declassified_from": "end_date"} if on_end_date else {}
    config = load(catalog.parameters.values()).with_values(chosen, "test")
    secret = item(**fields)
    measured = _item_measured(secret, as_of, rules, **chosen)
    assert (measured["declassified_on"], measured["expired"]) == (declassified, expired)
    python = SecrecyRules.from_config(config)  # the grade in force, for other records
    assert python.declassified_on(secret) == declassified
    assert (python.grade_on(secret, as_of) is None) is expired


@pytest.mark.parametrize(
    ("grade", "category", "against"),
    [
        ("机密", "财务报表", "相符"),
        ("秘密", "财务报表", "偏低"),
        ("绝密", "财务报表", "偏高"),
        ("绝密", "重要决策文件", "相符"),
        ("机密", "重要决策文件", "偏低"),
        ("秘密", "重要决策文件", "偏低"),
        ("秘密", "合同", "相符"),
        ("机密", "合同", "偏高"),
        ("绝密", "合同", "偏高"),
        ("机密", "经营战略", None),  # 密级自定: the drafting unit grades it
        ("机密", "通知", None),  # not secret at all
        ("内部", "财务报表", None),  # a label of no grade
        (None, "财务报表", None),
    ],
)
def test_the_marked_grade_against_the_category(rules, grade, category, against):
    measured = _item_measured(item(grade=grade, category=category), date(2026, 1, 1), rules)
    assert measured["against_category"] == against


@pytest.mark.parametrize(
    ("kind", "day_field"), [(CopyEvent, "copied_on"), (CertificateUse, "used_on")]
)
@pytest.mark.parametrize(
    ("approved_by", "approved_on", "timely"),
    [
        ("P9", date(2026, 5, 10), True),  # the same day
        ("P9", date(2026, 5, 9), True),
        ("P9", date(2026, 5, 11), False),
        ("P9", None, False),
        (None, None, None),
        (None, date(2026, 5, 9), None),
    ],
)
def test_excerpts_copies_and_certificates_approved_beforehand(
    kind, day_field, approved_by, approved_on, timely
):
    base = {
        "copy_id": "C1",
        "use_id": "U1",
        "item_id": "S1",
        "company_id": "SC",
        "certificate": "营业执照",
        "person_id": "P1",
        "action": "复印",
        day_field: date(2026, 5, 10),
        "approved_by": approved_by,
        "approved_on": approved_on,
    }
    record = kind.model_validate({k: v for k, v in base.items() if k in kind.model_fields})
    assert _measured(record, date(2026, 6, 30))["approval_timely"] is timely


def test_the_period_expires_on_its_end_date_and_frees_the_next_day(rules, catalog):
    secret = item()
    assert rules.declassified_on(secret) == date(2026, 7, 1)
    assert rules.grade_on(secret, date(2026, 6, 30)) == "机密"  # 届满 on the day: still secret
    assert rules.grade_on(secret, date(2026, 7, 1)) is None
    assert rules.grade_on(item(continue_secret="是"), date(2030, 1, 1)) == "机密"
    assert rules.grade_on(item(period_end=None), date(2030, 1, 1)) == "机密"
    config = load(catalog.parameters.values()).with_values(
        {"secrecy.declassified_from": "end_date"}, "test"
    )
    on_the_day = SecrecyRules.from_config(config)
    assert on_the_day.grade_on(secret, date(2026, 6, 30)) is None
    assert on_the_day.grade_on(secret, date(2026, 6, 29)) == "机密"


def test_withheld_grade_is_the_gravest_of_marking_and_category(rules):
    assert rules.withheld_grade(item(category="重要决策文件", grade="秘密")) == "绝密"
    assert rules.withheld_grade(item(category="财务报表", grade=None)) == "机密"
    assert rules.withheld_grade(item(category="合同", grade="秘密")) == "秘密"
    assert rules.withheld_grade(item(category="通知", grade=None)) is None


# --------------------------------------------------------------------------- who may know


@pytest.mark.parametrize(
    ("grade", "who", "designated_by", "related", "allowed"),
    [
        ("绝密", HQ_GM, None, None, True),
        ("绝密", HQ_VGM, None, None, True),
        ("绝密", SUB_GM, None, None, False),  # a subsidiary's 总经理 is not 总公司副/总经理
        ("绝密", person(), HQ_VGM, None, True),
        ("绝密", person(), MANAGER, True, False),
        ("机密", person("SUP"), None, None, True),  # the supervisor
        ("机密", person(), person("SUP"), None, True),  # designated by the supervisor
        ("机密", person(), MANAGER, None, False),
        ("机密", person(), HQ_GM, None, True),
        ("机密", person(unit="财务部"), None, True, False),  # related is not enough for 机密
        ("秘密", person(unit="财务部"), None, None, True),  # the drafting department
        ("秘密", person(company="LC", unit="财务部"), None, None, False),  # another company
        ("秘密", person(unit="市场部"), None, True, True),  # marked as working on it
        ("秘密", person(unit="市场部"), None, False, False),
        (None, person(unit="市场部"), None, None, True),  # no grade in force
    ],
)
def test_may_know(rules, grade, who, designated_by, related, allowed):
    secret = item(supervisor_id="SUP")
    assert (
        rules.may_know(grade, who, item=secret, designated_by=designated_by, related=related)
        is allowed
    )


def test_related_persons_stated_only(catalog):
    config = load(catalog.parameters.values()).with_values(
        {"secrecy.related_persons": "stated"}, "test"
    )
    rules = SecrecyRules.from_config(config)
    secret = item(grade="秘密")
    assert not rules.may_know("秘密", person(unit="财务部"), item=secret)
    assert rules.may_know("秘密", person(unit="市场部"), item=secret, related=True)


# --------------------------------------------------------------------------- who may approve


def test_approvers_are_of_the_holding_company_or_the_head_office(rules):
    assert rules.may("copy", SUB_GM, "SC") and rules.may("copy", HQ_VGM, "SC")
    assert not rules.may("copy", OTHER_GM, "SC")  # another subsidiary's 总经理
    assert not rules.may("copy", MANAGER, "SC")
    assert rules.may("copy", HQ_GM, "HQ")  # the head office's own items: its 总经理
    assert not rules.may("copy", SUB_GM, "HQ")
    assert not rules.may("top_secret_copy", SUB_GM, "SC")
    assert rules.may("licence_copy", MANAGER, "SC") and not rules.may("licence_copy", MANAGER, "LC")
    assert not rules.may("copy", None, "SC")


def test_the_certificate_exception_is_for_copying_two_licences_only():
    def use(certificate, action):
        return CertificateUse.model_validate(
            {
                "use_id": "Z",
                "company_id": "SC",
                "certificate": certificate,
                "action": action,
                "person_id": "P",
                "used_on": date(2026, 3, 1),
            }
        )

    assert certificate_action(use("营业执照", "复印")) == "licence_copy"
    assert certificate_action(use("组织机构代码证", "复印")) == "licence_copy"
    assert certificate_action(use("税务登记证", "复印")) == "certificate_copy"
    assert certificate_action(use("营业执照", "借出")) == "certificate_lend"


def test_a_configured_approver_list_keeps_the_other_defaults(catalog):
    config = load(catalog.parameters.values()).with_values(
        {"secrecy.approvers": {"copy": ["总公司总经理"]}}, "test"
    )
    rules = SecrecyRules.from_config(config)
    assert not rules.may("copy", SUB_GM, "SC") and rules.may("copy", HQ_GM, "SC")
    assert rules.may("certificate_lend", SUB_GM, "SC")  # untouched: the default


# --------------------------------------------------------------------------- leaks


def leak(**fields) -> LeakIncident:
    base = {"incident_id": "L1", "discovered_on": "2026-06-10", "discovered_by": "P1"}
    return LeakIncident.model_validate(base | {"conduct": "泄露"} | fields)


@pytest.mark.parametrize(
    ("reported", "as_of", "days", "deadline", "status"),
    [
        (date(2026, 6, 10), date(2026, 6, 30), 0, date(2026, 6, 10), "按时"),  # the same day
        (date(2026, 6, 11), date(2026, 6, 30), 0, date(2026, 6, 10), "逾期"),  # the next
        (None, date(2026, 6, 11), 0, date(2026, 6, 10), "未报告"),
        (None, date(2026, 6, 10), 0, date(2026, 6, 10), "期限未到"),
        (date(2026, 6, 11), date(2026, 6, 30), 1, date(2026, 6, 11), "按时"),
        (None, date(2026, 7, 1), 21, date(2026, 7, 1), "期限未到"),  # over a month's end
    ],
)
def test_a_leak_is_reported_the_same_day_not_the_next(reported, as_of, days, deadline, status):
    measured = _measured(leak(reported_on=reported), as_of, **{"secrecy.leak_report_days": days})
    assert (measured["report_deadline"], measured["report_status"]) == (deadline, status)


def test_a_leak_report_deadline_past_the_last_date_rejects_the_leak():
    lost = _measured(
        leak(discovered_on="9999-12-31"), date(2026, 6, 30), **{"secrecy.leak_report_days": 1}
    )
    assert isinstance(lost, Unplaced) and "9999-12-31" in str(lost.error)


@pytest.mark.parametrize(
    ("conduct", "consequence", "ordinary_loss", "case"),
    [
        ("泄露", None, "case_1", "1)"),
        ("泄露", "未造成严重后果或经济损失", "case_1", "1)"),
        ("泄露", "造成一般经济损失", "case_1", "1)"),
        ("泄露", "造成一般经济损失", "case_2", "2)"),
        ("泄露", "造成严重后果或重大经济损失", "case_1", "2)"),
        ("泄露", "造成严重后果或重大经济损失", "case_2", "2)"),
        ("为他人窃取、刺探、收买或提供", None, "case_1", "3)"),
        ("为他人窃取、刺探、收买或提供", "造成严重后果或重大经济损失", "case_2", "3)"),
        ("强制他人违反保密规定", None, "case_1", "4)"),
        ("在公共场所讨论", None, "case_1", None),
        ("在公共场所讨论", "造成严重后果或重大经济损失", "case_2", None),
    ],
)
def test_liability_cases(conduct, consequence, ordinary_loss, case):
    record = leak(conduct=conduct, consequence=consequence, responsible_id="P2")
    liability = {field: getattr(record, field, None) for field in LeakLiability.model_fields}
    measured = _measured(
        record,
        date(2026, 6, 30),
        kind="LeakLiability",
        values=liability | {"item_grade": None, "dept_head_label": None},
        **{"secrecy.ordinary_loss": ordinary_loss},
    )
    assert measured["case"] == case


# --------------------------------------------------------------------------- the register

AS_OF = date(2026, 6, 30)
COMPANIES = [
    {"company_id": "HQ", "name": "集团总部", "level": "总公司"},
    {"company_id": "SC", "name": "华南公司", "level": "子公司"},
]


def staff(pid, title, company="HQ"):
    return {"person_id": pid, "name": pid, "company_id": company, "title": title, "unit": "财务部"}


def test_an_unknown_title_rejects_the_person_and_what_names_them(catalog, config):
    result = audit_rows(
        catalog,
        config,
        {
            "SecrecyCompany": COMPANIES,
            "SecrecyStaff": [staff("P1", "总经理"), staff("P2", "总裁"), staff("P3", "员工", "XX")],
            "SecretItem": [
                {
                    "item_id": "S1",
                    "title": "t",
                    "category": "重要决策文件",
                    "grade": "绝密",
                    "company_id": "HQ",
                    "drafted_by": "财务部",
                }
            ],
            "AccessGrant": [
                {"access_id": "A1", "item_id": "S1", "person_id": "P2", "granted_on": "2026-03-01"},
                {"access_id": "A2", "item_id": "S1", "person_id": "P9", "granted_on": "2026-03-01"},
                {"access_id": "A3", "item_id": "S9", "person_id": "P1", "granted_on": "2026-03-01"},
                {"access_id": "A4", "item_id": "S1", "person_id": "P3", "granted_on": "2026-03-01"},
            ],
        },
        AS_OF,
    )
    problems = {(p.source.file.split("#")[-1], p.source.row, p.field): p for p in result.problems}
    title = problems[("SecrecyStaff", 2, "title")].message
    assert "“总裁”不在职务对照表 secrecy.roles 中" in title.zh
    assert all(known in title.zh for known in DEFAULT_ROLES)
    assert "known titles" in title.en
    assert "XX 不在保密公司名册中" in problems[("SecrecyStaff", 3, "company_id")].message.zh
    assert "P2 的名册记录被拒绝（test#SecrecyStaff:2）" in (
        problems[("AccessGrant", 1, "person_id")].message.zh
    )
    assert "P9 不在涉密人员名册中" in problems[("AccessGrant", 2, "person_id")].message.zh
    assert "S9 不在涉密事项登记中" in problems[("AccessGrant", 3, "item_id")].message.zh
    assert "被拒绝" in problems[("AccessGrant", 4, "person_id")].message.zh
    assert result.rejected == 6 and violations_of(result, "SEC-12") == []  # never a pass


def test_an_unknown_category_is_rejected_naming_the_known_ones(catalog, config):
    result = audit_rows(
        catalog,
        config,
        {
            "SecretItem": [
                {
                    "item_id": "S1",
                    "title": "t",
                    "category": "会议材料",
                    "company_id": "HQ",
                    "drafted_by": "财务部",
                }
            ]
        },
        AS_OF,
    )
    (problem,) = result.problems
    assert problem.field == "category" and problem.source.row == 1
    assert "“会议材料”不在类别对照表" in problem.message.zh and "重要决策文件" in problem.message.zh


def test_without_a_staff_register_the_rules_on_roles_do_not_run(catalog, config):
    result = audit_rows(
        catalog,
        config,
        {
            "LeakIncident": [
                {
                    "incident_id": "L1",
                    "discovered_on": "2026-06-01",
                    "discovered_by": "E1",
                    "conduct": "泄露",
                    "responsible_id": "E2",
                }
            ]
        },
        AS_OF,
    )
    assert result.problems == [] and "SEC-20" in {n.rule_id for n in result.not_run}
    assert violations_of(result, "SEC-21") == ["L1"]


# --------------------------------------------------------------------------- F004


def loaded(record) -> Loaded:
    return Loaded(record, Source("prints.csv", 4))


def print_(**fields) -> CustomerInfoPrint:
    base = {"print_id": "D1", "employee_id": "E1", "printed_on": "2026-05-10"}
    return CustomerInfoPrint.model_validate({**base, **fields})


def test_an_unknown_title_of_the_customer_information_rules_is_a_problem(catalog):
    roles = load(catalog.parameters.values())["customer_info.roles"]
    assert (
        role_of(loaded(print_(approved_by_title="服务中心项目经理")), "approved_by_title", roles)
        == "项目经理"
    )
    assert role_of(loaded(print_()), "approved_by_title", roles) is None
    problem = role_of(loaded(print_(approved_by_title="店长")), "approved_by_title", roles)
    assert problem.source == Source("prints.csv", 4) and problem.field == "approved_by_title"
    assert "“店长”不在职务对照表 customer_info.roles 中" in problem.message.zh
    assert "信息员" in problem.message.zh


@pytest.mark.parametrize(
    ("approved_by", "approved_on", "timely"),
    [
        ("总经理", date(2026, 5, 10), True),  # the same day
        ("总经理", date(2026, 5, 9), True),
        ("总经理", date(2026, 5, 11), False),
        ("总经理", None, False),  # an approver without a date proves nothing
        (None, None, None),  # nobody approved: another check's concern
        (None, date(2026, 5, 9), None),
    ],
)
def test_prior_approval_of_a_release_and_of_a_print(approved_by, approved_on, timely):
    approval = {"approved_by_title": approved_by, "approved_on": approved_on}
    release = CustomerInfoRelease.model_validate(
        {"release_id": "R1", "employee_id": "E1", "released_on": "2026-05-10", "recipient": "x"}
        | approval
    )
    for record in (release, print_(**approval)):
        assert _measured(record, date(2026, 6, 30))["approval_timely"] is timely


@pytest.mark.parametrize(
    ("use_until", "returned_on", "as_of", "kept"),
    [
        ("2026-05-31", "2026-05-31", date(2026, 6, 30), False),  # handed back on the last day
        ("2026-05-31", "2026-06-01", date(2026, 6, 30), True),
        ("2026-05-31", None, date(2026, 5, 31), False),
        ("2026-05-31", None, date(2026, 6, 1), True),  # across a month's end
        ("2025-12-31", None, date(2026, 1, 1), True),  # across a year's end
        (None, None, date(2026, 6, 1), None),
        (None, "2026-06-01", date(2026, 6, 1), None),
    ],
)
def test_prints_kept_past_their_date(use_until, returned_on, as_of, kept):
    record = print_(use_until=use_until, returned_on=returned_on)
    assert _measured(record, as_of)["retained"] is kept


def customer_file(**fields) -> CustomerInfoFile:
    base = {"file_id": "F", "received_on": "2026-04-01", "holder_id": "E", "holder_title": "x"}
    return CustomerInfoFile.model_validate({**base, **fields})


@pytest.mark.parametrize(
    ("fields", "days", "status", "deadline"),
    [
        ({}, 7, "未确认", None),
        ({"confirmed_on": "2026-06-01", "destroyed_on": "2026-06-02"}, 7, "已销毁", None),
        ({"destroyed_on": "2026-06-02"}, None, "已销毁", None),
        ({"confirmed_on": "2026-06-01"}, None, "待销毁", None),
        ({"confirmed_on": "2026-06-23"}, 7, "待销毁", date(2026, 6, 30)),  # exactly 7 days
        ({"confirmed_on": "2026-06-22"}, 7, "逾期未销毁", date(2026, 6, 29)),
        ({"confirmed_on": "2025-12-31"}, 0, "逾期未销毁", date(2025, 12, 31)),
        # Destroyed: no deadline, so a confirmation on the last date moves nothing.
        ({"confirmed_on": "9999-12-31", "destroyed_on": "2026-06-02"}, 7, "已销毁", None),
    ],
)
def test_destruction_after_the_control_data_is_confirmed(fields, days, status, deadline):
    measured = _measured(
        customer_file(**fields), date(2026, 6, 30), **{"customer_info.destroy_days": days}
    )
    assert (measured["destruction"], measured["destruction_deadline"]) == (status, deadline)


def test_a_destruction_deadline_past_the_last_date_rejects_the_file():
    lost = _measured(
        customer_file(confirmed_on="9999-12-31"),
        date(2026, 6, 30),
        **{"customer_info.destroy_days": 1},
    )
    assert isinstance(lost, Unplaced) and "9999-12-31" in str(lost.error)


def test_a_tenant_has_moved_in_from_the_first_day_of_the_lease():
    def tenant(moved: str) -> Tenant:
        return Tenant.model_validate({"tenant_id": "T1", "name": "甲", "move_in_date": moved})

    as_of = date(2026, 1, 1)
    assert _measured(tenant("2026-01-01"), as_of)["moved_in"] is True
    assert _measured(tenant("2025-12-31"), as_of)["moved_in"] is True
    assert _measured(tenant("2026-01-02"), as_of)["moved_in"] is False


def test_a_tenants_file_is_the_first_of_its_files_in_the_input():
    def file(file_id: str, tenant_id: str = "T1") -> TenantFile:
        return TenantFile.model_validate(
            {"file_id": file_id, "tenant_id": tenant_id, "opened_on": "2025-01-01"}
        )

    tenant = Tenant.model_validate({"tenant_id": "T1", "name": "甲", "move_in_date": "2025-01-01"})
    as_of = date(2026, 1, 1)
    files = (file("F9", "T2"), file("F2"), file("F1"), file("F3", "T2"))
    assert _measured(tenant, as_of, related=files)["file_id"] == "F2"  # not sorted: read first
    assert _measured(tenant, as_of, related=(file("F9", "T2"),))["file_id"] is None
    assert _measured(tenant, as_of)["file_id"] is None
