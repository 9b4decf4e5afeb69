"""Facts of the secrecy regulation (保密制度, catalogue part C), computed before the engine.

The regulation's tables are configuration, with its own values as defaults, because every
organisation names its categories and roles differently: the category → grade table
(`secrecy.categories`), the organisation's titles → the regulation's roles (`secrecy.roles`), and
who may designate, approve or be told what (`secrecy.approvers`). From them and the register:

- each item's marking (graded, unmarked, or a label that is no grade) and the grade its category
  requires;
- for each access, excerpt or copy and certificate use, the grade in force that day and whether
  the person was inside the circle the grade allows, or the approver of the level it needs;
- for each leak, who was told, and the liability of whoever is responsible (`LeakLiability`, one
  per leak with a responsible person).

What one record says of itself — how the marking compares with the category, when an item
declassifies itself (届满) and whether it has, whether an approval came first, a leak's report
deadline and how the report stands, a liability's item of 奖惩2、 — are derived fields beside the
rules in policies/secrecy.py.

`SecrecyRules.may_know` is the one answer to "who may know an item of this grade"; anything else
that hands out graded material (an archive loan of a graded archive) asks it too:

    rules = SecrecyRules.from_config(ctx.config)
    grade = rules.grade_on(item, loan.borrowed_on)
    allowed = rules.may_know(grade, borrower, item=item, designated_by=approver)

Each computation is a small function tested on its own (tests/test_secrecy_facts.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal

from pydantic import NonNegativeInt

from checker.config import Config, Parameter
from checker.facts import Computed, DerivedKind, Fact, FactContext, Subject, Withheld
from checker.i18n import Text
from checker.loading import Dataset, Loaded, Problem, rejected_values
from checker.records import KINDS as RECORD_KINDS
from checker.records.base import Money, col
from checker.records.grades import marked_grade, withheld_grade_named
from checker.records.secrecy import (
    LEAK_CONDUCT,
    LEAK_CONSEQUENCES,
    LEAK_FIELDS,
    AccessGrant,
    CertificateUse,
    CopyEvent,
    LeakIncident,
    SecrecyCompany,
    SecrecyStaff,
    SecretItem,
)

KINDS = (
    "SecrecyCompany",
    "SecretItem",
    "AccessGrant",
    "CopyEvent",
    "CertificateUse",
    "LeakIncident",
    "InformationRelease",
)

GRADES = ("绝密", "机密", "秘密")
WITHHELD_GRADES = ("绝密", "机密")  # reports show these items by id and grade only
CATEGORY_CLASSES = (*GRADES, "密级自定", "不属于保密范围")
ROLES = ("董事长", "总经理", "副总经理", "领导", "部门经理", "主管", "员工")
APPROVER_CODES = tuple(f"{level}{role}" for level in ("总公司", "本公司") for role in ROLES)
ACTIONS = (
    "top_secret_designation",
    "top_secret_copy",
    "copy",
    "certificate_lend",
    "certificate_copy",
    "licence_copy",
    "leak_report",
)
LICENCES = ("营业执照", "组织机构代码证")  # copied with a department manager's approval

Grade = Literal["绝密", "机密", "秘密"]
Marking = Literal["已标密级", "未标密级", "密级无效"]

# 2、保密范围 and 3、公司密级的确定 (catalogue part C, the category → grade table).
DEFAULT_CATEGORIES: dict[str, str] = {
    # 3、1): 直接影响公司权益和利益的重要决策文件、资料
    "重要决策文件": "绝密",
    # 3、2)
    "年度规划": "机密",
    "财务报表": "机密",
    "统计资料": "机密",
    "统计报表": "机密",  # 2、4) calls them 统计报表
    "重要会议记录": "机密",
    "经营情况": "机密",
    "厂家技术资料": "机密",
    # 3、3)
    "合同": "秘密",
    "协议": "秘密",
    "人事档案": "秘密",
    "工资": "秘密",
    "奖金": "秘密",
    "未公开信息": "秘密",
    "营业执照": "秘密",
    "组织机构代码证": "秘密",  # 相关证件 (2、9))
    "税务登记证": "秘密",
    "其他证件": "秘密",
    # 2、 without a grade in 3、: the drafting unit grades them
    "重大决策秘密事项": "密级自定",
    "经营战略": "密级自定",
    "经营方向": "密级自定",
    "经营规划": "密级自定",
    "经营项目": "密级自定",
    "经营决策": "密级自定",
    "意见书": "密级自定",
    "可行性报告": "密级自定",
    "预决算报告": "密级自定",
    "审计报告": "密级自定",
    "管理策略": "密级自定",
    "客户信息": "密级自定",
    "货源情报": "密级自定",
    "产销策略": "密级自定",
    "技术水平": "密级自定",
    "技术力量": "密级自定",
    "技术潜力": "密级自定",
    "产品动向": "密级自定",
    "光盘": "密级自定",
    "书籍": "密级自定",
    "文档": "密级自定",
    "人事相关资料": "密级自定",
    "其他保密事项": "密级自定",
    # 2、 last line
    "一般性决定": "不属于保密范围",
    "决议": "不属于保密范围",
    "通告": "不属于保密范围",
    "通知": "不属于保密范围",
    "行政管理资料": "不属于保密范围",
}

DEFAULT_ROLES: dict[str, str] = {
    "董事长": "董事长",
    "总经理": "总经理",
    "副总经理": "副总经理",
    "常务副总经理": "副总经理",
    "总监": "领导",
    "总经理助理": "领导",
    "部门经理": "部门经理",
    "部门负责人": "部门经理",
    "主管": "主管",
    "员工": "员工",
    "职员": "员工",
}

GMS = ["总公司总经理", "总公司副总经理"]
DEFAULT_APPROVERS: dict[str, list[str]] = {
    "top_secret_designation": GMS,
    "top_secret_copy": GMS,
    "copy": ["本公司总经理", *GMS],
    "certificate_lend": ["本公司总经理", *GMS],
    "certificate_copy": ["本公司总经理", *GMS],
    "licence_copy": ["本公司部门经理", "本公司副总经理", "本公司总经理", *GMS],
    "leak_report": ["总公司董事长", *GMS, "总公司领导"],
}

PARAMETERS = (
    Parameter(
        "secrecy.categories",
        dict[str, Literal[CATEGORY_CLASSES]],  # type: ignore[valid-type]
        DEFAULT_CATEGORIES,
        Text(
            "类别→密级对照表（保密范围、密级的确定）：每个类别为绝密、机密、秘密，“密级自定”（属保密范围、"
            "原文未定密级，由起草单位确定）或“不属于保密范围”。设定后取代整张默认表；登记簿中表外的类别被拒绝。",
            "Category → grade table (保密范围, 密级的确定): 绝密, 机密, 秘密, 密级自定 (secret, "
            "graded by the drafting unit) or 不属于保密范围 (not secret). A configured table "
            "replaces the default; an item of a category not in it is rejected.",
        ),
    ),
    Parameter(
        "secrecy.unclassified_labels",
        list[str],
        ["非密", "公开", "无"],
        Text(
            "登记簿中表示“未定密级”的写法；其他非三级的写法（如“内部”）是无效密级。",
            "Labels that mean 'no grade' in the register; any other label that is not one of "
            "the three grades (内部 …) is an invalid grade.",
        ),
    ),
    Parameter(
        "secrecy.roles",
        dict[str, Literal[ROLES]],  # type: ignore[valid-type]
        DEFAULT_ROLES,
        Text(
            "本单位职务→制度角色对照表（董事长、总经理、副总经理、领导、部门经理、主管、员工）；"
            "总公司与子公司由人员所在公司的层级区分。名册中表外的职务被拒绝。设定后取代默认表。",
            "The organisation's titles → the regulation's roles (董事长, 总经理, 副总经理, 领导, "
            "部门经理, 主管, 员工); head office or subsidiary comes from the person's company. A "
            "title not in the table rejects the person. A configured table replaces the default.",
        ),
    ),
    Parameter(
        "secrecy.approvers",
        dict[Literal[ACTIONS], list[Literal[APPROVER_CODES]]],  # type: ignore[valid-type]
        DEFAULT_APPROVERS,
        Text(
            "谁可指定、批准或接受报告：top_secret_designation（全部知晓并可指定绝密知悉人）、"
            "top_secret_copy（绝密摘抄复制）、copy（机密、秘密摘抄复制）、certificate_lend（证件借出）、"
            "certificate_copy（证件复印）、licence_copy（营业执照、组织机构代码证复印）、leak_report"
            "（泄密报告对象）；“本公司”指保管该事项或证件的公司，“总公司”指总公司。未列出的事项沿用默认。",
            "Who may designate, approve or be told: top_secret_designation (knows everything "
            "and designates who may know 绝密), top_secret_copy, copy (机密 and 秘密), "
            "certificate_lend, certificate_copy, licence_copy (营业执照, 组织机构代码证), "
            "leak_report. 本公司 is the company holding the item or certificate, 总公司 the head "
            "office. Actions not listed keep their default.",
        ),
    ),
    Parameter(
        "secrecy.declassified_from",
        Literal["day_after_end", "end_date"],
        "day_after_end",
        Text(
            "“保密期限届满,自行解密”：保密期限至当日仍属保密，次日起解密（day_after_end，默认）；"
            "或保密期限至当日即解密（end_date）。",
            "'The period expires and the item declassifies itself': secret through the end "
            "date, declassified from the next day (day_after_end, default), or declassified on "
            "the end date (end_date).",
        ),
    ),
    Parameter(
        "secrecy.related_persons",
        Literal["unit_or_stated", "stated"],
        "unit_or_stated",
        Text(
            "秘密级“相关人员”：起草部门的人员或知悉登记载明工作相关者（unit_or_stated，默认）；"
            "或仅知悉登记载明工作相关者（stated）。",
            "'Related persons' of a 秘密 item: members of the drafting department or those "
            "the grant marks as working on it (unit_or_stated, default); or only the latter "
            "(stated).",
        ),
    ),
    Parameter(
        "secrecy.leak_report_days",
        NonNegativeInt,
        0,
        Text(
            "“立即向总公司领导报告”：发现泄密后多少天内报告仍算立即（默认0，即发现当天）。",
            "'Report to a head-office leader at once': days after the leak was found that still "
            "count as at once (default 0, the same day).",
        ),
    ),
    Parameter(
        "secrecy.ordinary_loss",
        Literal["case_1", "case_2"],
        "case_1",
        Text(
            "造成一般（非重大）经济损失的泄密介于奖惩2、1)“尚未造成严重后果或经济损失”与2)“造成严重后果或"
            "重大经济损失”之间：按1)（case_1，默认）或按2)（case_2）。",
            "A leak with an ordinary (not major) loss sits between 1) 'no serious consequence or "
            "loss' and 2) 'serious consequence or major loss': treated as 1) (case_1, default) "
            "or 2) (case_2).",
        ),
    ),
)


# --------------------------------------------------------------------------- people and rules


@dataclass(frozen=True)
class Person:
    """A person as the secrecy rules see them: their company, its level, their role."""

    id: str
    name: str
    title: str  # as the organisation names it
    role: str  # the regulation's role, from secrecy.roles
    company_id: str
    company_name: str
    head_office: bool
    unit: str | None = None

    @property
    def label(self) -> str:
        """王强（集团总部 总裁）: who the person is, in the organisation's own words."""
        return f"{self.id} {self.name}（{self.company_name}{self.title}）"

    def holds(self, code: str, holder_company: str | None) -> bool:
        """Whether the person holds an approver code: 总公司总经理, 本公司部门经理 …"""
        level, role = code[:3], code[3:]  # 总公司 or 本公司, then the role (APPROVER_CODES)
        if role != self.role:
            return False
        return self.head_office if level == "总公司" else self.company_id == holder_company


