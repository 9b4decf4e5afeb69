import json

from checker.loading import load_dataset

MEMBERS = "会员编号,会员名称,入会日期,会员状态\n"


def write(folder, name, text, encoding="utf-8"):
    path = folder / name
    path.write_text(text, encoding=encoding)
    return path


def messages(dataset, lang="en"):
    return [f"{p.source} {p.field} {p.message(lang)}" for p in dataset.problems]


def test_chinese_headers_with_bom_and_full_width_brackets(tmp_path):
    write(
        tmp_path,
        "member_applications.csv",
        "\ufeff申请编号,申请单位编号,申请单位名称,主体类型,申请日期,"
        "注册资本（元）,经营场所独立,经营场所固定,计算机硬件,计算机软件,通讯线路,专业人员,管理制度,认缴费用,治理制度\n"
        "A1,X1,广西桂通商贸有限公司,企业法人,2025-03-02,10000000,是,是,是,是,是,是,是,否,交易制度、结算制度\n",
    )
    dataset = load_dataset([tmp_path])
    assert dataset.problems == []
    (loaded,) = dataset.records["MemberApplication"]
    assert str(loaded.record.registered_capital_cny) == "10000000.00"
    assert loaded.record.fees_subscribed is False
    assert loaded.record.governance_docs == frozenset({"交易制度", "结算制度"})
    assert str(loaded.source).endswith("member_applications.csv:2")


def test_english_headers_and_the_chinese_file_name(tmp_path):
    write(
        tmp_path,
        "会员名册.csv",
        "member_id,MEMBER_NAME,admitted_date,status\nM1,南宁恒达物产有限公司,2024-01-05,撤消\n",
    )
    dataset = load_dataset([tmp_path])
    assert dataset.problems == []
    assert dataset.records["Member"][0].record.status == "撤销"  # 撤消 and 撤销 are one word


def test_every_problem_of_a_row_at_once_with_file_row_and_field(tmp_path):
    write(tmp_path, "members.csv", MEMBERS + "M1,甲,2024-13-01,正常\nM2,,2024-01-02,休眠\n")
    dataset = load_dataset([tmp_path])
    found = messages(dataset)
    assert any("members.csv:2 admitted_date" in m and "no such day" in m for m in found)
    assert any("members.csv:3 member_name" in m and "required" in m for m in found)
    assert any("members.csv:3 status" in m for m in found)
    zh = messages(dataset, "zh")
    assert any(
        "会员状态（status）：“休眠” 不是允许的取值（允许：正常、暂停、终止、撤销、取消）" in m
        for m in zh
    )
    assert dataset.inputs[0].read == 2 and dataset.inputs[0].rejected == 2


def test_unknown_column_reported_once_and_nothing_lost(tmp_path):
    write(
        tmp_path,
        "members.csv",
        "会员编号,会员名称,入会日期,会员状态,备注\n"
        "M1,甲,2024-01-02,正常,x\nM2,乙,2024-01-02,正常,y\n",
    )
    dataset = load_dataset([tmp_path])
    assert len(dataset.records["Member"]) == 2
    (warning,) = dataset.problems
    assert not warning.rejects_record and "备注" in warning.message.en


def test_duplicate_keys_and_ragged_rows_are_rejected(tmp_path):
    write(
        tmp_path,
        "members.csv",
        MEMBERS + "M1,甲,2024-01-02,正常\nM1,乙,2024-01-02,正常\nM3,丙,2024-01-02,正常,extra\n\n",
    )
    dataset = load_dataset([tmp_path])
    assert [m.record.member_name for m in dataset.records["Member"]] == ["甲"]
    found = messages(dataset)
    assert any(
        "members.csv:3" in m and "duplicate key M1 (first at" in m and "members.csv:2" in m
        for m in found
    )
    assert any("members.csv:4" in m and "5 cells" in m for m in found)
    assert dataset.inputs[0].read == 3  # the blank line is not a record


def test_json_lines_and_json_arrays(tmp_path):
    write(
        tmp_path,
        "members.jsonl",
        json.dumps(
            {"会员编号": "M1", "会员名称": "甲", "入会日期": "2024-01-02", "会员状态": "正常"},
            ensure_ascii=False,
        )
        + "\n{oops\n[1]\n",
    )
    write(
        tmp_path,
        "trades.json",
        json.dumps(
            [{"trade_id": "T1", "member_id": "M1", "trader_id": "R1", "trade_date": "2025-01-02"}]
        ),
    )
    dataset = load_dataset([tmp_path])
    assert len(dataset.records["Member"]) == 1 and len(dataset.records["Trade"]) == 1
    found = messages(dataset)
    assert any("members.jsonl:2" in m and "malformed JSON" in m for m in found)
    assert any("members.jsonl:3" in m and "expected a JSON object" in m for m in found)


def test_files_that_cannot_be_used_stop_the_audit(tmp_path):
    (tmp_path / "members.csv").write_bytes(b"\xff\x80" * 50)
    write(tmp_path, "notes.csv", "a,b\n1,2\n")
    write(tmp_path, "trades.xlsx", "not really")
    write(tmp_path, "fee_invoices.csv", "")
    write(tmp_path, "compliance.toml", "[audit]\n")
    write(tmp_path, "README.md", "# about this export\n")
    dataset = load_dataset([tmp_path, tmp_path / "missing.csv"])
    fatal = {p.source.file.rsplit("/", 1)[-1]: p.message.en for p in dataset.fatal}
    assert "neither UTF-8 nor GB18030" in fatal["members.csv"]
    assert "cannot tell the record kind" in fatal["notes.csv"]
    assert "not an xlsx workbook" in fatal["trades.xlsx"]
    assert "empty file" in fatal["fee_invoices.csv"]
    assert "no such file" in fatal["missing.csv"]
    assert len(fatal) == 5  # compliance.toml and README.md are not data


def test_a_header_only_file_is_a_warning_not_an_error(tmp_path):
    write(tmp_path, "members.csv", MEMBERS)
    dataset = load_dataset([tmp_path / "members.csv"])
    (warning,) = dataset.problems
    assert not warning.rejects_record and "only a header" in warning.message.en
    assert dataset.records["Member"] == []
