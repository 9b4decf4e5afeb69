"""Nothing from the data is executed: the code has no way to, and loaders of text formats are safe."""

import ast

import pytest

from tests.conftest import ROOT

SOURCES = sorted(
    [ROOT / "cli.py", *(ROOT / "checker").rglob("*.py"), *(ROOT / "policies").rglob("*.py")]
)
FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__"}
FORBIDDEN_MODULES = {"pickle", "marshal", "shelve", "subprocess", "dill"}


def _calls(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            function = node.func
            if isinstance(function, ast.Name):
                yield function.id, node
            elif isinstance(function, ast.Attribute):
                owner = function.value.id if isinstance(function.value, ast.Name) else ""
                yield f"{owner}.{function.attr}", node


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_code_path_runs_text_as_code(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
            )
            assert not {n.split(".")[0] for n in names} & FORBIDDEN_MODULES, (path, names)
    for node in ast.walk(tree):  # a YAML loader of its own builds on the safe one
        if isinstance(node, ast.ClassDef):
            for base in node.bases:
                if isinstance(base, ast.Attribute) and ast.unparse(base.value) == "yaml":
                    assert base.attr == "SafeLoader", f"{path}:{node.lineno}: {base.attr}"
    for name, node in _calls(tree):
        assert name not in FORBIDDEN_CALLS, f"{path}:{node.lineno} calls {name}"
        assert name not in ("os.system", "os.popen"), f"{path}:{node.lineno} runs a shell"
        if name.startswith("yaml."):
            assert name == "yaml.safe_load", f"{path}:{node.lineno}: {name} (only safe_load)"


def test_a_configuration_is_data_only(tmp_path):
    """TOML has no tags or code; a value that looks like code stays a string, and is refused."""
    from checker.catalog import load_catalog
    from checker.config import ConfigError, load

    (tmp_path / "c.toml").write_text(
        "[input]\nencoding = \"__import__('os').system('x')\"\n", encoding="utf-8"
    )
    catalog = load_catalog()
    config = load(catalog.parameters.values(), [tmp_path / "c.toml"])
    from checker.loading import input_options

    with pytest.raises(ConfigError, match="unknown encoding"):
        input_options(config)
