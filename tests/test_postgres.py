"""PostgreSQL through --db, against a real server the tests start (tests/postgres.py)."""

import json
from datetime import date
from decimal import Decimal

import pytest
from click.testing import CliRunner

import cli
from checker.loading import InputOptions, load_dataset
from tests.postgres import PASSWORD

MEMBERS = """
CREATE TABLE members (会员编号 text, 会员名称 text, 入会日期 date, 会员状态 text);
INSERT INTO members VALUES ('M2', '南宁恒达物产有限公司', '2024-01-06', '正常'),
                           ('M1', '广西桂通商贸有限公司', '2024-01-05', '正常');
CREATE TABLE change_events (
    "事项编号" text, "会员编号" text, "变更事项" text, "发生日期" text, "报告日期" timestamptz,
    "书面报告" boolean
);
INSERT INTO change_events VALUES
    ('E2', 'M1', '法定代表人', '2025-09-26', '2025-10-16 23:30:00+00', true),
    ('E1', 'M1', '法定代表人', '2025年9月26日', '2025-10-17 10:00:00+08', true),
    ('E3', 'M1', '法定代表人', 'someday', NULL, NULL);
CREATE TABLE audit_log (entry text);
"""


def run(*args):
    return CliRunner().invoke(cli.main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def erp(postgres):
    return postgres.database("erp", MEMBERS)


def test_an_audit_reads_the_tables_named_after_kinds(erp, postgres):
    result = run("audit", "--db", erp, "--as-of", "2026-01-05", "--format", "json", "--lang", "en")
    report = json.loads(result.stdout)
    assert result.exit_code == 1
    label = f"postgresql://auditor@127.0.0.1:{postgres.port}/erp"
    inputs = {
        i["sheet"]: (i["path"], i["format"], i["records"], i["audited"], i["rejected"])
        for i in report["inputs"]
    }
    assert inputs == {
        "change_events": (label, "postgresql", 3, 2, 1),
        "members": (label, "postgresql", 2, 2, 0),
    }
    # 2025-10-16 23:30 UTC is the 17th in China: the 11th working day, late
    late = [v for v in report["violations"] if v["rule_id"] == "MEM-10-1"]
    assert sorted(v["record"]["key"] for v in late) == ["E1", "E2"]
    sources = {v["record"]["key"]: v["record"]["source"] for v in late}
    assert sources["E1"] == f"{label}#change_events:1"  # ordered by the key: E1, E2, E3
    (error,) = report["errors"]
    assert error["source"] == f"{label}#change_events:3" and error["column"] == "发生日期"
    assert error["value"] == "someday"
    assert PASSWORD not in result.output


def test_tables_and_queries_from_the_configuration(postgres, tmp_path):
    url = postgres.database(
        "mapped",
        """
        CREATE SCHEMA hr;
        CREATE TABLE hr.t_member (member_id text, member_name text, admitted_date date,
                                  status text, registered numeric(14, 2));
        INSERT INTO hr.t_member VALUES ('M1', '甲', '2024-01-02', '正常', 1.5);
        CREATE TABLE fees (id text, member text, kind text, amount numeric(12, 2), due date);
        INSERT INTO fees VALUES ('F2', 'M1', '年费', 12.50, '2025-01-31'),
                                ('F1', 'M1', '年费', 1234.56, '2025-01-31');
        CREATE TABLE members (x text);
        """,
    )
    (tmp_path / "compliance.toml").write_text(
        '[database.tables]\nmembers = "hr.t_member"\n\n[database.queries]\n'
        '"交易所收费" = """SELECT id AS 账单编号, member AS 会员编号, kind AS 费用类型,\n'
        '  amount AS "金额(元)", due AS 应缴日期 FROM fees ORDER BY id;"""\n',
        encoding="utf-8",
    )
    result = run(
        "validate", "--db", url, "--config", tmp_path / "compliance.toml", "--format", "json"
    )
    document = json.loads(result.stdout)
    assert result.exit_code == 0, result.output
    assert [(i["sheet"], i["kind"], i["records"]) for i in document["inputs"]] == [
        ("hr.t_member", "Member", 1),
        ("query:FeeInvoice", "FeeInvoice", 2),
    ]
    assert document["warnings"][0]["message"].startswith("未知列“registered”")
    options = InputOptions(
        tables={"Member": "hr.t_member"},
        queries={
            "FeeInvoice": "SELECT id AS invoice_id, member AS member_id, kind AS fee_type, amount AS amount_cny, due AS due_date FROM fees ORDER BY id"
        },
    )
    dataset = load_dataset([], options, url)
    invoices = [(i.record.invoice_id, i.record.amount_cny) for i in dataset.records["FeeInvoice"]]
    assert invoices == [("F1", Decimal("1234.56")), ("F2", Decimal("12.50"))]
    assert dataset.records["Member"][0].record.admitted_date == date(2024, 1, 2)


def test_the_connection_is_read_only(erp, postgres):
    for query in ("DELETE FROM members RETURNING *", "SELECT 1; DROP TABLE members"):
        dataset = load_dataset([], InputOptions(queries={"Member": query}), erp)
        (fatal,) = dataset.fatal
        assert "the query failed" in fatal.message.en
    with postgres.admin("erp") as connection:
        assert connection.execute("SELECT count(*) FROM members").fetchone() == (2,)


def test_a_table_name_is_an_identifier_never_sql(erp, postgres):
    hostile = 'members"; DROP TABLE audit_log; --'
    dataset = load_dataset([], InputOptions(tables={"Member": hostile}), erp)
    assert "the query failed" in dataset.fatal[0].message.en
    with postgres.admin("erp") as connection:
        assert connection.execute("SELECT to_regclass('audit_log')").fetchone() != (None,)


def test_a_wrong_password_or_server_is_a_clear_message(postgres):
    wrong = postgres.url("erp", password="not-it")
    result = run("validate", "--db", wrong, "--lang", "en", "--format", "json")
    assert result.exit_code == 2 and "not-it" not in result.output
    (error,) = json.loads(result.stdout)["errors"]
    assert error["fatal"] and error["file"] == f"postgresql://auditor@127.0.0.1:{postgres.port}/erp"
    assert "cannot connect to or read the database" in error["message"]
    assert "password authentication failed" in error["message"]
    missing = run("validate", "--db", postgres.url("no_such_db"), "--lang", "en")
    assert missing.exit_code == 2 and "no_such_db" in missing.output


def test_rejected_database_rows_go_to_a_workbook(erp, tmp_path):
    from openpyxl import load_workbook

    target = tmp_path / "rejected.xlsx"
    assert run("validate", "--db", erp, "--rejected", target).exit_code == 1
    sheet = load_workbook(target)["变更事项"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0][:3] == ["事项编号", "会员编号", "变更事项"] and rows[1][0] == "E3"
    assert rows[1][-1].endswith("#change_events:3")
