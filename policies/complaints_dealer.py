"""客戶投訴管理制度 of a car dealer (制度7): shared/regulations/001_…, lines 170–226.

The dealer's 第六条 names who is sanctioned, never how: the employee responsible and the
department head, scaled to the loss the complaint caused (1), and the handler whose slowness
delayed it (2), the delay measured against 第四条3's one working day for a solution. Each case
of loss or delay is a violation with "责任处罚" as its sanction; a further check reports when no
sanction of that person on that complaint is recorded.

The default profile leaves it out: a single dealer's rules, whose sanctions of complaint cases
would stand beside 制度9's ladder for the same cases (different companies never combine); the
dealer's own data selects it.
"""

from __future__ import annotations

from dataclasses import replace

from checker.conditions import (
    AUDIT_DATE,
    Aggregate,
    F,
    FieldRef,
    P,
    R,
    related,
    when,
    working_days_between,
)
from checker.config import Parameter
from checker.derived import derived_field
from checker.i18n import Text
from checker.rules import Penalty, Reading, Regulation, Rule, check, rule_of
from policies.complaints_sanctions import imposes

REGULATION = Regulation(
    id="dealer-complaints",
    title=Text("汽车经销商客户投诉管理制度（制度7）", "A car dealer's complaint rules (no. 7)"),
    short_title=Text("经销商客户投诉管理制度", "Dealer Complaint Rules"),
    source_file="001_0caae5353eb12260.txt",
    section="制度7",
    lines=(170, 226),
    default_enabled=False,
    profile_note=Text(
        "一家汽车经销商的制度，只适用于该公司的数据；其对投诉案件的责任处罚与默认采用的制度9对同一案件的处罚"
        "并存会重复处罚，须由该公司自行选用。",
        "One car dealer's rules, for that company's data only; its sanctions of complaint "
        "cases would stand beside 制度9's for the same cases, so the dealer selects them.",
    ),
)

PARAMETERS: tuple[Parameter, ...] = ()

DUTY = Penalty(
    stated=True,
    basis="第六条",
    text="進行責(zé)任處罰",
    note=Text(
        "责任处罚，原文未规定方式或金额",
        "a sanction for responsibility; neither its kind nor its amount is stated",
    ),
)
LOSS = replace(
    DUTY,
    basis="第六条1",
    note=Text(
        "对具体责任者和部门主管的责任处罚，按损失大小，原文未规定方式或金额",
        "sanctions of the person responsible and the department head, by the size of the "
        "loss; neither kind nor amount is stated",
    ),
)
DELAY = replace(
    DUTY,
    basis="第六条2",
    note=Text(
        "对投诉受理人的责任处罚，原文未规定方式或金额",
        "a sanction of the handler; neither kind nor amount is stated",
    ),
)


def reg(id: str, **fields: object) -> Rule:
    return rule_of(REGULATION, id, **fields)  # type: ignore[arg-type]


# 第四条3: a solution is due dealer.solution_working_days working days after receipt (the day of
# receipt not counted); while there is none, the days run to the audit date.
derived_field(
    "ComplaintHandling",
    "solution_working_days",
    working_days_between(F.received_date, F.solution_date.or_else(AUDIT_DATE)),
    "第四条3",
    "提出解决办法用时(工作日)",
    "Working days from receipt to the solution (or to today)",
)
derived_field(
    "ComplaintHandling",
    "solution_late",
    when(F.solution_working_days > P("dealer.solution_working_days"), True, False),
    "第四条3",
    "解决办法逾期",
    "No solution within the working days allowed",
)


# 第六条: whether a sanction of an employee on the complaint is recorded: a penalty record of
# that complaint and employee that imposes something (制度9 七's test of one record).
def _sanctioned(employee: FieldRef) -> Aggregate:
    return (
        related("ComplaintPenalty", case_id=F.case_id, employee_id=employee)
        .where(imposes(R))
        .exists()
    )