@dataclass(frozen=True)
class SecrecyRules:
    """The regulation's tables as the configuration sets them, and the judgements made on them."""

    categories: Mapping[str, str]
    unclassified: frozenset[str]
    roles: Mapping[str, str]
    approvers: Mapping[str, tuple[str, ...]]
    declassified_from: str = "day_after_end"
    related_persons: str = "unit_or_stated"

    @classmethod
    def from_config(cls, config: Config) -> SecrecyRules:
        approvers = {**DEFAULT_APPROVERS, **config["secrecy.approvers"]}
        return cls(
            categories=config["secrecy.categories"],
            unclassified=frozenset(config["secrecy.unclassified_labels"]),
            roles=config["secrecy.roles"],
            approvers={k: tuple(v) for k, v in approvers.items()},
            declassified_from=config["secrecy.declassified_from"],
            related_persons=config["secrecy.related_persons"],
        )

    # ----------------------------------------------------------------- grades

    def grade_of(self, label: str | None) -> Grade | None:
        """The grade a label marks (绝密, 绝密级, 絕密, 绝密★长期 are 绝密); any other is none."""
        return marked_grade(label)  # type: ignore[return-value]

    def marking(self, label: str | None) -> Marking:
        if label is None or label.strip() in self.unclassified:
            return "未标密级"
        return "已标密级" if self.grade_of(label) else "密级无效"

    def declassified_on(self, item: SecretItem) -> date | None:
        """The first day the item is no longer secret (保密期限届满,自行解密), if ever: the grade
        other records see (grade_on). The item's own field is the derived field declassified_on
        (policies/secrecy.py); tests/test_secrecy_facts.py checks that both agree."""
        if item.period_end is None or item.continue_secret:
            return None
        if self.declassified_from == "end_date":
            return item.period_end
        if item.period_end == date.max:  # secret through 9999-12-31: no day after it
            return None
        return item.period_end + timedelta(days=1)

    def grade_on(self, item: SecretItem, day: date) -> Grade | None:
        """The grade in force on `day`: the marked grade until the period has run out."""
        grade = self.grade_of(item.grade)
        free_from = self.declassified_on(item)
        return None if free_from is not None and day >= free_from else grade

    def required_grade(self, item: SecretItem) -> Grade | None:
        category = self.categories.get(item.category)
        return category if category in GRADES else None  # type: ignore[return-value]

    def withheld_grade(self, item: SecretItem) -> Grade | None:
        """The gravest of the marked grade, a grade the label names in a spelling that is no
        grade (ＴＯＰ绝密), and the grade its category requires."""
        return self.withheld_grade_of(item.grade, item.category)

    def withheld_grade_of(self, label: str | None, category: str | None) -> Grade | None:
        """`withheld_grade` from a grade cell and a category cell as written (a rejected row)."""
        required = self.categories.get(category or "")
        grades = [marked_grade(label), withheld_grade_named(label), required]
        found = [g for g in grades if g in GRADES]
        return min(found, key=GRADES.index) if found else None  # type: ignore[return-value]

    # ----------------------------------------------------------------- who may

    def may(self, action: str, person: Person | None, holder_company: str | None) -> bool:
        """Whether the person is among those `secrecy.approvers` lists for the action."""
        return person is not None and any(
            person.holds(code, holder_company) for code in self.approvers[action]
        )

    def may_know(
        self,
        grade: str | None,
        person: Person,
        *,
        item: SecretItem,
        designated_by: Person | None = None,
        related: bool | None = None,
    ) -> bool:
        """Whether `person` may know `item` while it has `grade` (保密制度 知晓范围).

        - Every grade: the head office's 总经理 and 副总经理 (those `top_secret_designation`
          lists) know everything.
        - 绝密: besides them, only the persons they designated.
        - 机密: the supervisor responsible for the work and whoever the supervisor (or a
          head-office 总经理 or 副总经理) deemed must know.
        - 秘密: besides those, related persons: marked as working on it, or (by default) in the
          department that drafted it.
        - No grade in force (unmarked, or declassified): anyone.
        """
        if grade is None:
            return True
        company = item.company_id
        if self.may("top_secret_designation", person, company):
            return True
        by_chief = self.may("top_secret_designation", designated_by, company)
        if grade == "绝密":
            return by_chief
        supervisor = item.supervisor_id
        by_supervisor = supervisor is not None and (
            person.id == supervisor
            or (designated_by is not None and designated_by.id == supervisor)
        )
        if grade == "机密":
            return by_supervisor or by_chief
        in_unit = (
            self.related_persons == "unit_or_stated"
            and person.company_id == company
            and person.unit == item.drafted_by
        )
        return by_supervisor or by_chief or bool(related) or in_unit

    def approver_list(self, action: str) -> str:
        return "、".join(self.approvers[action])


