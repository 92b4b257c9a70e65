"""cli/coercion.py: option values converted without pydantic, exactly as typer converts them,
and typer's own conversion whenever the plain one does not apply or typer has changed."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import typer.main
from typer._click import Context
from typer._click.exceptions import BadParameter
from typer._coercion import build_runtime_param

from polcmp.cli import coercion
from polcmp.cli.main import app, register_commands

from conftest import ROOT, SEEDS

LINHAI = str(SEEDS / "临海_2023.txt")

# what users type, and what they mistype, for each kind of parameter polcmp has
SAMPLES = ["1", "007", "+2", "-1", "0", " 3", "3 ", "1_000", "1.0", "1e3", "٣", "１２", "0x10", "", "abc",
           "99999999999999999999", "json", "JSON", "xml", "target", "ACHIEVED", "all", "table",
           "seeds", "./seeds/", "seeds//", "rules.yaml", "./rules.yaml", "nope.yaml", "-", "临海", "a\udcffb"]


def parameters():
    """(command name, click parameter) for every parameter of every command."""
    register_commands([])   # every command module

    def walk(command, path):
        for param in command.params:
            yield path, param
        for name, sub in getattr(command, "commands", {}).items():
            yield from walk(sub, f"{path} {name}")
    return list(walk(typer.main.get_command(app), "polcmp"))


def outcome(runtime, value, param, ctx):
    """What a conversion gives: ("ok", value, its type) or ("error", the message)."""
    try:
        result = runtime.coerce(value, param=param, ctx=ctx)
    except BadParameter as e:
        return "error", e.format_message()
    return "ok", result, type(result), [type(x) for x in result] if isinstance(result, list) else None


def values_for(param):
    """Samples as the parser hands them over: strings, tuples of strings for repeated options,
    and the parameter's default."""
    if param.multiple or param.nargs == -1:
        return [(), *((s,) for s in SAMPLES), ("1", "2"), ("seeds", "rules.yaml"), ("json", "xml"), ["临海"]]
    return [None, param.default, *SAMPLES]


def test_installed_on_this_typer():
    assert coercion.install()   # main.py installed it already: installing again changes nothing
    assert getattr(coercion._TyperParameter.get_runtime_param, "polcmp_plain", False)


@pytest.mark.parametrize("where,param", parameters(), ids=lambda x: x if isinstance(x, str) else x.name)
def test_same_result_as_typer(where, param, monkeypatch):
    """Every parameter of every command, every sample: the plain conversion gives typer's
    value (and type) or typer's error message."""
    monkeypatch.chdir(ROOT)   # the path samples exist here
    ctx = Context(typer.main.get_command(app), info_name="polcmp")
    plain = coercion.plain_runtime_param(param.type_descriptor)
    typers = build_runtime_param(param.type_descriptor)
    assert plain is not None
    for value in values_for(param):
        assert outcome(plain, value, param, ctx) == outcome(typers, value, param, ctx), (where, param.name, value)


def test_polcmp_types_never_need_typer():
    """Every parameter polcmp has is converted the plain way (a new one that is not should be
    a choice made knowingly: it brings pydantic back into every run of its command)."""
    left = [f"{where} {param.name}" for where, param in parameters()
            if coercion.plain_runtime_param(param.type_descriptor) is None]
    assert left == []


def test_other_types_are_left_to_typer():
    class Descriptor:   # the shape of typer's TypeDescriptor
        def __init__(self, annotation, **info):
            self.annotation, self.file_annotation = annotation, None
            self.parameter_info = typer.models.OptionInfo(**info)
    assert coercion.plain_runtime_param(Descriptor(float)) is None
    assert coercion.plain_runtime_param(Descriptor(int, min=1)) is None
    assert coercion.plain_runtime_param(Descriptor(str, parser=str.upper)) is None
    assert coercion.plain_runtime_param(Descriptor(Path, resolve_path=True)) is None
    assert coercion.plain_runtime_param(Descriptor(tuple[int, int])) is None
    assert coercion.plain_runtime_param(object()) is None   # a descriptor of another shape: typer's


def test_a_helper_that_fails_hands_over_to_typer(monkeypatch):
    """If typer's path helper changed its ways, typer converts the value itself."""
    param = next(p for where, p in parameters() if where == "polcmp extract" and p.name == "rules")
    monkeypatch.chdir(ROOT)
    ctx = Context(typer.main.get_command(app), info_name="polcmp")
    expected = outcome(build_runtime_param(param.type_descriptor), "rules.yaml", param, ctx)

    def changed(*args, **kwargs):
        raise TypeError("coerce_cli_path() got an unexpected keyword argument 'path_type'")
    monkeypatch.setattr(coercion, "coerce_cli_path", changed)
    assert outcome(coercion.plain_runtime_param(param.type_descriptor), "rules.yaml", param, ctx) == expected


def run_probe(setup: str, *args: str) -> subprocess.CompletedProcess:
    """polcmp ARGS in a fresh interpreter after `setup`; the last stderr line says whether pydantic came."""
    probe = (f"{setup}\n"
             "import sys\n"
             "from polcmp.cli.main import run\n"
             "sys.argv = ['polcmp'] + sys.argv[1:]\n"
             "try:\n    run()\nexcept SystemExit as e:\n    code = e.code\n"
             "print(code, 'pydantic' in sys.modules, file=sys.stderr)\n")
    return subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True, cwd=ROOT)


def test_without_the_internals_typer_runs_as_shipped():
    """A typer without the internals the hook uses: nothing is installed, typer converts (with
    pydantic), and the output is the same."""
    plain = run_probe("", "extract", LINHAI, "-f", "csv", "-j", "1")
    shipped = run_probe("import typer._coercion\ndel typer._coercion.RuntimeParam", "extract", LINHAI, "-f", "csv",
                        "-j", "1")
    assert plain.stderr.splitlines()[-1] == "0 False"
    assert shipped.stderr.splitlines()[-1] == "0 True"
    assert shipped.stdout == plain.stdout and shipped.stdout
    plain_error = run_probe("", "extract", LINHAI, "-j", "abc")
    shipped_error = run_probe("import typer._coercion\ndel typer._coercion.RuntimeParam", "extract", LINHAI, "-j", "abc")
    assert shipped_error.stderr == plain_error.stderr   # one line, typer's words; exit 2 (pydantic for the message)
    assert plain_error.stderr.splitlines()[-1] == "2 True" and len(plain_error.stderr.splitlines()) == 2
