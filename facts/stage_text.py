"""The stage a story's wording suggests: a linear classifier over the characters of its headline and lead (session 28).

The stage model (:mod:`facts.stage_model`) weighs the stage verbs the rules find, each by what the rules say of it.
What the rules have no word for goes unweighed: a capping told as "钢梁首吊", a start as "正式拉开帷幕", a visit's talks as
"双方围绕投资合作事宜召开座谈会", a roundup of many works' progress beside one work's. This module reads the words
themselves: every run of one to three characters of the headline and of the lead (the body's first _LEAD characters),
hashed into _BUCKETS buckets per part (feature hashing: no vocabulary to ship, a fixed-size model), is a feature of a
multinomial logistic regression over the stages and "no stage". Its probability of each stage over the stage's share
of the fitted labels (the *lift*: how much likelier the wording makes the stage than it is on any page) is one more
feature of the stage model's candidates, so the model learns how far to trust it beside the rules; a rare stage (备案,
评审) is not held down by its rarity, which the stage model's own features already know; fitted alone it reads 75% of real pages' stages, and as a feature it moves the stage model's cross-validated
accuracy by about 2.3 points (docs/facts.md "Session 28").

Hand-written with numpy rather than scikit-learn's HashingVectorizer and LogisticRegression: inference is a sum of
weight rows (the model is a weights array, no pickled estimator), and the fit (bench/train_stage_model.py, about 60
lines here) needs no scipy or scikit-learn beside numpy, already a dependency. The hash is zlib's CRC-32, stable across
runs and platforms (Python's ``hash`` of a string is salted per process).

The weights (``data/stage_text_model.npz``: ``weights`` (buckets × classes, float16), ``bias``, ``classes``, ``prior``:
each class's share of the fitted labels) are
written by ``bench/train_stage_model.py`` beside the stage model's. Pure and deterministic; no I/O after the first load.
"""

from __future__ import annotations

import logging
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

import numpy as np

from .stages import STAGES

__all__ = ["BUCKETS", "LEAD", "NO_STAGE", "WEIGHTS_FILE", "Vector", "fit", "lifts", "priors", "scores", "softmax", "vector",
           "weights_problem"]

log = logging.getLogger(__name__)

WEIGHTS_FILE = Path(__file__).with_name("data") / "stage_text_model.npz"
BUCKETS = 1 << 16  # per part: 65,536 weights rows for the headline's grams, as many for the lead's
LEAD = 500  # the body's characters read: the real pages fitted are excerpts of 240 to 1,065 characters (median 550)
_HEADLINE = 120  # a headline's characters read (a longer "headline" is a page's first paragraph)
_GRAMS = (1, 2, 3)
NO_STAGE = ""  # the class of "no stage" (an array of strings holds no None)

Vector = tuple[np.ndarray, np.ndarray]  # the story's feature columns and their values


def _columns(text: str, offset: int) -> set[int]:
    columns = set()
    for n in _GRAMS:
        for i in range(len(text) - n + 1):
            gram = text[i:i + n]
            if not gram.isspace():
                columns.add(offset + zlib.crc32(gram.encode("utf-8", "surrogatepass")) % BUCKETS)
    return columns


def vector(title: str, body: str) -> Vector:
    """The story's features (title and body simplified, as extract_facts has them): each distinct gram of the headline
    and of the lead, each part's values scaled to unit length (a long lead weighs no more than a short one)."""
    columns: list[int] = []
    values: list[float] = []
    for offset, text in ((0, title[:_HEADLINE]), (BUCKETS, body[:LEAD])):
        found = _columns(text, offset)
        if found:
            columns.extend(sorted(found))
            values.extend([1.0 / len(found) ** 0.5] * len(found))
    return np.array(columns, dtype=np.int64), np.array(values, dtype=np.float32)