def copy_action(grade: str) -> str:
    return "top_secret_copy" if grade == "绝密" else "copy"


def certificate_action(use: CertificateUse) -> str:
    if use.action == "借出":
        return "certificate_lend"
    return "licence_copy" if use.certificate.strip() in LICENCES else "certificate_copy"


# --------------------------------------------------------------------------- computed fields


class CompanyFacts(Computed):
    graded_items: int = col(
        "保管的密级事项数", "Items within the secrecy scope it holds with a grade in force"
    )
    has_custodian: bool = col("已指派保管专人", "A custodian of secret files is designated")


class ItemFacts(Computed):
    marking: Marking = col("标密情况", "已标密级, 未标密级, or 密级无效 (a label of no grade)")
    grade_level: Grade | None = col("密级(规范)", "The grade the label marks")
    category_grade: Literal[CATEGORY_CLASSES] = col(  # type: ignore[valid-type]
        "类别对应密级", "What secrecy.categories says of the category"
    )
    original_grade: Grade | None = col("原件密级", "For a copy: the original's grade")
    original_period_end: date | None = col("原件保密期限", "For a copy: the original's period")
    managed_as_original: bool | None = col(
        "视同原件管理", "For a copy: it carries the original's grade and period"
    )


class AccessFacts(Computed):
    effective_grade: Grade | None = col("知悉时密级", "The item's grade on the day")
    item_title: str | None = col("事项标题", "The item's title")
    person_label: str | None = col("知悉人", "Who was given knowledge")
    designated_by_label: str | None = col("指定人(职务)", "Who designated them")
    supervisor_label: str | None = col("主管人员(职务)", "The supervisor responsible")
    item_unit: str | None = col("起草部门", "The department that drafted the item")
    within_circle: bool | None = col("在知晓范围内", "The grade allows the person to know it")


