"""Facts of the confidentiality provisions of other regulations (catalogue part C2).

Whether a fax was handled by one of the designated persons (扩展2, `admin.fax_handlers`); and for
the customer-information secrecy rules of F004: the role each title stands for
(`customer_info.roles`, an unknown title rejects the record) and whether that role may approve,
hold, be granted or supervise (`customer_info.duties`). Whether a tenant has moved in and which
file it has (篇九), an approval came first, a print was kept past its use-by date and a confirmed
electronic file was destroyed are derived fields beside their rules (policies/tenant_relations.py,
policies/customer_info_secrecy.py). Each computation is tested on its own
(tests/test_secrecy_facts.py).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Literal

from pydantic import NonNegativeInt

from checker.config import Parameter
from checker.facts import Computed, Fact, FactContext
from checker.i18n import Text
from checker.loading import Loaded, Problem
from checker.records import KINDS as RECORD_KINDS
from checker.records.base import col

KINDS = (
    "Tenant",
    "TenantFile",
    "ClientContact",
    "Fax",
    "CustomerInfoRelease",
    "CustomerInfoPrint",
    "CustomerInfoFile",
    "CustomerInfoGrant",
)

CI_ROLES = ("总经理", "部门经理", "项目经理", "项目负责人", "信息员", "IT管理员", "员工")
DUTIES = (
    "print_approval",
    "external_use",
    "file_holder",
    "file_grantee",
    "file_grantor",
    "destruction_supervisor",
)
DEFAULT_CI_ROLES = {
    **{role: role for role in CI_ROLES},
    "部门负责人": "部门经理",
    "部门经理负责人": "部门经理",
    "服务中心项目经理": "项目经理",
    "IT管-理-员": "IT管理员",
}
DEFAULT_DUTIES: dict[str, list[str]] = {
    "print_approval": ["部门经理", "项目经理"],  # 5.2.1.1 and 3.4.1
    "external_use": ["总经理"],  # 3.5
    "file_holder": ["项目负责人"],  # 5.2.2.1
    "file_grantee": ["信息员"],
    "file_grantor": ["项目负责人"],
    "destruction_supervisor": ["项目负责人"],  # 5.2.2.3
}

PARAMETERS = (
    Parameter(
        "admin.fax_handlers",
        list[str] | None,
        None,
        Text(
            "扩展2第3句“急件或涉及商业机密的传真应由专人处理”：公司指定处理此类传真的专人（员工编号）。"
            "原文未指明专人，设定后SEC-27才运行。",
            "扩展2 #3 'urgent faxes and faxes on trade secrets are handled by designated "
            "persons': their employee numbers. The text names nobody; SEC-27 runs once set.",
        ),
    ),
    Parameter(
        "customer_info.roles",
        dict[str, Literal[CI_ROLES]],  # type: ignore[valid-type]
        DEFAULT_CI_ROLES,
        Text(
            "客户信息保密管理制度：本单位职务→制度角色对照表（总经理、部门经理、项目经理、项目负责人、信息员、"
            "IT管理员、员工）。表外的职务使记录被拒绝。设定后取代默认表。",
            "Customer-information secrecy rules: the organisation's titles → the regulation's "
            "roles (总经理, 部门经理, 项目经理, 项目负责人, 信息员, IT管理员, 员工). A title not "
            "in the table rejects the record. A configured table replaces the default.",
        ),
    ),
    Parameter(
        "customer_info.duties",
        dict[Literal[DUTIES], list[Literal[CI_ROLES]]],  # type: ignore[valid-type]
        DEFAULT_DUTIES,
        Text(
            "客户信息保密管理制度中谁可以做什么：print_approval（批示打印：部门经理负责人或服务中心项目经理）、"
            "external_use（批示外部使用：总经理）、file_holder（保管电子版客户资料）、file_grantee（被授权查看）、"
            "file_grantor（授权）、destruction_supervisor（监销）。未列出的沿用默认。",
            "Who may do what under the customer-information secrecy rules: print_approval, "
            "external_use, file_holder, file_grantee, file_grantor, destruction_supervisor. "
            "Duties not listed keep their default.",
        ),
    ),
    Parameter(
        "customer_info.destroy_days",
        NonNegativeInt | None,
        None,
        Text(
            "管控数据确认无误后须在多少天内销毁电子客户资料；原文未定期限，为空时未销毁只作提示。",
            "Days after the control data is confirmed within which the electronic customer file "
            "must be destroyed; the text sets none, and without it an open destruction is only "
            "a notice.",
        ),
    ),
)


class FaxFacts(Computed):
    handled_by_designated: bool | None = col(
        "由指定专人处理", "The handler is one of admin.fax_handlers"
    )


class ApprovalFacts(Computed):
    approver_role: str | None = col("批示人角色", "The approver's role (customer_info.roles)")
    approver_allowed: bool | None = col("批示人有权批示", "customer_info.duties allows the role")


class FileFacts(Computed):
    holder_role: str = col("保管人角色", "The holder's role")
    holder_allowed: bool = col("保管人有权保管", "customer_info.duties.file_holder")
    supervisor_role: str | None = col("监销人角色", "The destruction supervisor's role")
    supervisor_allowed: bool | None = col(
        "监销人有权监销", "customer_info.duties.destruction_supervisor"
    )


class GrantFacts(Computed):
    grantee_role: str = col("被授权人角色", "The grantee's role")
    grantee_allowed: bool = col("被授权人可授权", "customer_info.duties.file_grantee")
    grantor_role: str = col("授权人角色", "The grantor's role")
    grantor_allowed: bool = col("授权人有权授权", "customer_info.duties.file_grantor")


COMPUTED = {
    "Fax": FaxFacts,
    "CustomerInfoRelease": ApprovalFacts,
    "CustomerInfoPrint": ApprovalFacts,
    "CustomerInfoFile": FileFacts,
    "CustomerInfoGrant": GrantFacts,
}
DERIVED = ()


# --------------------------------------------------------------------------- computations


def role_of(loaded: Loaded, field: str, roles: Mapping[str, str]) -> str | Problem | None:
    """The regulation's role a record's title field stands for; a Problem for an unknown title."""
    title = getattr(loaded.record, field)
    if title is None:
        return None
    role = roles.get(title.strip())
    if role is not None:
        return role
    header = RECORD_KINDS[loaded.record.meta.name].model_fields[field].alias
    known = "、".join(roles)
    return Problem(
        loaded.source,
        Text(
            f"{header}（{field}）：“{title}”不在职务对照表 customer_info.roles 中，无法判断其权限；"
            f"已知职务：{known}",
            f"{field}: {title!r} is not in the table of titles customer_info.roles, so its "
            f"rights cannot be judged; known titles: {known}",
        ),
        field=field,
    )


# --------------------------------------------------------------------------- build


def _reference(loaded: Loaded, field: str, register: str) -> Problem:
    """A record naming an entry another register lacks: rejected, naming the field."""
    header = RECORD_KINDS[loaded.record.meta.name].model_fields[field].alias
    value = getattr(loaded.record, field)
    title = RECORD_KINDS[register].meta.title
    return Problem(
        loaded.source,
        Text(
            f"{header}（{field}）：{value} 不在{title.zh}中",
            f"{field}: {value} is not in the {title.en}",
        ),
        field=field,
    )


def build(ctx: FactContext) -> Iterator[Fact | Problem]:
    # 篇九: a file of a tenant the register lacks is rejected
    tenants = {t.record.tenant_id for t in ctx.records("Tenant")}
    for loaded in ctx.records("TenantFile"):
        file = loaded.record
        if ctx.has("Tenant") and file.tenant_id not in tenants:
            yield _reference(loaded, "tenant_id", "Tenant")
            continue
        yield ctx.fact(loaded)
    yield from ctx.each("Tenant")

    yield from ctx.each("ClientContact")

    handlers = ctx.config["admin.fax_handlers"]
    yield from ctx.each(
        "Fax",
        lambda f: FaxFacts(
            handled_by_designated=None if handlers is None else f.record.handled_by in handlers
        ),
    )

    # F004 客户信息保密管理制度
    roles = ctx.config["customer_info.roles"]
    duties = {**DEFAULT_DUTIES, **ctx.config["customer_info.duties"]}

    def allowed(role: str | None, duty: str) -> bool | None:
        return None if role is None else role in duties[duty]

    for kind, duty in (
        ("CustomerInfoRelease", "external_use"),
        ("CustomerInfoPrint", "print_approval"),
    ):
        for loaded in ctx.records(kind):
            role = role_of(loaded, "approved_by_title", roles)
            if isinstance(role, Problem):
                yield role
                continue
            approval = ApprovalFacts(approver_role=role, approver_allowed=allowed(role, duty))
            yield ctx.fact(loaded, approval)

    files = {f.record.file_id for f in ctx.records("CustomerInfoFile")}
    for loaded in ctx.records("CustomerInfoFile"):
        holder = role_of(loaded, "holder_title", roles)
        supervisor = role_of(loaded, "destruction_supervisor_title", roles)
        problems = [p for p in (holder, supervisor) if isinstance(p, Problem)]
        if problems:
            yield from problems
            continue
        yield ctx.fact(
            loaded,
            FileFacts(
                holder_role=holder,
                holder_allowed=bool(allowed(holder, "file_holder")),
                supervisor_role=supervisor,
                supervisor_allowed=allowed(supervisor, "destruction_supervisor"),
            ),
        )
    for loaded in ctx.records("CustomerInfoGrant"):
        grant = loaded.record
        if ctx.has("CustomerInfoFile") and grant.file_id not in files:
            yield _reference(loaded, "file_id", "CustomerInfoFile")
            continue
        grantee = role_of(loaded, "grantee_title", roles)
        grantor = role_of(loaded, "granted_by_title", roles)
        problems = [p for p in (grantee, grantor) if isinstance(p, Problem)]
        if problems:
            yield from problems
            continue
        yield ctx.fact(
            loaded,
            GrantFacts(
                grantee_role=grantee,
                grantee_allowed=bool(allowed(grantee, "file_grantee")),
                grantor_role=grantor,
                grantor_allowed=bool(allowed(grantor, "file_grantor")),
            ),
        )