derived_field(
    "StaffComplaint",
    "respondent_sanctioned",
    _sanctioned(F.respondent_id),
    "第六条1",
    "被投诉人已处罚",
    "A sanction of the respondent on this complaint is recorded",
)
derived_field(
    "StaffComplaint",
    "head_sanctioned",
    when(F.dept_head_id.is_null(), None, _sanctioned(F.dept_head_id)),
    "第六条1",
    "部门主管已处罚",
    "A sanction of the department head on this complaint is recorded; empty without a head",
)
derived_field(
    "ComplaintHandling",
    "handler_sanctioned",
    _sanctioned(F.handler_id),
    "第六条2",
    "受理人已处罚",
    "A sanction of the handler on this complaint is recorded",
)

RULES = [
    reg(
        "SAL-CPL-7",
        article="第六条",
        line=225,
        text="第六條 處罰制度\n"
        "1、依照投訴所造成的損失大小對具體責(zé)任者和部門主管進行責(zé)任處罰。\n"
        "2、對不及時處理投訴造成延誤的投訴受理人進行責(zé)任處罰。",
        title=(
            "投诉造成损失处罚责任者和部门主管，延误处理处罚受理人",
            "A complaint's loss is answered by the person responsible and the department "
            "head; a delay by the handler",
        ),
        checks=[
            check(
                "StaffComplaint",
                F.loss_cny > 0,
                "投诉{case_id}造成损失{loss_cny}元，具体责任者与部门主管{dept_head_id}应受责任处罚",
                "complaint {case_id} caused a loss of {loss_cny} yuan: the person responsible "
                "and the department head {dept_head_id} are to be sanctioned",
                penalty=LOSS,
            ),
            check(
                "StaffComplaint",
                (F.loss_cny > 0) & F.respondent_sanctioned.is_false(),
                "未见对具体责任者的处罚记录",
                "no sanction of the person responsible is recorded",
                penalty=LOSS,
            ),
            check(
                "StaffComplaint",
                (F.loss_cny > 0) & F.head_sanctioned.is_false(),
                "未见对部门主管{dept_head_id}的处罚记录",
                "no sanction of the department head {dept_head_id} is recorded",
                penalty=LOSS,
            ),
            check(
                "ComplaintHandling",
                F.solution_late.is_true() & F.solution_date.not_null(),
                "投诉{case_id}于{received_date}受理，{solution_date}才提出解决办法"
                "（{solution_working_days}个工作日）",
                "complaint {case_id}, received {received_date}: a solution only on "
                "{solution_date} ({solution_working_days} working days)",
                penalty=DELAY,
            ),
            check(
                "ComplaintHandling",
                F.solution_late.is_true() & F.solution_date.is_null(),
                "投诉{case_id}于{received_date}受理，{solution_working_days}个工作日仍未提出解决办法",
                "complaint {case_id}, received {received_date}: no solution after "
                "{solution_working_days} working days",
                penalty=DELAY,
            ),
            check(
                "ComplaintHandling",
                F.solution_late.is_true() & F.handler_sanctioned.is_false(),
                "未见对受理人的处罚记录",
                "no sanction of the handler is recorded",
                penalty=DELAY,
            ),
        ],
        penalty=DUTY,
        readings=(
            Reading(
                Text(
                    "“不及时处理投诉造成延误”以第四条3“在一个工作日内提出解决办法”衡量：受理次日起算的工作日数"
                    "超过dealer.solution_working_days（默认1）即为延误；总经理批准、通知客户原文未定期限。",
                    "'Not handled in time' is measured by 第四条3, 'a solution within one working "
                    "day': more than dealer.solution_working_days (default 1) working days after "
                    "receipt is a delay; approval and notice have no stated deadline.",
                ),
                "dealer.solution_working_days",
            ),
            Reading(
                Text(
                    "有损失（损失金额大于0）即须处罚具体责任者（被投诉人）与部门主管；处罚记录按投诉编号与员工编号"
                    "在投诉处罚表中查找，任何罚款、扣分、通报或处分均算处罚。未登记部门主管的不检查主管。",
                    "Any loss (above 0) calls for sanctions of the person responsible (the "
                    "respondent) and the department head, looked up in the complaint-sanction "
                    "register by complaint and employee; any fine, points, notice or measure "
                    "counts. Without a recorded head, the head is not checked.",
                )
            ),
        ),
    ),
]

NOT_CHECKABLE: dict[str, tuple[str, Text]] = {}
DEFERRED: dict[str, Text] = {}