class CopyFacts(Computed):
    effective_grade: Grade | None = col("复制时密级", "The item's grade on the day")
    item_title: str | None = col("事项标题", "The item's title")
    person_label: str | None = col("复制人", "Who excerpted or copied it")
    approver_label: str | None = col("审批人(职务)", "Who approved it")
    approvers: str | None = col("应由谁批准", "Who may approve at this grade")
    approver_allowed: bool | None = col("审批人层级相符", "The approver may approve this grade")


class CertificateFacts(Computed):
    person_label: str | None = col("经办人", "Who copied or borrowed it")
    approver_label: str | None = col("审批人(职务)", "Who approved it")
    approvers: str = col("应由谁批准", "Who may approve this use")
    approver_allowed: bool | None = col("审批人层级相符", "The approver may approve it")


class LeakFacts(Computed):
    item_grade: Grade | None = col("泄密事项密级", "The leaked item's grade on the day")
    item_title: str | None = col("事项标题", "The leaked item's title")
    discoverer_label: str | None = col("发现人(职务)", "Who found it")
    reported_to_label: str | None = col("报告对象(职务)", "Who was told")
    reported_to_allowed: bool | None = col("报告对象为总公司领导", "secrecy.approvers.leak_report")


class LeakLiability(Computed):
    """One leak's liability: the responsible person is the subject."""

    incident_id: str = col("事件编号", "Incident number")
    discovered_on: date = col("发现日期", "Date found")
    conduct: Literal[LEAK_CONDUCT] = col("情形", "What happened")  # type: ignore[valid-type]
    consequence: Literal[LEAK_CONSEQUENCES] | None = col("后果", "Consequence")  # type: ignore[valid-type]
    intent: Literal["故意", "过失"] | None = col("主观", "Intent or negligence")
    serious: bool | None = col("情节严重", "The company found the case serious")
    loss_cny: Money | None = col("经济损失(元)", "Economic loss")
    secret_field: Literal[LEAK_FIELDS] | None = col("机密类别", "Kind of secret")  # type: ignore[valid-type]
    item_id: str | None = col("事项编号", "The item leaked")
    item_grade: Grade | None = col("泄密事项密级", "Its grade on the day")
    dept_head_id: str | None = col("部门领导", "The responsible person's department head")
    dept_head_label: str | None = col("部门领导(姓名)", "The department head, named")
    responsible_label: str | None = col("责任人", "Who is liable")


