"""Option values of the plain types polcmp uses, converted without pydantic.

typer 0.29 converts every parameter value through a pydantic TypeAdapter
(typer/_coercion.py: build_runtime_param), and importing pydantic takes about 0.1 s: as long as
the rest of a small `polcmp extract`. polcmp's parameters are str, int, bool, Path, an Enum or
lists of them, and for the ordinary values of those types the conversion is a line each: done
here, with typer's own helpers for choices and paths (so their checks and messages are typer's).

Everything else goes to typer unchanged: another type, a parser=, min/max, and any value this
cannot decide (`-j abc`: the error message is typer's). tests/test_coercion.py checks that both
ways agree on every parameter of every command. The hook rests on typer internals; when they
are not there (a later typer), install() does nothing and typer runs as shipped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, Callable, get_args, get_origin

try:   # typer's internals as of 0.29
    from typer._click.exceptions import BadParameter
    from typer._coercion import RuntimeParam, build_runtime_param
    from typer._param_types import coerce_cli_choice, coerce_cli_path
    from typer.core import _TyperParameter
except ImportError:
    RuntimeParam = None

UNDECIDED = object()   # a converter's answer for "let typer convert this one"
_INT = re.compile(r"[+-]?[0-9]{1,18}")   # what int() and pydantic read alike (not 1_000, 1.0, ١)

Converter = Callable[[Any, Any, Any], Any]   # (value, param, ctx) → value or UNDECIDED


def _leaf_converter(annotation, info) -> Converter | None:
    """The converter of one plain annotation, or None when typer must convert it."""
    if annotation is str:
        return lambda v, param, ctx: v if type(v) is str else UNDECIDED
    if annotation is bool:   # flags arrive as bools; a string (from an envvar) is typer's to read
        return lambda v, param, ctx: v if type(v) is bool else UNDECIDED
    if annotation is int and info.min is None and info.max is None:
        def to_int(v, param, ctx):
            if type(v) is int:
                return v
            return int(v) if type(v) is str and _INT.fullmatch(v) else UNDECIDED
        return to_int
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        choices, case_sensitive = list(annotation), info.case_sensitive

        def to_choice(v, param, ctx):
            try:
                return coerce_cli_choice(v, choices=choices, case_sensitive=case_sensitive, ctx=ctx)
            except ValueError:   # not a choice: typer words the error
                return UNDECIDED
        return to_choice
    if annotation is Path and info.path_type is None and not info.allow_dash and not info.resolve_path:
        def to_path(v, param, ctx):
            if isinstance(v, Path):   # a default: typer checks it as it is
                return coerce_cli_path(v, info, path_type=Path, param=param, ctx=ctx)
            if type(v) is not str or not v:   # typer reads '' as '.'
                return UNDECIDED
            # typer's checks (exists, dir_okay …) on the string as given, so its messages name it so
            return Path(coerce_cli_path(v, info, path_type=None, param=param, ctx=ctx))
        return to_path
    return None


def converter(descriptor) -> Converter | None:
    """The converter of a parameter's annotation (a plain type or a list of one), or None."""
    info = descriptor.parameter_info
    if descriptor.file_annotation is not None or info.parser is not None:
        return None
    annotation = descriptor.annotation
    if get_origin(annotation) is not list:
        return _leaf_converter(annotation, info)
    item = _leaf_converter(get_args(annotation)[0], info)
    if item is None:
        return None

    def to_list(values, param, ctx):
        out = [item(v, param, ctx) for v in (values if isinstance(values, (list, tuple)) else [values])]
        return UNDECIDED if any(v is UNDECIDED for v in out) else out
    return to_list


if RuntimeParam is not None:
    @dataclass(frozen=True)
    class PlainRuntimeParam(RuntimeParam):
        """typer's RuntimeParam (its handling of None and of repeated options kept) with a
        converter in place of the TypeAdapter; what the converter leaves goes to typer."""

        convert: Converter

        def _coerce_value(self, value: Any, param, ctx) -> Any:
            try:
                result = self.convert(value, param, ctx)
            except BadParameter:   # typer's own path check said no: its message, as typer would give it
                raise
            except Exception:   # a typer helper that changed its ways: let typer do it all
                result = UNDECIDED
            if result is UNDECIDED:
                return build_runtime_param(param.type_descriptor)._coerce_value(value, param=param, ctx=ctx)
            return result


def plain_runtime_param(descriptor) -> Any | None:
    """A PlainRuntimeParam for the parameter, or None (typer builds its own)."""
    try:
        convert = converter(descriptor)
        if convert is None:
            return None
        return PlainRuntimeParam(annotation=descriptor.annotation, parameter_info=descriptor.parameter_info,
                                 convert=convert)
    except Exception:   # typer's descriptors or RuntimeParam changed shape
        return None


def install() -> bool:
    """Give typer's parameters the plain conversion where it applies. False (typer untouched)
    when typer's internals are not the ones this was written for."""
    if RuntimeParam is None or not callable(getattr(_TyperParameter, "get_runtime_param", None)):
        return False
    typer_runtime_param = _TyperParameter.get_runtime_param
    if getattr(typer_runtime_param, "polcmp_plain", False):
        return True   # installed already

    def get_runtime_param(self):
        if getattr(self, "_runtime_param", None) is None:
            # None: typer builds its own below
            self._runtime_param = plain_runtime_param(getattr(self, "type_descriptor", None))
        return typer_runtime_param(self)

    get_runtime_param.polcmp_plain = True
    _TyperParameter.get_runtime_param = get_runtime_param
    return True
