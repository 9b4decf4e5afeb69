from dataclasses import replace
from datetime import date

import pytest
from pydantic import NonNegativeInt

from checker.catalog import load_catalog
from checker.config import ConfigError, load, read_file
from checker.i18n import Text


def write(tmp_path, text, name="compliance.toml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_and_their_source(catalog):
    config = load(catalog.parameters.values())
    assert config["member.report_clock_start"] == "occurred"
    assert config.sources["member.report_clock_start"] == "default"
    assert config["audit.fail_on"] == "info"


def test_layers_later_files_and_the_command_line_win(catalog, tmp_path):
    beside = write(
        tmp_path, '[member]\nreport_clock_start = "known"\nannouncement_grace_days = 5\n'
    )
    explicit = write(tmp_path, "[member]\nannouncement_grace_days = 9\n", "team.toml")
    config = load(
        catalog.parameters.values(), [beside, explicit], {"audit.as_of": date(2026, 1, 2)}
    )
    assert config["member.report_clock_start"] == "known"
    assert config.sources["member.report_clock_start"] == str(beside)
    assert config["member.announcement_grace_days"] == 9
    assert config.sources["member.announcement_grace_days"] == str(explicit)
    assert config["audit.as_of"] == date(2026, 1, 2)
    assert config.sources["audit.as_of"] == "command line"


def test_unknown_key_names_the_file_and_the_known_keys(catalog, tmp_path):
    path = write(tmp_path, "[member]\nreport_clock = 'known'\n")
    with pytest.raises(ConfigError) as error:
        load(catalog.parameters.values(), [path])
    assert str(path) in str(error.value)
    assert "unknown key member.report_clock" in str(error.value)
    assert "member.report_clock_start" in str(error.value)


@pytest.mark.parametrize(
    "text",
    [
        "[member]\nannouncement_grace_days = '5'\n",  # a string where a number belongs
        "[member]\nreport_clock_start = 'tomorrow'\n",  # not one of the choices
        "[calendar]\nextra_holidays = ['2026-13-01']\n",  # strings are not TOML dates
        "[audit]\nas_of = 2026\n",
    ],
)
def test_wrong_types_are_errors(catalog, tmp_path, text):
    with pytest.raises(ConfigError, match=r"compliance\.toml"):
        load(catalog.parameters.values(), [write(tmp_path, text)])


def test_malformed_toml_and_misplaced_values(catalog, tmp_path):
    with pytest.raises(ConfigError, match="not valid TOML"):
        load(catalog.parameters.values(), [write(tmp_path, "[member\n")])
    with pytest.raises(ConfigError, match=r"must be a \[section\]"):
        load(catalog.parameters.values(), [write(tmp_path, "fail_on = 'error'\n")])


def test_a_configuration_saved_with_a_bom_is_read(tmp_path):
    """Windows Notepad saves UTF-8 with a BOM: the file is read as written."""
    path = tmp_path / "compliance.toml"
    path.write_bytes("\ufeff[audit]\nas_of = 2026-11-20\n".encode())
    assert read_file(path) == {"audit.as_of": date(2026, 11, 20)}


@pytest.mark.parametrize(
    "key", ["member.team_change_report_working_days", "member.request_default_working_days"]
)
@pytest.mark.parametrize("days", [0, -3])
def test_a_number_of_working_days_is_at_least_one(catalog, key, days):
    # The n-th working day after a date needs n ≥ 1: 0 once ended the audit as an internal error.
    with pytest.raises(ConfigError, match="greater than 0"):
        load(catalog.parameters.values(), overrides={key: days})
    assert catalog.parameters[key].family == "int"


def test_no_count_parameter_takes_a_negative_number(catalog):
    # A number of days, minutes or months below zero means nothing: 3 working days of -1 once
    # ended the audit as an internal error. Every whole-number parameter refuses it up front.
    counts = [key for key, p in catalog.parameters.items() if p.family == "int"]
    assert len(counts) > 20
    for key in counts:
        with pytest.raises(ConfigError, match="greater than"):
            load(catalog.parameters.values(), overrides={key: -1})


def test_a_working_day_parameter_that_takes_negatives_stops_the_rules_loading():
    from checker.catalog import _working_day_counts
    from checker.conditions import F, P, working_day_after
    from checker.config import Parameter
    from checker.rules import Check

    rule = load_catalog().rules["MEM-10-1"]
    rule = replace(
        rule,
        checks=(
            Check(
                "ChangeEvent",
                F.reported_date > working_day_after(F.occurred_date, P("x.days")),
                Text("晚", "late"),
            ),
        ),
    )
    loose = Parameter("x.days", int, 1, Text("天", "days"))
    assert _working_day_counts([rule], {"x.days": loose}) == [
        "parameter x.days counts working days: its type must refuse -1"
    ]
    strict = replace(loose, type=NonNegativeInt)
    assert _working_day_counts([rule], {"x.days": strict}) == []