COMPUTED = {
    "SecrecyCompany": CompanyFacts,
    "SecretItem": ItemFacts,
    "AccessGrant": AccessFacts,
    "CopyEvent": CopyFacts,
    "CertificateUse": CertificateFacts,
    "LeakIncident": LeakFacts,
}
DERIVED = (DerivedKind("LeakLiability", Text("泄密责任", "leak liability"), LeakLiability),)


# --------------------------------------------------------------------------- the register


def _header(kind: str, field: str) -> str:
    return RECORD_KINDS[kind].model_fields[field].alias or field


class Register:
    """The companies, people and items of one dataset, and references that cannot be resolved.

    A person whose title `secrecy.roles` lacks, or whose company the company register lacks, is
    rejected; a record naming a rejected or unknown person or item is rejected too, naming the
    field, because no rule could judge it. Without a staff register (a dataset of another
    company's leaks) people are not looked up, and the rules that need roles do not run.
    """

    def __init__(self, ctx: FactContext, rules: SecrecyRules) -> None:
        self.ctx = ctx
        self.rules = rules
        self.problems: list[Problem] = []
        self.companies: dict[str, SecrecyCompany] = {
            c.record.company_id: c.record for c in ctx.records("SecrecyCompany")
        }
        self.items: dict[str, SecretItem] = {
            i.record.item_id: i.record for i in ctx.records("SecretItem")
        }
        self.people: dict[str, Person] = {}
        self.rejected: dict[str, str] = {}  # person id -> the rejected row
        for loaded in ctx.records("SecrecyStaff"):
            person = self._person(loaded)
            if isinstance(person, Problem):
                self.problems.append(person)
                self.rejected[loaded.record.person_id] = str(loaded.source)
            else:
                self.people[person.id] = person

    @classmethod
    def of(cls, ctx: FactContext) -> Register:
        """The dataset's register, built once per pass: the archive facts read it too."""
        return ctx.shared(
            "secrecy.register", lambda: cls(ctx, SecrecyRules.from_config(ctx.config))
        )

    def _person(self, loaded: Loaded) -> Person | Problem:
        staff: SecrecyStaff = loaded.record
        role = self.rules.roles.get(staff.title)
        if role is None:
            known = "、".join(self.rules.roles)
            return Problem(
                loaded.source,
                Text(
                    f"职务（title）：“{staff.title}”不在职务对照表 secrecy.roles 中，"
                    f"无法判断其权限；已知职务：{known}",
                    f"title {staff.title!r} is not in the table of titles secrecy.roles, so its "
                    f"rights cannot be judged; known titles: {known}",
                ),
                field="title",
            )
        company = self.companies.get(staff.company_id)
        if company is None:
            return Problem(
                loaded.source,
                Text(
                    f"所在公司（company_id）：{staff.company_id} 不在保密公司名册中，"
                    "无法判断其属总公司或子公司",
                    f"company_id {staff.company_id} is not in the group companies register, so "
                    "head office or subsidiary cannot be told",
                ),
                field="company_id",
            )
        return Person(
            staff.person_id,
            staff.name,
            staff.title,
            role,
            company.company_id,
            company.name,
            company.level == "总公司",
            staff.unit,
        )

    def person(self, loaded: Loaded, field: str) -> Person | Problem | None:
        """The person a record's field names; a Problem rejecting the record when it cannot."""
        person_id = getattr(loaded.record, field)
        if person_id is None or not self.ctx.has("SecrecyStaff"):
            return None
        if person_id in self.people:
            return self.people[person_id]
        header = _header(loaded.record.meta.name, field)
        if person_id in self.rejected:
            where = self.rejected[person_id]
            return Problem(
                loaded.source,
                Text(
                    f"{header}（{field}）：{person_id} 的名册记录被拒绝（{where}），无法判断其权限",
                    f"{field}: the register row of {person_id} was rejected ({where}), so their "
                    "rights cannot be judged",
                ),
                field=field,
            )
        return Problem(
            loaded.source,
            Text(
                f"{header}（{field}）：{person_id} 不在涉密人员名册中",
                f"{field}: {person_id} is not in the secrecy staff register",
            ),
            field=field,
        )

    def item(self, loaded: Loaded, field: str = "item_id") -> SecretItem | Problem | None:
        item_id = getattr(loaded.record, field)
        if item_id is None or not self.ctx.has("SecretItem"):
            return None
        if item_id in self.items:
            return self.items[item_id]
        header = _header(loaded.record.meta.name, field)
        return Problem(
            loaded.source,
            Text(
                f"{header}（{field}）：{item_id} 不在涉密事项登记中",
                f"{field}: {item_id} is not in the register of secret items",
            ),
            field=field,
        )

    def unit(self, item: SecretItem) -> Subject:
        """The drafting unit answers for an item's marking: its company and department."""
        company = self.companies.get(item.company_id)
        return Subject(
            "unit", f"{item.company_id}/{item.drafted_by}", company.name if company else None
        )

    def display(self, person_id: str | None, loaded: Loaded) -> str | None:
        """A person as messages name them: from the staff register, else the staff roll."""
        if person_id is None:
            return None
        if person_id in self.people:
            return self.people[person_id].label
        name = self.ctx.subject_name("employee", person_id, loaded.source)
        return f"{person_id} {name}" if name else person_id

    def named(self, fact: Fact, person_id: str | None) -> Fact:
        """The fact attributed to a person, named from the staff register when it has them."""
        if person_id is None:
            return fact
        person = self.people.get(person_id)
        if person is not None:
            name = person.name
        else:
            name = self.ctx.subject_name("employee", person_id, fact.record.source)
        return replace(fact, subject=Subject("employee", person_id, name))


