"""What a story's wording suggests: linear classifiers over the characters of its headline and lead (session 28: the
stage; session 29: the amount).

The stage model (:mod:`facts.stage_model`) weighs the stage verbs the rules find, each by what the rules say of it.
What the rules have no word for goes unweighed: a capping told as "钢梁首吊", a start as "正式拉开帷幕", a visit's talks as
"双方围绕投资合作事宜召开座谈会", a roundup of many works' progress beside one work's. The amount model
(:mod:`facts.amount_model`) weighs the rules' figure by its sentence and the page's shape; a city's year summary, a
feature touring works, a fair's programme are told by their wording more than by their figures. A wording model reads
the words themselves: every run of one to three characters of the headline and of the lead (the body's first LEAD
characters), hashed into BUCKETS buckets per part (feature hashing: no vocabulary to ship, a fixed-size model), is a
feature of a multinomial logistic regression over the model's classes (the stages and "no stage"; a project's
investment, a roundup's total and "no amount"). Its probability of each class over the class's share of the fitted
labels (the *lift*: how much likelier the wording makes the class than it is on any page) is one more feature of the
stage model's candidates and of the amount model's figure, so each model learns how far to trust it beside the rules;
a rare class (备案, 评审) is not held down by its rarity, which the models' own features already know. Fitted alone the
stage wording reads 75% of real pages' stages; as a feature it moved the stage model's cross-validated accuracy by
about 2.3 points, the amount wording the amount model's by about 4 (docs/facts.md "Session 28", "Session 29").

Hand-written with numpy rather than scikit-learn's HashingVectorizer and LogisticRegression: inference is a sum of
weight rows (the model is a weights array, no pickled estimator), and the fit (bench/wording_fit.py calls it, about 60
lines here) needs no scipy or scikit-learn beside numpy, already a dependency. The hash is zlib's CRC-32, stable across
runs and platforms (Python's ``hash`` of a string is salted per process). One story's features serve both models.

Each model's weights (``data/stage_text_model.npz``, ``data/amount_text_model.npz``: ``weights`` (buckets × classes,
float16), ``bias``, ``classes``, ``prior``: each class's share of the fitted labels) are written by the trainer of the
model that reads them (bench/train_stage_model.py, bench/train_amount_model.py) beside its weights. Pure and
deterministic; no I/O after the first load.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import threading
import zlib
from pathlib import Path
from typing import Iterable, Optional

import numpy as np

from .stages import STAGES

__all__ = ["AMOUNT_CLASSES", "AMOUNT_WORDING", "BUCKETS", "LEAD", "LIFT_BOUND", "Lifts", "NONE", "STAGE_WORDING", "Vector",
           "WordingModel", "fit", "lifts_of", "log_lift", "priors", "scores", "softmax", "vector"]

log = logging.getLogger(__name__)

BUCKETS = 1 << 16  # per part: 65,536 weights rows for the headline's grams, as many for the lead's
LEAD = 500  # the body's characters read: the real pages fitted are excerpts of 240 to 1,065 characters (median 550)
_HEADLINE = 120  # a headline's characters read (a longer "headline" is a page's first paragraph)
_GRAMS = (1, 2, 3)
NONE = ""  # the class of "no stage", "no amount" (an array of strings holds no None)
# The amount wording's classes: no amount, a project's investment, a roundup's total (the kinds the rules read).
AMOUNT_CLASSES = (NONE, "project", "roundup")

Vector = tuple[np.ndarray, np.ndarray]  # the story's feature columns and their values
Lifts = tuple[tuple[Optional[str], float], ...]  # each class's lift (None: the none class), as a reading model keeps them
# A lift is read within a factor of LIFT_BOUND either way (log_lift): a stage the wording all but rules out still has its
# verbs to speak for it, and a rare stage's lift (备案 is 7 labels in 3,500: its lift can reach hundreds) does not outvote
# them.
LIFT_BOUND = 10.0


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
        rate: float = 0.05, start: Optional[tuple[np.ndarray, np.ndarray]] = None) -> tuple[np.ndarray, np.ndarray]:
    """Weights and bias of a multinomial logistic regression of ``labels`` on ``vectors`` (Adam steps on the full batch
    from zero weights, or from ``start``: deterministic). The stories as one sparse matrix in CSR form: a product is a
    gather and a sum per story (np.add.reduceat), its transpose a bincount per class. ``start`` (an earlier fit's weights
    and bias: a fine-tune, session 37) starts the steps from them and pulls the weights towards them, not towards zero;
    the bias and the buckets these stories do not use keep the start's."""
    y = np.fromiter(labels, dtype=np.int64)
    lengths = [len(columns) for columns, _ in vectors]
    keep = [i for i, n in enumerate(lengths) if n]
    starts = np.cumsum([0] + [lengths[i] for i in keep[:-1]])
    columns = np.concatenate([vectors[i][0] for i in keep]) if keep else np.zeros(0, dtype=np.int64)
    values = np.concatenate([vectors[i][1] for i in keep]) if keep else np.zeros(0, dtype=np.float32)
    rows = np.repeat(np.arange(len(keep)), [lengths[i] for i in keep])
    target = np.eye(classes, dtype=np.float32)[y[keep]] if keep else np.zeros((0, classes), dtype=np.float32)
    # Only the buckets the stories use are fitted (the others' gradient is nought and their weight stays as it starts,
    # zero or the start's): the columns renumbered compactly, the weights scattered back into all the buckets at the end.
    used, columns = np.unique(columns, return_inverse=True)
    columns = columns.reshape(-1)
    w0 = start[0][used].astype(np.float32) if start is not None else np.zeros((len(used), classes), dtype=np.float32)
    w = w0.copy()
    b = start[1].astype(np.float32).copy() if start is not None else np.zeros(classes, dtype=np.float32)
    moments_w: list[np.ndarray] = [np.zeros_like(w), np.zeros_like(w)]
    moments_b: list[np.ndarray] = [np.zeros_like(b), np.zeros_like(b)]
    n = max(1, len(keep))
    for step in range(1, iterations + 1 if keep else 1):
        s = (np.add.reduceat(w[columns] * values[:, None], starts, axis=0) + b) if len(columns) else np.tile(b, (0, 1))
        g = (softmax(s) - target) / n
        spread = g[rows] * values[:, None]
        gw = np.stack([np.bincount(columns, weights=spread[:, k], minlength=len(used)) for k in range(classes)],
                      axis=1).astype(np.float32) + l2 * (w - w0)
        _adam_step(w, gw, moments_w, step, rate)
        if start is None:  # (a fine-tune keeps the start's bias: it stands for the class shares of its first, larger fit)
            _adam_step(b, g.sum(axis=0), moments_b, step, rate)
    full = start[0].astype(np.float32) if start is not None else np.zeros((2 * BUCKETS, classes), dtype=np.float32)
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


