"""The rules as a whole: complete against the catalogue, faithful to the source text, validated."""

from dataclasses import replace
from types import SimpleNamespace

import pytest

from checker.catalog import RuleError, build_catalog, catalogue_ids
from checker.conditions import F
from checker.i18n import Text
from checker.rules import NONE_STATED, Check, Measure, Penalty, citation, severity_for
from policies import member
from tests.conftest import SHARED

CATALOGUE = SHARED / "catalogue.md"
needs_shared = pytest.mark.skipif(not CATALOGUE.is_file(), reason="../shared is not present")


@needs_shared
def test_every_member_provision_is_encoded_or_not_checkable(catalog):
    ids = [i for i in catalogue_ids(CATALOGUE) if i.startswith("MEM-")]
    assert len(ids) == 68
    statuses = {i: catalog.coverage[i].status if i in catalog.coverage else "missing" for i in ids}
    assert {i: s for i, s in statuses.items() if s not in ("encoded", "not-checkable")} == {}


@needs_shared
def test_every_archive_provision_is_encoded_or_not_checkable(catalog):
    ids = [i for i in catalogue_ids(CATALOGUE) if i.startswith("ARC-")]
    assert len(ids) == 40
    statuses = {i: catalog.coverage[i].status if i in catalog.coverage else "missing" for i in ids}
    assert {i: s for i, s in statuses.items() if s not in ("encoded", "not-checkable")} == {}


def test_another_companys_version_of_a_provision_is_counted_under_the_provision(catalog):
    entry = catalog.coverage["ARC-27"]
    assert entry.rule_id == "ARC-27" and set(entry.variants) == {"ARC-27-FUND", "ARC-27-ZB"}
    regulations = {catalog.rules[r].regulation.id for r in ("ARC-27", *entry.variants)}
    assert len(regulations) == 3  # three companies, never merged
    assert "ARC-27-FUND" not in catalog.coverage  # not a catalogue id of its own
    assert catalog.find("ARC-27-FUND") is catalog.rules["ARC-27-FUND"]


@needs_shared
def test_every_secrecy_provision_is_encoded_or_not_checkable_with_its_reason(catalog):
    ids = [i for i in catalogue_ids(CATALOGUE) if i.startswith("SEC-")]
    assert len(ids) == 36
    entries = {i: catalog.coverage.get(i) for i in ids}
    assert {i: e and e.status for i, e in entries.items() if not e or e.status == "deferred"} == {}
    assert all(e.reason for e in entries.values() if e.status == "not-checkable")


@needs_shared
def test_coverage_uses_only_catalogue_ids(catalog):
    assert set(catalog.coverage) <= set(catalogue_ids(CATALOGUE))  # no invented ids


def _source_lines(regulation):
    """The source's lines as the catalogue quotes them (§0: F001's pinyin glosses removed)."""
    text = (SHARED / "regulations" / regulation.source_file).read_text(encoding="utf-8")
    return [regulation.normalise(line) for line in text.splitlines()]


@needs_shared
def test_quoted_text_is_verbatim_from_the_cited_lines(catalog):
    for rule in catalog.rules.values():
        lines = _source_lines(rule.regulation)
        first, last = rule.regulation.lines
        assert first <= rule.line <= last, rule.id
        body = "\n".join(lines[first - 1 : last])
        parts = [rule.regulation.normalise(part) for part in rule.text.splitlines()]
        assert any(part in lines[rule.line - 1] for part in parts), (
            f"{rule.id}: line {rule.line} holds no part of the quote"
        )
        for part in parts:
            assert part in body, f"{rule.id}: {part!r} is not in the regulation"
        for penalty in (rule.penalty, *(c.penalty for c in rule.checks if c.penalty)):
            for part in (penalty.text or "").split(" … "):
                part = rule.regulation.normalise(part)
                assert part in body, f"{rule.id}: penalty text {part!r} is not in the regulation"