def _label(person: Person | None) -> str | None:
    return None if person is None else person.label


# --------------------------------------------------------------------------- build


def item_facts(item: SecretItem, items: Mapping[str, SecretItem], rules: SecrecyRules) -> ItemFacts:
    grade = rules.grade_of(item.grade)
    original = items.get(item.copy_of) if item.copy_of else None
    original_grade = rules.grade_of(original.grade) if original else None
    managed = None
    if original is not None:
        managed = grade == original_grade and item.period_end == original.period_end
    return ItemFacts(
        marking=rules.marking(item.grade),
        grade_level=grade,
        category_grade=rules.categories[item.category],
        original_grade=original_grade,
        original_period_end=original.period_end if original else None,
        managed_as_original=managed,
    )


def _resolved(*values: object) -> list[Problem]:
    return [v for v in values if isinstance(v, Problem)]


def _companies(ctx: FactContext, register: Register) -> Iterator[Fact]:
    rules, graded = register.rules, Counter()
    for item in register.items.values():
        in_scope = rules.categories.get(item.category, "不属于保密范围") != "不属于保密范围"
        if in_scope and rules.grade_on(item, ctx.as_of):
            graded[item.company_id] += 1
    for loaded in ctx.records("SecrecyCompany"):
        company: SecrecyCompany = loaded.record
        yield ctx.fact(
            loaded,
            CompanyFacts(
                graded_items=graded[company.company_id], has_custodian=bool(company.custodians)
            ),
        )


