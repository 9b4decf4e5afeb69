"""The secrecy facts on their own: grades and 届满, who may know, who may approve, leak reports,
liability, the register's rejections, and the customer-information facts of F004."""

from datetime import date

import pytest

from checker.config import load
from checker.facts.confidentiality import destruction, retained, role_of
from checker.facts.secrecy import (
    DEFAULT_ROLES,
    Person,
    SecrecyRules,
    certificate_action,
    liability_case,
    prior,
    report_status,
)
from checker.loading import Loaded, Source
from checker.records.confidentiality import CustomerInfoFile, CustomerInfoPrint
from checker.records.secrecy import CertificateUse, SecretItem
from tests.conftest import audit_rows, violations_of


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


def test_a_leak_is_reported_the_same_day_not_the_next():
    found = date(2026, 6, 10)
    assert report_status(found, found, date(2026, 6, 30), 0) == (found, "按时")
    assert report_status(found, date(2026, 6, 11), date(2026, 6, 30), 0)[1] == "逾期"
    assert report_status(found, None, date(2026, 6, 11), 0)[1] == "未报告"
    assert report_status(found, None, found, 0)[1] == "期限未到"
    assert report_status(found, date(2026, 6, 11), date(2026, 6, 30), 1)[1] == "按时"


def test_liability_cases():
    assert liability_case("泄露", None, "case_1") == "1)"
    assert liability_case("泄露", "未造成严重后果或经济损失", "case_1") == "1)"
    assert liability_case("泄露", "造成一般经济损失", "case_1") == "1)"
    assert liability_case("泄露", "造成一般经济损失", "case_2") == "2)"
    assert liability_case("泄露", "造成严重后果或重大经济损失", "case_1") == "2)"
    assert liability_case("为他人窃取、刺探、收买或提供", None, "case_1") == "3)"
    assert liability_case("强制他人违反保密规定", None, "case_1") == "4)"
    assert liability_case("在公共场所讨论", None, "case_1") is None


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


def test_prior_approval_and_prints_kept_past_their_date():
    day = date(2026, 5, 10)
    assert prior(day, day, "总经理") and prior(date(2026, 5, 9), day, "总经理")
    assert prior(date(2026, 5, 11), day, "总经理") is False
    assert prior(None, day, "总经理") is False and prior(None, day, None) is None
    until = {"use_until": "2026-05-31"}
    assert retained(print_(**until, returned_on="2026-05-31"), date(2026, 6, 30)) is False
    assert retained(print_(**until, returned_on="2026-06-01"), date(2026, 6, 30)) is True
    assert retained(print_(**until), date(2026, 5, 31)) is False
    assert retained(print_(**until), date(2026, 6, 1)) is True
    assert retained(print_(), date(2026, 6, 1)) is None


def test_destruction_after_the_control_data_is_confirmed():
    def file(**fields) -> CustomerInfoFile:
        base = {"file_id": "F", "received_on": "2026-04-01", "holder_id": "E", "holder_title": "x"}
        return CustomerInfoFile.model_validate({**base, **fields})

    as_of = date(2026, 6, 30)
    assert destruction(file(), as_of, 7) == ("未确认", None)
    assert destruction(file(confirmed_on="2026-06-01", destroyed_on="2026-06-02"), as_of, 7)[0] == (
        "已销毁"
    )
    assert destruction(file(confirmed_on="2026-06-01"), as_of, None) == ("待销毁", None)
    assert destruction(file(confirmed_on="2026-06-23"), as_of, 7) == ("待销毁", date(2026, 6, 30))
    assert destruction(file(confirmed_on="2026-06-22"), as_of, 7) == (
        "逾期未销毁",
        date(2026, 6, 29),
    )
