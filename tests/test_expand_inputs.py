"""expand_inputs: a folder stands for the reports below it, spelled as pathlib spells them
(`./corpus/` gives corpus/a.txt), whatever the folder is called on the command line."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from polcmp.indicators.batch import _NOT_A_REPORT, expand_inputs
from polcmp.indicators.formats import SUFFIXES


def by_pathlib(root: str) -> list[str]:
    """What expand_inputs found before it stopped making a Path per file: the reference."""
    found = []
    for folder, dirs, names in os.walk(Path(root)):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [str(Path(folder) / n) for n in names if not n.startswith(".")]
    return sorted(f for f in found if Path(f).is_file() and Path(f).suffix.lower() in SUFFIXES
                  and not _NOT_A_REPORT.match(Path(f).name))


@pytest.fixture
def tree(tmp_path):
    root = tmp_path / "corpus"
    for name in ("临海_2023.txt", "b.MD", "c.pdf", "notes.csv", "README.md", "d.", ".hidden.txt",
                 "sub/e.html", "sub/deeper/f.docx", ".git/g.txt"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("x", encoding="utf-8")
    (root / "folder.txt").mkdir()                    # a folder with a report's name is not a report
    (root / "link.txt").symlink_to(root / "c.pdf")   # a link to a file is one
    return root


@pytest.mark.parametrize("spelled", ["{root}", "{root}/", "{root}//sub/..", "./corpus/", "corpus", "."])
def test_reports_below_a_folder_are_spelled_as_pathlib_does(tree, monkeypatch, spelled):
    monkeypatch.chdir(tree.parent if "corpus" in spelled else tree)
    root = spelled.format(root=tree)
    paths, problems = expand_inputs([root])
    assert problems == [] and paths == by_pathlib(root)
    assert len(paths) == 6 and not any("README" in p or ".git" in p or "hidden" in p for p in paths)