def test_pinyin_glosses_are_removed_only_from_the_glossed_source():
    glossed = replace(member.REGULATION, source_file="001_0caae5353eb12260.txt")
    assert glossed.normalise("總經(jīng)理批準(zhǔn)") == "總經理批準"
    # F002's genuine bracketed letter is not a gloss.
    plain = replace(member.REGULATION, source_file="002_5ebf93d90409536b.txt")
    assert plain.normalise("更改(g)标识") == "更改(g)标识"


def test_citations():
    assert citation("会员管理办法", "第十条(一)") == "《会员管理办法》第十条第（一）项"
    assert citation("会员管理办法", "第五条(三)1") == "《会员管理办法》第五条第（三）项第1目"
    assert citation("会员管理办法", "第八条") == "《会员管理办法》第八条"


def test_severity_follows_the_gravity_of_the_sanction():
    assert severity_for(NONE_STATED) == "warning"
    assert severity_for(Penalty(True, "第十九条", "x", measures=(Measure.WARNING_TALK,))) == "error"
    assert (
        severity_for(Penalty(True, "第二十条", "x", measures=(Measure.MEMBERSHIP_REVOKED,)))
        == "critical"
    )
    assert severity_for(Penalty(True, "第十八条", "x", fine_min_cny=200)) == "error"


def _policy(rules):
    return SimpleNamespace(
        REGULATION=member.REGULATION,
        PARAMETERS=member.PARAMETERS,
        RULES=rules,
        NOT_CHECKABLE={},
        DEFERRED={},
    )


def test_a_complete_policy_loads():
    assert len(build_catalog((_policy(member.RULES),)).rules) == len(member.RULES)


def test_loading_fails_naming_every_problem():
    good = member.RULES[0]
    broken = [
        replace(good, id="MEM-X1", text=" "),
        replace(good, id="MEM-X2", article=" 第三条", title=Text("", "x")),
        replace(good, id="MEM-X3", checks=()),
        replace(good, id="MEM-X4", penalty=replace(NONE_STATED, fine_min_cny=100)),
        replace(good, id="MEM-X5", severity="critical"),
        replace(good, id="MEM-X6", checks=(Check("Nope", F.x.is_null(), Text("a", "b")),)),
        replace(
            good,
            id="MEM-X7",
            checks=(Check("Member", F.status == "休眠", Text("{member_nmae}", "b")),),
        ),
        replace(good, id="MEM-X8", needs_params=("member.nope",)),
        replace(good, id="MEM-X9", provision="MEM-10-1"),
    ]
    with pytest.raises(RuleError) as error:
        build_catalog((_policy(broken),))
    message = str(error.value)
    for expected in (
        "MEM-X1: the quoted article text is missing",
        "MEM-X2: article ' 第三条' is not a reference",
        "MEM-X2: a Chinese and an English title",
        "MEM-X3: it has no checks",
        "MEM-X4: penalty: the text states no penalty, so none may be given",
        "MEM-X5: severity critical does not follow its penalty",
        "MEM-X6: check 1: unknown record kind Nope",
        "MEM-X7: check 1: '休眠' is not a choice of status",
        "MEM-X7: check 1: message placeholder {member_nmae}",
        "MEM-X8: needs unknown parameter member.nope",
        "MEM-X9: a version of MEM-10-1 is named MEM-10-1-<TAG>",
    ):
        assert expected in message


def test_a_rule_id_used_twice_is_refused():
    with pytest.raises(RuleError, match="used twice"):
        build_catalog((_policy([member.RULES[0], member.RULES[0]]),))


def test_every_rule_reads_ambiguities_through_declared_keys(catalog):
    for rule in catalog.rules.values():
        for reading in rule.readings:
            assert reading.param is None or reading.param in catalog.parameters
        for check in rule.checks:
            for key in check.when.params():
                assert any(r.param == key for r in rule.readings) or key in rule.needs_params, (
                    f"{rule.id} reads {key} without documenting the reading"
                )