def _items(ctx: FactContext, register: Register) -> Iterator[Fact | Problem]:
    rules = register.rules
    for loaded in ctx.records("SecretItem"):
        item: SecretItem = loaded.record
        if item.category not in rules.categories:
            known = "、".join(rules.categories)
            yield Problem(
                loaded.source,
                Text(
                    f"类别（category）：“{item.category}”不在类别对照表 secrecy.categories 中；"
                    f"已知类别：{known}",
                    f"category {item.category!r} is not in the table secrecy.categories; known "
                    f"categories: {known}",
                ),
                field="category",
            )
            continue
        if item.copy_of and item.copy_of not in register.items:
            yield Problem(
                loaded.source,
                Text(
                    f"原件编号（copy_of）：{item.copy_of} 不在涉密事项登记中，"
                    "无法核对复印件是否视同原件管理",
                    f"copy_of: {item.copy_of} is not in the register, so the copy cannot be "
                    "checked against its original",
                ),
                field="copy_of",
                rejects_record=False,
            )
        fact = ctx.fact(loaded, item_facts(item, register.items, rules))
        yield replace(fact, subject=register.unit(item))


def _access(ctx: FactContext, register: Register) -> Iterator[Fact | Problem]:
    for loaded in ctx.records("AccessGrant"):
        grant: AccessGrant = loaded.record
        item = register.item(loaded)
        person = register.person(loaded, "person_id")
        designated_by = register.person(loaded, "designated_by")
        problems = _resolved(item, person, designated_by)
        if problems:
            yield from problems
            continue
        grade = register.rules.grade_on(item, grant.granted_on) if item else None
        within = None
        if item is not None and person is not None:
            within = register.rules.may_know(
                grade, person, item=item, designated_by=designated_by, related=grant.related
            )
        supervisor = item.supervisor_id if item else None
        facts = AccessFacts(
            effective_grade=grade,
            item_title=item.title if item else None,
            person_label=_label(person),
            designated_by_label=_label(designated_by),
            supervisor_label=register.display(supervisor, loaded),
            item_unit=item.drafted_by if item else None,
            within_circle=within,
        )
        yield register.named(ctx.fact(loaded, facts), grant.person_id)


