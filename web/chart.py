"""The investment pipeline chart of the projects page: announced yuan by place per month, as SVG.

Drawn on the server as a few dozen SVG elements rather than with a JavaScript charting
library: the page stays one request, works without scripts and in a feed reader's
preview, and the chart's numbers are in the HTML for tests and screen readers (each
segment has a ``<title>``; the page prints the same figures as a table).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Iterable

from markupsafe import Markup, escape

__all__ = ["PALETTE", "format_yuan", "pipeline_svg", "stack"]

# Colour-blind-safe (Okabe-Ito) plus grey for "other places".
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
OTHER = "其他"
UNKNOWN = "地点不明"
BAR, GAP, LEFT, TOP, HEIGHT = 44, 18, 70, 16, 220


def format_yuan(amount: float) -> str:
    """``73200000000.0`` -> ``732亿元``; ``8e6`` -> ``800万元``: the units Chinese news uses."""
    if not amount:
        return "0"
    for unit, name in ((1e8, "亿元"), (1e4, "万元")):
        if abs(amount) >= unit:
            return f"{amount / unit:,.1f}".rstrip("0").rstrip(".") + name
    return f"{amount:,.0f}元"


def stack(rows: Iterable[dict[str, Any]], *, places: int = len(PALETTE)) -> tuple[list[str], list[str],
                                                                                   dict[tuple[str, str], tuple[float, int]]]:
    """``pipeline`` rows -> (months, places in stacking order, {(month, place): (yuan, stories)}).

    The ``places`` largest places by total keep their own colour; the rest are summed as
    其他 (other), so a province's hundred counties do not make a hundred-colour legend.
    """
    totals: dict[str, float] = defaultdict(float)
    cells: dict[tuple[str, str], list[float]] = {}
    for row in rows:
        place = row["place"] or UNKNOWN
        totals[place] += row["amount_cny"]
        cells[(row["month"], place)] = [row["amount_cny"], row["stories"]]
    ranked = sorted(totals, key=lambda p: (-totals[p], p))
    kept = ranked[:places] if len(ranked) <= places else ranked[:places - 1]
    merged: dict[tuple[str, str], tuple[float, int]] = {}
    for (month, place), (amount, stories) in cells.items():
        key = (month, place if place in kept else OTHER)
        old = merged.get(key, (0.0, 0))
        merged[key] = (old[0] + amount, old[1] + int(stories))
    order = kept + ([OTHER] if len(ranked) > len(kept) else [])
    return sorted({m for m, _ in cells}), order, merged


def pipeline_svg(rows: Iterable[dict[str, Any]]) -> Markup:
    """A stacked bar per month (announced yuan, one colour per place) with a legend; empty when no rows."""
    months, order, cells = stack(rows)
    if not months:
        return Markup("")
    peak = max(sum(cells.get((m, p), (0.0, 0))[0] for p in order) for m in months) or 1.0
    width = LEFT + len(months) * (BAR + GAP) + 10
    colour = {place: (PALETTE[i] if place != OTHER else "#999999") for i, place in enumerate(order)}
    parts = [f'<svg class="newsmon-pipeline" role="img" xmlns="http://www.w3.org/2000/svg" width="{width}" '
             f'height="{TOP + HEIGHT + 40}" aria-label="Announced investment by place per month">']
    for tick in (0.0, 0.5, 1.0):
        y = TOP + HEIGHT - tick * HEIGHT
        parts.append(f'<line x1="{LEFT - 4}" x2="{width}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>'
                     f'<text x="{LEFT - 8}" y="{y + 4:.1f}" text-anchor="end" font-size="11">'
                     f'{escape(format_yuan(peak * tick))}</text>')
    for i, month in enumerate(months):
        x = LEFT + i * (BAR + GAP)
        y = float(TOP + HEIGHT)
        for place in order:
            amount, stories = cells.get((month, place), (0.0, 0))
            if not amount:
                continue
            h = amount / peak * HEIGHT
            y -= h
            label = f"{place} {month}: {format_yuan(amount)} ({stories} stories)"
            parts.append(f'<rect class="segment" x="{x}" y="{y:.1f}" width="{BAR}" height="{h:.1f}" '
                         f'fill="{colour[place]}" data-place="{escape(place)}" data-month="{month}" '
                         f'data-yuan="{amount:.0f}"><title>{escape(label)}</title></rect>')
        parts.append(f'<text x="{x + BAR / 2}" y="{TOP + HEIGHT + 16}" text-anchor="middle" '
                     f'font-size="11">{month}</text>')
    parts.append("</svg>")
    legend = "".join(f'<span class="legend"><span class="swatch" style="background:{colour[p]}"></span>'
                     f'{escape(p)}</span>' for p in order)
    return Markup("".join(parts) + f'<p class="newsmon-legend">{legend}</p>')
