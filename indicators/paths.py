"""Where polcmp's own files are, installed or in a checkout, and how a user overrides them."""
from __future__ import annotations

import os
from pathlib import Path


def bundled(name: str) -> Path:
    """A file or folder shipped with polcmp: inside the installed `polcmp.indicators` package
    (the wheel carries it there), else at the top of the checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / name   # importlib.resources would say the same for a package on disk, 8 ms later
    return packaged if packaged.exists() else here.parent / name


def chosen(explicit: str | os.PathLike | None, env_var: str, default: Path) -> Path:
    """A command-line flag wins, then the environment variable, then the default."""
    if explicit:
        return Path(explicit)
    if os.environ.get(env_var):
        return Path(os.environ[env_var])
    return default


def cache_dir() -> Path:
    """$POLCMP_CACHE, else the platform's user cache folder (XDG on Linux), created if missing.

    Never raises: a folder that cannot be made is returned all the same, and its users
    treat every read or write failing there as a cache miss (a cache only saves time)."""
    root = os.environ.get("POLCMP_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "polcmp")
    path = Path(root)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass
    return path