def _copies(ctx: FactContext, register: Register) -> Iterator[Fact | Problem]:
    for loaded in ctx.records("CopyEvent"):
        event: CopyEvent = loaded.record
        item = register.item(loaded)
        person = register.person(loaded, "person_id")
        approver = register.person(loaded, "approved_by")
        problems = _resolved(item, person, approver)
        if problems:
            yield from problems
            continue
        grade = register.rules.grade_on(item, event.copied_on) if item else None
        action = copy_action(grade) if grade else None
        facts = CopyFacts(
            effective_grade=grade,
            item_title=item.title if item else None,
            person_label=_label(person),
            approver_label=_label(approver),
            approvers=register.rules.approver_list(action) if action else None,
            approver_allowed=(
                register.rules.may(action, approver, item.company_id)
                if action and item and approver
                else None
            ),
        )
        yield register.named(ctx.fact(loaded, facts), event.person_id)


def _certificates(ctx: FactContext, register: Register) -> Iterator[Fact | Problem]:
    for loaded in ctx.records("CertificateUse"):
        use: CertificateUse = loaded.record
        person = register.person(loaded, "person_id")
        approver = register.person(loaded, "approved_by")
        problems = _resolved(person, approver)
        if problems:
            yield from problems
            continue
        action = certificate_action(use)
        facts = CertificateFacts(
            person_label=_label(person),
            approver_label=_label(approver),
            approvers=register.rules.approver_list(action),
            approver_allowed=(
                register.rules.may(action, approver, use.company_id) if approver else None
            ),
        )
        yield register.named(ctx.fact(loaded, facts), use.person_id)


def _leaks(ctx: FactContext, register: Register) -> Iterator[Fact | Problem]:
    """Each leak's report to head office, and the liability of whoever is responsible."""
    for loaded in ctx.records("LeakIncident"):
        leak: LeakIncident = loaded.record
        item = register.item(loaded)
        told = register.person(loaded, "reported_to")
        problems = _resolved(
            item,
            told,
            register.person(loaded, "discovered_by"),
            register.person(loaded, "responsible_id"),
        )
        if problems:
            yield from problems
            continue
        grade = register.rules.grade_on(item, leak.discovered_on) if item else None
        facts = LeakFacts(
            item_grade=grade,
            item_title=item.title if item else None,
            discoverer_label=register.display(leak.discovered_by, loaded),
            reported_to_label=_label(told),
            reported_to_allowed=(
                None if told is None else register.rules.may("leak_report", told, None)
            ),
        )
        yield register.named(ctx.fact(loaded, facts), leak.discovered_by)
        if leak.responsible_id is None:
            continue
        liability = LeakLiability(
            incident_id=leak.incident_id,
            discovered_on=leak.discovered_on,
            conduct=leak.conduct,
            consequence=leak.consequence,
            intent=leak.intent,
            serious=leak.serious,
            loss_cny=leak.loss_cny,
            secret_field=leak.secret_field,
            item_id=leak.item_id,
            item_grade=grade,
            dept_head_id=leak.dept_head_id,
            dept_head_label=register.display(leak.dept_head_id, loaded),
            responsible_label=register.display(leak.responsible_id, loaded),
        )
        fact = ctx.fact(loaded, liability, kind="LeakLiability")
        yield register.named(fact, leak.responsible_id)


def build(ctx: FactContext) -> Iterator[Fact | Problem]:
    register = Register.of(ctx)
    yield from register.problems
    for part in (_companies, _items, _access, _copies, _certificates, _leaks):
        yield from part(ctx, register)
    yield from ctx.each("InformationRelease")


# --------------------------------------------------------------------------- redaction


def withheld(dataset: Dataset, config: Config) -> Iterable[Withheld]:
    """Titles and summaries of items that are, or by their category should be, 绝密 or 机密."""
    rules = SecrecyRules.from_config(config)
    for loaded in dataset.records.get("SecretItem", []):
        item: SecretItem = loaded.record
        grade = rules.withheld_grade(item)
        if grade in WITHHELD_GRADES:
            texts = tuple(t for t in (item.title, item.summary) if t and t.strip())
            yield Withheld(item.item_id, grade, texts)
    # A row rejected for, say, a bad date still says its grade and category as it was written.
    for cells in rejected_values(dataset, "SecretItem"):
        grade = rules.withheld_grade_of(cells.get("grade"), cells.get("category"))
        texts = tuple(cells[f] for f in ("title", "summary") if f in cells)
        if grade in WITHHELD_GRADES and texts:
            yield Withheld(cells.get("item_id", "?"), grade, texts)