def lifts_of(vectors: list[Vector], weights: np.ndarray, bias: np.ndarray, classes: tuple[str, ...],
             prior: np.ndarray) -> list[Lifts]:
    """Each story's lift per class (its probability over the class's share of the fitted labels; None: the none
    class): what a reading model is given, from the shipped file or from a trainer's out-of-fold fit."""
    p = softmax(scores(vectors, weights, bias)) / prior
    return [tuple(((c or None), float(x)) for c, x in zip(classes, row)) for row in p]


def log_lift(lifts: Lifts, name: Optional[str]) -> float:
    """The logarithm of a class's lift, bounded (LIFT_BOUND): a model's feature."""
    lift = dict(lifts).get(name, 1.0)  # (a class the wording file does not know: no say either way)
    return math.log(min(max(lift, 1 / LIFT_BOUND), LIFT_BOUND))


def fingerprint(weights: np.ndarray, bias: np.ndarray, classes: np.ndarray, prior: np.ndarray) -> str:
    """A short digest of a wording model's arrays as stored. The reading model's weights file names the wording its
    weights were fitted with by it (its ``"wording"`` key, written by bench/wording_fit.py): a weights file and a
    wording file of two fits, one of them replaced or left behind, would read lifts the weights never learned."""
    digest = hashlib.sha256()
    for array in (weights, bias, classes, prior):
        array = np.ascontiguousarray(array)
        digest.update(f"{array.dtype.str}{array.shape}".encode())
        digest.update(array.tobytes())
    return digest.hexdigest()[:16]


