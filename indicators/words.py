"""What each place talks about: word counts with jieba, and the terms a place uses markedly
more than the others — the weighted log-odds ratio with an informative Dirichlet prior
(Monroe, Colaresi & Quinn 2008, "Fightin' Words"), the prior taken from a background corpus.

jieba is imported only here, only when a text is not in the segmentation cache, and its
start-up log is silenced. Counts are cached per text content in the user's cache folder.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import logging
import math
import os
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import yaml

from .atomic import write_quietly
from .catalogue import Catalogue
from .paths import cache_dir

BACKGROUND_FILE = "background.tsv.gz"
CACHE_VERSION = "1"
_KEEP = re.compile(r"^[\u4e00-\u9fff][\u4e00-\u9fffA-Za-z0-9]*$")   # Chinese words; no numbers or punctuation
_LITERAL_TERM = re.compile(r"[\u4e00-\u9fff]{3,}")


@dataclass
class Vocabulary:
    terms: list[str]            # kept whole by jieba
    stopwords: frozenset[str]

    @property
    def fingerprint(self) -> str:
        """Changes whenever the words change, so cached counts are redone."""
        data = json.dumps([sorted(self.terms), sorted(self.stopwords), CACHE_VERSION], ensure_ascii=False)
        return hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]


def vocabulary(catalogue: Catalogue | None = None) -> Vocabulary:
    """words.yaml's terms and stop words, plus the literal subject terms of the catalogue."""
    data = yaml.safe_load(Path(__file__).with_name("words.yaml").read_text(encoding="utf-8"))
    terms = list(data["terms"])
    for ind in catalogue.indicators if catalogue else ():
        for pattern in ind.patterns:    # 高新技术企业, 社会消费品零售 … as written in rules.yaml
            terms += [t for t in _LITERAL_TERM.findall(pattern) if t not in terms]
    return Vocabulary(terms, frozenset(data["stopwords"]))


_segmenter = None


def _jieba(vocab: Vocabulary):
    """jieba, loaded once per process, quiet, with the policy terms added."""
    global _segmenter
    if _segmenter is None:
        import jieba
        jieba.setLogLevel(logging.WARNING)   # "Building prefix dict…" never reaches the user
        tokenizer = jieba.Tokenizer()
        folder = cache_dir()   # jieba's own dictionary cache; a temp folder if ours is unusable
        tokenizer.tmp_dir = str(folder) if folder.is_dir() else None
        tokenizer.initialize()
        for term in vocab.terms:
            tokenizer.add_word(term, freq=20000)
        _segmenter = tokenizer
    return _segmenter


def count_words(text: str, vocab: Vocabulary) -> Counter:
    """Content words of a text: jieba tokens, stop words, numbers and single characters dropped."""
    tokens = _jieba(vocab).lcut(text)
    return Counter(t for t in tokens if len(t) > 1 and _KEEP.match(t) and t not in vocab.stopwords)


