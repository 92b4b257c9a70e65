"""click as typer ships it: vendored as `typer._click` in recent typer releases, a separate
dependency (`click`) in older ones. The few click names polcmp needs come from here."""
try:
    from typer._click import core, exceptions, formatting
except ImportError:   # typer before it vendored click
    from click import core, exceptions, formatting

__all__ = ["core", "exceptions", "formatting"]