def _paired_fingerprint(path: Path) -> Optional[str]:
    """The wording fingerprint the reading model's weights file names, or None (no such key: weights written before
    session 30; an unreadable file is its own model's to report)."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    found = doc.get("wording") if isinstance(doc, dict) else None
    return found if isinstance(found, str) else None


class WordingModel:
    """One wording model: its weights file, its classes, the weights file of the model that reads it (``paired``), and
    what that model does without it. The weights are read on first use and kept (``forget`` reads them again)."""

    def __init__(self, name: str, file: Path, classes: tuple[str, ...], without: str, paired: Path) -> None:
        self.name = name  # "stage text model"
        self.file = file
        self.paired = paired  # facts/data/stage_model.json: its "wording" names the wording it was fitted with
        self.classes = classes
        self.without = without  # what the reading model does without it ("stages are weighed without the wording")
        self._lock = threading.Lock()
        self._loaded: Optional[tuple[Optional[tuple[np.ndarray, np.ndarray, tuple[str, ...], np.ndarray]]]] = None

    def problem(self, weights: np.ndarray, bias: np.ndarray, classes: np.ndarray, prior: np.ndarray) -> Optional[str]:
        """What makes a weights file unusable (one sentence), or None."""
        if not all(np.issubdtype(a.dtype, np.floating) for a in (weights, bias, prior)) or classes.dtype.kind != "U":
            return "its arrays are not numbers and class names"
        if weights.ndim != 2 or weights.shape[0] != 2 * BUCKETS or weights.shape[1] < 2:
            return f"its weights are not {2 * BUCKETS} rows of one column per class"
        if bias.shape != (weights.shape[1],) or classes.shape != (weights.shape[1],) or prior.shape != bias.shape:
            return "its bias, classes or priors do not match its weights"
        # (Checked as the scores read them, in float32: a float64 1e300 is finite, its float32 infinite.)
        with np.errstate(over="ignore"):
            weights, bias, prior = weights.astype(np.float32), bias.astype(np.float32), prior.astype(np.float32)
        if not (np.isfinite(weights).all() and np.isfinite(bias).all()):
            return "a weight is not a finite number"
        if not (np.isfinite(prior).all() and (prior > 0).all()):
            return "a prior is not a positive number"
        if sorted(str(c) for c in classes.tolist()) != sorted(self.classes):
            return f"its classes are not {', '.join(c or 'none' for c in self.classes)}, each once"
        return None

    def forget(self) -> None:
        """Read the weights file again on next use."""
        with self._lock:
            self._loaded = None

    def _model(self) -> Optional[tuple[np.ndarray, np.ndarray, tuple[str, ...], np.ndarray]]:
        """The weights, or None (logged once) when the file is missing or unusable."""
        with self._lock:
            if self._loaded is None:
                self._loaded = (self._load(),)
            return self._loaded[0]

    def _load(self) -> Optional[tuple[np.ndarray, np.ndarray, tuple[str, ...], np.ndarray]]:
        try:
            with np.load(self.file, allow_pickle=False) as doc:
                weights, bias, classes, prior = doc["weights"], doc["bias"], doc["classes"], doc["prior"]
        except Exception as error:  # noqa: BLE001 — any unreadable file (missing, truncated zip, a bare .npy…) is one case
            log.warning("%s weights %s unreadable (%s): %s", self.name, self.file, error, self.without)
            return None
        if not all(isinstance(a, np.ndarray) for a in (weights, bias, classes, prior)):
            problem: Optional[str] = "its entries are not arrays"
        else:
            problem = self.problem(weights, bias, classes, prior)
        if problem is not None:
            log.warning("%s weights %s unusable (%s): %s", self.name, self.file, problem, self.without)
            return None
        expected = _paired_fingerprint(self.paired)
        if expected is not None and expected != fingerprint(weights, bias, classes, prior):
            log.warning("%s weights %s are not those %s was fitted with (fit both again): %s", self.name, self.file,
                        self.paired.name, self.without)
            return None
        return weights, bias.astype(np.float32), tuple(str(c) for c in classes.tolist()), prior.astype(np.float32)

    def lifts(self, features: Vector) -> Optional[Lifts]:
        """How much likelier the story's wording (its ``vector``) makes each class (None: the none class) than the
        class's share of the fitted labels (its probability over its prior), or None without usable weights."""
        model = self._model()
        if model is None:
            return None
        found = lifts_of([features], *model)[0]
        # (Finite weights summing past float32's range: no say rather than a wrong one.)
        return found if all(np.isfinite(x) for _, x in found) else None


_DATA = Path(__file__).with_name("data")
STAGE_WORDING = WordingModel("stage text model", _DATA / "stage_text_model.npz", (NONE, *STAGES),
                             "stages are weighed without the wording", paired=_DATA / "stage_model.json")
AMOUNT_WORDING = WordingModel("amount text model", _DATA / "amount_text_model.npz", AMOUNT_CLASSES,
                              "amounts are weighed without the wording", paired=_DATA / "amount_model.json")