def cached_counts(text: str, vocab: Vocabulary) -> Counter:
    """count_words, remembered by the text's content (and the vocabulary) across runs."""
    key = hashlib.sha256((vocab.fingerprint + text).encode("utf-8")).hexdigest()
    path = cache_dir() / "words" / key[:2] / f"{key}.json"
    try:
        return Counter(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        pass
    counts = count_words(text, vocab)
    write_quietly(path, json.dumps(counts, ensure_ascii=False).encode("utf-8"))   # unwritable: only costs time
    return counts


# ---------------------------------------------------------------- background
def save_background(counts: Counter, out: BinaryIO, documents: int, min_count: int = 3) -> None:
    """Background counts as a small gzip'd TSV written to a binary stream: a header line, then
    term<TAB>count, rare terms pruned. Byte for byte the same for the same counts: terms by
    count then by term, whole numbers only, and a gzip header with no file name and no time.

    The shipped background.tsv.gz is rebuilt, byte-identically, from the 300 reports of the
    shared corpus by `python bench/build_background.py` (which runs `polcmp keywords
    --build-background ../shared/corpus -o FILE` and moves FILE into place; `--check` rebuilds
    and compares instead)."""
    lines = [f"#documents\t{documents}\n"]
    lines += [f"{term}\t{n}\n" for term, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
              if n >= min_count]
    with gzip.GzipFile(filename="", mode="wb", fileobj=out, compresslevel=9, mtime=0) as f:
        f.write("".join(lines).encode("utf-8"))


def load_background(path: str | os.PathLike | None = None) -> Counter:
    """Background counts (default: the ones shipped beside this module, built from 300 reports)."""
    path = Path(path) if path else Path(__file__).with_name(BACKGROUND_FILE)
    counts = Counter()
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            term, _, n = line.rstrip("\n").partition("\t")
            if not term.startswith("#") and n.isdigit():
                counts[term] = int(n)
    return counts


# ---------------------------------------------------------------- Fightin' Words
@dataclass
class Keyword:
    term: str
    z: float            # z-score of the weighted log-odds ratio (place vs the others)
    count: int          # times in this place
    others: int         # times in the other places together
    per_10k: float      # per 10,000 characters of this place's text


PRIOR_STRENGTH = 1_000_000   # α0: how many pseudo-words of background the prior weighs


def log_odds_z(counts: Counter, others: Counter, prior: Counter, prior_strength: float = PRIOR_STRENGTH
               ) -> dict[str, float]:
    """Monroe, Colaresi & Quinn (2008), eqs. 16–22: the log-odds of w in `counts` minus in
    `others`, each smoothed by α_w = α0 · p_background(w) (add-one smoothed, so a word the
    background never saw still has a prior), divided by its standard error
    sqrt(1/(y_i+α_w) + 1/(y_j+α_w)). Reports are short, so α0 is large: a term needs real
    counts, not one lucky mention, to stand out — and everyday words are held to the background."""
    n_i, n_j = sum(counts.values()), sum(others.values())
    n_prior, v_prior = sum(prior.values()), len(prior)
    a0 = prior_strength
    z = {}
    for w in set(counts) | set(others):
        a = a0 * (prior.get(w, 0) + 1) / (n_prior + v_prior + 1)
        y_i, y_j = counts.get(w, 0), others.get(w, 0)
        delta = math.log((y_i + a) / (n_i + a0 - y_i - a)) - math.log((y_j + a) / (n_j + a0 - y_j - a))
        z[w] = delta / math.sqrt(1 / (y_i + a) + 1 / (y_j + a))
    return z


def distinctive(place_counts: dict[str, Counter], lengths: dict[str, int], background: Counter,
                top: int = 10, min_count: int = 2) -> dict[str, list[Keyword]]:
    """Per place, the `top` terms it uses markedly more than the other places (with one place,
    than the background), each used at least `min_count` times."""
    result = {}
    for place, counts in place_counts.items():
        others = Counter()
        for other, c in place_counts.items():
            if other != place:
                others.update(c)
        comparison = others if others else background
        z = log_odds_z(counts, comparison, background)
        ranked = sorted((w for w in counts if counts[w] >= min_count), key=lambda w: -z[w])[:top]
        result[place] = [Keyword(w, round(z[w], 2), counts[w], others.get(w, 0),
                                 round(counts[w] / max(1, lengths[place]) * 10_000, 2)) for w in ranked]
    return result


def shared(place_counts: dict[str, Counter], background: Counter, top: int = 10) -> list[Keyword]:
    """Terms every place uses, ranked by how much more the places together use them than the background."""
    if len(place_counts) < 2:
        return []
    common = set.intersection(*(set(c) for c in place_counts.values()))
    pooled = Counter()
    for c in place_counts.values():
        pooled.update(c)
    z = log_odds_z(pooled, background, background)
    ranked = sorted(common, key=lambda w: -z[w])[:top]
    return [Keyword(w, round(z[w], 2), pooled[w], 0, 0.0) for w in ranked]
