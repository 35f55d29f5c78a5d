"""The overview's charts, drawn ahead of time as SVG by matplotlib.

matplotlib (PSF-based licence, BSD-compatible) is imported here only, when a dashboard
is built. Its SVG carries no script and needs nothing from outside the page. Text stays
text (`svg.fonttype: none`), so the browser draws the Chinese with the reader's own
faces and the page's style sheet chooses them; the bundled 黑体 subset only gives
matplotlib the widths to lay the labels out. Plan titles are data: `$` would start
matplotlib's mathtext, so every label is taken literally.
"""

from __future__ import annotations

import contextlib
import io
import warnings
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from planctl.dashboard.view import LIGHT_NAMES, PlanView, TrendPoint
from planctl.tracking.state import LIGHT_ORDER

if TYPE_CHECKING:
    from matplotlib.figure import Figure

LIGHT_COLOURS = {
    "red": "#c8372d",
    "yellow": "#e3a21a",
    "green": "#2f8f5b",
    "done": "#3a6fb0",
    "grey": "#9aa0a6",
}
RATE_COLOURS = ("#3a6fb0", "#2f8f5b", "#8e5bb5")
MOST_PLANS = 25  # the lights chart shows the plans with the most red and yellow tasks
_TITLE_CHARACTERS = 18
_FONT = "Planctl Hei"


def trend_svg(points: Sequence[TrendPoint]) -> str:
    """完成率, 按时完成率 and 报送及时率 at the end of each period, as a line chart."""
    with _style():
        return _svg(_trend(points))


def lights_svg(plans: Sequence[PlanView]) -> str:
    """Each plan's tasks per light, as stacked bars: the plans that most need attention."""
    with _style():
        return _svg(_lights(plans))


def _trend(points: Sequence[TrendPoint]) -> Figure:
    figure = _figure(7.2, 3.2)
    axes = figure.add_subplot()
    labels = [str(point.period) for point in points]
    series = (
        ("完成率", [point.figures.completion.share for point in points]),
        ("按时完成率", [point.figures.on_time_completion.share for point in points]),
        ("报送及时率", [point.figures.reporting.share for point in points]),
    )
    for (name, values), colour in zip(series, RATE_COLOURS, strict=True):
        shown = [float("nan") if value is None else value for value in values]
        axes.plot(labels, shown, marker="o", markersize=3, linewidth=1.8, color=colour, label=name)
    axes.set_ylim(0, 100)
    axes.set_ylabel("%")
    axes.grid(axis="y", color="#e3e6ea", linewidth=0.8)
    figure.legend(loc="outside upper left", frameon=False, ncols=3, fontsize=9)
    _tidy(axes)
    every = max(1, len(labels) // 12)
    axes.set_xticks(range(0, len(labels), every), labels[::every], rotation=0, fontsize=8)
    return figure


def _lights(plans: Sequence[PlanView]) -> Figure:
    chosen = sorted(plans, key=_attention)[:MOST_PLANS]
    chosen.reverse()  # matplotlib draws the first bar at the bottom
    figure = _figure(7.2, 1.2 + 0.3 * max(2, len(chosen)))
    axes = figure.add_subplot()
    names = [_short(view.plan.title) for view in chosen]
    left = [0] * len(chosen)
    for light in LIGHT_ORDER:
        counts = [view.figures.lights[light] if view.figures else 0 for view in chosen]
        if any(counts):
            axes.barh(
                range(len(chosen)),
                counts,
                left=left,
                height=0.62,
                color=LIGHT_COLOURS[light],
                label=LIGHT_NAMES[light],
            )
            left = [a + b for a, b in zip(left, counts, strict=True)]
    axes.set_yticks(range(len(chosen)), names, fontsize=8)
    axes.set_xlabel("任务数")
    figure.legend(loc="outside upper left", frameon=False, fontsize=8, ncols=5)
    axes.grid(axis="x", color="#e3e6ea", linewidth=0.8)
    _tidy(axes)
    return figure


def _attention(view: PlanView) -> tuple[int, int, str]:
    lights = view.figures.lights if view.figures else {}
    return (-lights.get("red", 0), -lights.get("yellow", 0), view.plan.id)


def _short(title: str) -> str:
    return title if len(title) <= _TITLE_CHARACTERS else title[: _TITLE_CHARACTERS - 1] + "…"


def _figure(width: float, height: float) -> Figure:
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout="constrained")


@contextlib.contextmanager
def _style() -> Iterator[None]:
    import matplotlib

    _register_font()
    with (
        matplotlib.rc_context(
            {
                "svg.fonttype": "none",
                "svg.hashsalt": "planctl",  # the same data gives the same bytes
                "font.family": [_FONT],
                "axes.unicode_minus": False,
                "text.parse_math": False,  # a `$` in a plan title is a dollar sign
            }
        ),
        warnings.catch_warnings(),
    ):
        # A character outside the subset only misses its width: the browser draws it.
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        yield


def _tidy(axes: Any) -> None:
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.set_axisbelow(True)


def _svg(figure: Figure) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None}, transparent=True)
    text = buffer.getvalue()
    return text[text.index("<svg") :]  # inline in the page: no XML prolog or DOCTYPE


def _register_font() -> None:
    from matplotlib import font_manager

    from planctl.fonts import BUNDLED_FOLDER

    if _FONT not in {entry.name for entry in font_manager.fontManager.ttflist}:
        font_manager.fontManager.addfont(str(BUNDLED_FOLDER / "PlanctlHei-Regular.otf"))
