"""租户满意度与租户关系维护 (篇九 ≡ F003 第一篇): shared/regulations/000_…, lines 339–371.

A property company's procedure for keeping in touch with its tenants. Item 4.3 asks for a file
for every tenant, kept under the secrecy rules, safely, with a clear index (catalogue SEC-24).
No sanction is stated. The procedure's other items (service windows, recordings, tenant
meetings) are rows of catalogue part 3 (OTH-VIS-*).
"""

from __future__ import annotations

from checker.conditions import AUDIT_DATE, F, R, any_of, related, when
from checker.derived import derived_field
from checker.i18n import Text
from checker.rules import NONE_STATED, Reading, Regulation, check, rule_of

REGULATION = Regulation(
    id="tenant-relations",
    title=Text("租户满意度与租户关系维护（篇九）", "Tenant satisfaction and relations (part 9)"),
    short_title=Text("租户关系维护", "Tenant Relations"),
    source_file="000_0502e1545e4045f1.txt",
    section="篇九",
    lines=(339, 371),
)

PARAMETERS = ()


def unset(field: str):
    """An empty yes/no column counts as not done."""
    return any_of(getattr(F, field).is_false(), getattr(F, field).is_null())


# 4.3: a tenant is owed a file once the lease has begun.
derived_field(
    "Tenant",
    "moved_in",
    when(F.move_in_date <= AUDIT_DATE, True, False),
    "4.3",
    "已入驻",
    "The lease began on or before the audit date",
)
# 4.3: the tenant's file; of several, the first in the input.
derived_field(
    "Tenant",
    "file_id",
    related("TenantFile", tenant_id=F.tenant_id).first(R.file_id),
    "4.3",
    "租户档案编号",
    "The tenant's file, if any",
)

RULES = [
    rule_of(
        REGULATION,
        "SEC-24",
        article="4.3",
        line=350,
        text="4.3建立租户档案,以便及时为租户提供合理的服务。租户档案遵循保密制度,妥善保管,目录清晰、易查。",
        title=(
            "每户租户建立档案，按保密制度妥善保管，目录清晰",
            "A file for every tenant, kept safely under the secrecy rules, clearly indexed",
        ),
        checks=[
            check(
                "Tenant",
                F.moved_in.is_true() & F.file_id.is_null(),
                "租户{name}（{tenant_id}，{move_in_date}入驻）没有租户档案",
                "tenant {name} ({tenant_id}, moved in on {move_in_date}) has no file",
            ),
            check(
                "TenantFile",
                unset("kept_confidential"),
                "租户档案{file_id}未按保密制度管理",
                "tenant file {file_id} is not kept under the secrecy rules",
            ),
            check(
                "TenantFile",
                F.custodian.is_null(),
                "租户档案{file_id}没有保管人，未妥善保管",
                "tenant file {file_id} has no custodian: not kept safely",
            ),
            check(
                "TenantFile",
                unset("catalogued"),
                "租户档案{file_id}没有清晰的档案目录",
                "tenant file {file_id} has no clear index",
            ),
        ],
        penalty=NONE_STATED,
        readings=(
            Reading(
                Text(
                    "原文未定建档期限：审计日已入驻而没有档案的租户即报告。“遵循保密制度”指该物业公司自己的保密制度"
                    "（不是篇十四），只核对档案登记为按保密制度管理；是否栏为空按未做处理。",
                    "No deadline is set for opening the file: a tenant moved in by the audit "
                    "date without one is reported. 'Under the secrecy rules' means the property "
                    "company's own (not 篇十四's): the file is recorded as kept under them; an "
                    "empty yes/no column counts as not done.",
                )
            ),
        ),
    ),
]

NOT_CHECKABLE: dict[str, tuple[str, Text]] = {}
DEFERRED: dict[str, Text] = {}
