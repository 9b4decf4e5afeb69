"""The HTML report in a real browser (headless Chromium): it renders on a desktop and a phone,
prints, shows the JSON report's figures, and loads nothing from outside."""

import base64
import json

import pytest
from click.testing import CliRunner

import cli
from tests.conftest import CHANGES, DEMO, MEMBERS, in_ci, require_tool, small_dataset

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
# A record whose text tries to load something: it must stay text.
HOSTILE = '<img src="http://example.invalid/pixel.png"><script>alert(1)</script>'


@pytest.fixture(scope="module")
def browser():
    chromium = require_tool("/usr/bin/chromium", "chromium")
    driver_path = require_tool("/usr/bin/chromedriver", "chromium-driver")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:  # pragma: no cover - the test extras install it
        if in_ci():
            raise
        pytest.skip("selenium is not installed (pip install -e '.[test]')")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def audit_html(tmp_path, dataset, *extra):
    page, report = tmp_path / "report.html", tmp_path / "report.json"
    result = CliRunner().invoke(
        cli.main,
        ["audit", str(dataset), *extra, "-f", f"html:{page}", "-f", f"json:{report}"],
        catch_exceptions=False,
    )
    assert result.exit_code in (0, 1), result.output
    return page, json.loads(report.read_text(encoding="utf-8"))


def requests_made(driver):
    """Every URL the page asked for since the last call, from Chromium's network log."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def figures(driver):
    return {
        e.get_attribute("data-figure"): e.text
        for e in driver.find_elements("css selector", "[data-figure]")
    }


def bars(driver, chart):
    return {
        e.get_attribute("data-bar"): int(e.get_attribute("data-count"))
        for e in driver.find_elements("css selector", f'[data-chart="{chart}"] [data-bar]')
    }


def test_the_demo_report_renders_with_the_json_reports_figures(browser, tmp_path):
    page, report = audit_html(tmp_path, DEMO)
    requests_made(browser)  # drop the log of earlier pages
    browser.set_window_size(1280, 900)
    browser.get(page.as_uri())
    summary = report["summary"]
    shown = figures(browser)
    assert shown["as-of"] == report["as_of"]
    assert int(shown["records-read"]) == summary["records"]["read"]
    assert int(shown["records-rejected"]) == summary["records"]["rejected"]
    assert int(shown["violations"]) == summary["violations"]["total"] == 63
    for severity, count in summary["violations"]["by_severity"].items():
        assert int(shown[f"severity-{severity}"]) == count
    assert int(shown["waived"]) == summary["violations"]["waived"]
    assert int(shown["gate-failing"]) == report["gate"]["failing"]
    titles = {t["regulation_id"]: t["title"] for t in summary["totals_by_regulation"]}
    assert bars(browser, "regulation") == {
        titles[k]: n for k, n in summary["violations"]["by_regulation"].items()
    }
    assert bars(browser, "month") == summary["violations"]["by_month"]
    findings = browser.find_elements("css selector", "li.finding")
    assert [f.get_attribute("data-rule") for f in findings] == [
        v["rule_id"] for v in report["violations"]
    ]  # grouped by regulation and article, in the report's order
    quoted = browser.find_element("css selector", "blockquote").text
    assert quoted == next(r["text"] for r in report["rules"] if r["violations"])
    people = browser.find_elements("css selector", '[data-table="subjects"] tbody tr')
    assert len(people) == len(summary["penalties_by_subject"])
    assert browser.execute_script("return document.body.scrollHeight") > 2000
    assert requests_made(browser) == [page.as_uri()]  # the page itself and nothing else
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0


def test_it_reads_on_a_phone_and_prints(browser, tmp_path):
    page, _ = audit_html(tmp_path, DEMO)
    browser.set_window_size(390, 844)
    browser.get(page.as_uri())
    width = browser.execute_script("return window.innerWidth")
    assert browser.execute_script("return document.documentElement.scrollWidth") <= width
    body_font = browser.execute_script(
        "return parseFloat(getComputedStyle(document.querySelector('.where')).fontSize)"
    )
    assert body_font >= 12  # legible without zooming
    assert browser.get_screenshot_as_png().startswith(b"\x89PNG")
    pdf = base64.b64decode(browser.print_page())
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page") >= 3


def test_record_text_stays_text_and_loads_nothing(browser, tmp_path):
    data = small_dataset(tmp_path / "d", CHANGES, MEMBERS.replace("南宁恒达物产有限公司", HOSTILE))
    page, report = audit_html(tmp_path, data, "--as-of", "2026-01-05")
    requests_made(browser)
    browser.get(page.as_uri())
    assert browser.find_elements("css selector", "img, script") == []
    assert HOSTILE in browser.find_element("css selector", "main").text
    assert requests_made(browser) == [page.as_uri()]
    assert int(figures(browser)["violations"]) == report["summary"]["violations"]["total"] == 2