def scores(vectors: list[Vector], weights: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """Each story's score per class (rows: stories)."""
    out: np.ndarray = np.tile(bias.astype(np.float32), (len(vectors), 1))
    for row, (columns, values) in enumerate(vectors):
        if len(columns):
            out[row] += values @ weights[columns].astype(np.float32)
    return out


def softmax(s: np.ndarray) -> np.ndarray:
    """Each row of scores as probabilities."""
    e = np.exp(s - s.max(axis=-1, keepdims=True))
    out: np.ndarray = e / e.sum(axis=-1, keepdims=True)
    return out


def fit(vectors: list[Vector], labels: Iterable[int], classes: int, l2: float = 1e-4, iterations: int = 150,
        rate: float = 0.05) -> tuple[np.ndarray, np.ndarray]:
    """Weights and bias of a multinomial logistic regression of ``labels`` on ``vectors`` (Adam steps on the full batch
    from zero weights: deterministic). The stories as one sparse matrix in CSR form: a product is a gather and a sum per
    story (np.add.reduceat), its transpose a bincount per class."""
    y = np.fromiter(labels, dtype=np.int64)
    lengths = [len(columns) for columns, _ in vectors]
    keep = [i for i, n in enumerate(lengths) if n]
    starts = np.cumsum([0] + [lengths[i] for i in keep[:-1]])
    columns = np.concatenate([vectors[i][0] for i in keep]) if keep else np.zeros(0, dtype=np.int64)
    values = np.concatenate([vectors[i][1] for i in keep]) if keep else np.zeros(0, dtype=np.float32)
    rows = np.repeat(np.arange(len(keep)), [lengths[i] for i in keep])
    target = np.eye(classes, dtype=np.float32)[y[keep]] if keep else np.zeros((0, classes), dtype=np.float32)
    # Only the buckets the stories use are fitted (the others' gradient is nought and their weight stays at zero): the
    # columns renumbered compactly, the weights scattered back into all the buckets at the end.
    used, columns = np.unique(columns, return_inverse=True)
    columns = columns.reshape(-1)
    w = np.zeros((len(used), classes), dtype=np.float32)
    b = np.zeros(classes, dtype=np.float32)
    moments_w: list[np.ndarray] = [np.zeros_like(w), np.zeros_like(w)]
    moments_b: list[np.ndarray] = [np.zeros_like(b), np.zeros_like(b)]
    n = max(1, len(keep))
    for step in range(1, iterations + 1 if keep else 1):
        s = (np.add.reduceat(w[columns] * values[:, None], starts, axis=0) + b) if len(columns) else np.tile(b, (0, 1))
        g = (softmax(s) - target) / n
        spread = g[rows] * values[:, None]
        gw = np.stack([np.bincount(columns, weights=spread[:, k], minlength=len(used)) for k in range(classes)],
                      axis=1).astype(np.float32) + l2 * w
        _adam_step(w, gw, moments_w, step, rate)
        _adam_step(b, g.sum(axis=0), moments_b, step, rate)
    full = np.zeros((2 * BUCKETS, classes), dtype=np.float32)
    full[used] = w
    return full, b


def priors(labels: Iterable[int], classes: int) -> np.ndarray:
    """Each class's share of ``labels``, each counted once more (no class has a share of nought)."""
    counts = np.bincount(np.fromiter(labels, dtype=np.int64), minlength=classes).astype(np.float64) + 1
    shares: np.ndarray = (counts / counts.sum()).astype(np.float32)
    return shares


def _adam_step(param: np.ndarray, grad: np.ndarray, moments: list[np.ndarray], step: int, rate: float) -> None:
    """One Adam update of ``param`` in place (moments: the running mean and mean square of its gradient)."""
    m, v = moments
    m *= 0.9
    m += 0.1 * grad
    v *= 0.999
    v += 0.001 * grad * grad
    param -= rate * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)


def weights_problem(weights: np.ndarray, bias: np.ndarray, classes: np.ndarray, prior: np.ndarray) -> Optional[str]:
    """What makes a weights file unusable (one sentence), or None."""
    if not all(np.issubdtype(a.dtype, np.floating) for a in (weights, bias, prior)) or classes.dtype.kind != "U":
        return "its arrays are not numbers and class names"
    if weights.ndim != 2 or weights.shape[0] != 2 * BUCKETS or weights.shape[1] < 2:
        return f"its weights are not {2 * BUCKETS} rows of one column per class"
    if bias.shape != (weights.shape[1],) or classes.shape != (weights.shape[1],) or prior.shape != bias.shape:
        return "its bias, classes or priors do not match its weights"
    if not (np.isfinite(weights).all() and np.isfinite(bias).all()):
        return "a weight is not a finite number"
    if not (np.isfinite(prior).all() and (prior > 0).all()):
        return "a prior is not a positive number"
    names = [str(c) for c in classes.tolist()]
    if sorted(names) != sorted((NO_STAGE, *STAGES)):
        return "its classes are not no stage and the nine stages, each once"
    return None


@lru_cache(maxsize=1)
def _model() -> Optional[tuple[np.ndarray, np.ndarray, tuple[str, ...], np.ndarray]]:
    """The weights, or None (logged once) when the file is missing or unusable: the stage model then reads no wording."""
    try:
        with np.load(WEIGHTS_FILE, allow_pickle=False) as doc:
            weights, bias, classes, prior = doc["weights"], doc["bias"], doc["classes"], doc["prior"]
    except Exception as error:  # noqa: BLE001 — any unreadable file (missing, truncated zip, a bare .npy…) is one case
        log.warning("stage text model weights %s unreadable (%s): stages are weighed without the wording", WEIGHTS_FILE,
                    error)
        return None
    if not all(isinstance(a, np.ndarray) for a in (weights, bias, classes, prior)):
        problem: Optional[str] = "its entries are not arrays"
    else:
        problem = weights_problem(weights, bias, classes, prior)
    if problem is not None:
        log.warning("stage text model weights %s unusable (%s): stages are weighed without the wording", WEIGHTS_FILE,
                    problem)
        return None
    return weights, bias.astype(np.float32), tuple(str(c) for c in classes.tolist()), prior.astype(np.float32)


def lifts(title: str, body: str) -> Optional[dict[Optional[str], float]]:
    """How much likelier the story's wording makes each stage (None: no stage) than the stage's share of the fitted
    labels (its probability over its prior), or None without usable weights."""
    model = _model()
    if model is None:
        return None
    weights, bias, classes, prior = model
    p = softmax(scores([vector(title, body)], weights, bias)[0]) / prior
    return {(c or None): float(x) for c, x in zip(classes, p)}
