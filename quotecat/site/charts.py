"""Charts as inline SVG, drawn on the server: no script, no network. Labels are escaped by Markup.format."""

from markupsafe import Markup


def bar_chart(rows: list[dict], title: str, series: list[tuple[str, str, str]],
              width: int = 640, bar: int = 18, label_width: int = 230) -> Markup:
    """A horizontal (stacked) bar chart as inline SVG.

    ``rows`` are dicts with ``label``, optional ``url`` and one count per series key;
    ``series`` is ``[(key, legend, css class), ...]``.
    """
    if not rows:
        return Markup("")
    gap, top = 6, 28
    total = [sum(r.get(key) or 0 for key, _, _ in series) for r in rows]
    most = max(total) or 1
    room = width - label_width - 50
    height = top + len(rows) * (bar + gap) + 4
    out = [Markup(
        '<svg class="q-chart" role="img" aria-label="{}" viewBox="0 0 {} {}" width="{}" height="{}" '
        'xmlns="http://www.w3.org/2000/svg"><title>{}</title>'
    ).format(title, width, height, width, height, title)]
    out += _legend(series, label_width)
    for i, (r, n) in enumerate(zip(rows, total)):
        y = top + i * (bar + gap)
        out.append(_row_label(r, label_width - 8, y + bar - 5, 34))
        x = label_width
        for key, legend, css in series:
            value = r.get(key) or 0
            w = room * value / most
            if w:
                out.append(Markup('<rect class="{}" x="{:.1f}" y="{}" width="{:.1f}" height="{}">'
                                  '<title>{}: {} {}</title></rect>').format(
                    css, x, y, w, bar, r["label"], value, legend))
            x += w
        out.append(Markup('<text class="q-count" x="{:.1f}" y="{}">{}</text>').format(x + 4, y + bar - 5, n))
    out.append(Markup("</svg>"))
    return Markup("").join(out)


def share_chart(rows: list[dict], title: str, series: list[tuple[str, str, str]],
                share: tuple[str, str] | None = None,
                width: int = 640, bar: int = 18, label_width: int = 150) -> Markup:
    """Each row as one bar of 100% split by ``series``, so rows of any size compare by share.

    ``rows`` are dicts with ``label``, optional ``url``, one count per series key and
    optional ``urls`` (series key -> the rows that segment counts); the count after each
    bar is the row's total and, with ``share`` ((percentage key, words)), a percentage of the row.
    """
    rows = [r for r in rows if sum(r.get(key) or 0 for key, _, _ in series)]
    if not rows:
        return Markup("")
    gap, top, tail = 6, 28, 130
    room = width - label_width - tail
    height = top + len(rows) * (bar + gap) + 4
    out = [Markup(
        '<svg class="q-chart q-share-chart" role="img" aria-label="{}" viewBox="0 0 {} {}" width="{}" height="{}" '
        'xmlns="http://www.w3.org/2000/svg"><title>{}</title>'
    ).format(title, width, height, width, height, title)]
    out += _legend(series, 4)
    for i, r in enumerate(rows):
        y = top + i * (bar + gap)
        total = sum(r.get(key) or 0 for key, _, _ in series)
        out.append(_row_label(r, label_width - 8, y + bar - 5, 22))
        x = label_width
        for key, legend, css in series:
            value = r.get(key) or 0
            w = room * value / total
            if w:
                rect = Markup('<rect class="{}" x="{:.1f}" y="{}" width="{:.1f}" height="{}">'
                              '<title>{}: {} {} ({:.0f}%)</title></rect>').format(
                    css, x, y, w, bar, r["label"], value, legend, 100 * value / total)
                url = (r.get("urls") or {}).get(key)
                out.append(Markup('<a href="{}">{}</a>').format(url, rect) if url else rect)
            x += w
        note = f"{total:,}"
        if share and r.get(share[0]) is not None:
            note += f" · {r[share[0]]:.0f}% {share[1]}"
        out.append(Markup('<text class="q-count" x="{:.1f}" y="{}">{}</text>').format(x + 4, y + bar - 5, note))
    out.append(Markup("</svg>"))
    return Markup("").join(out)


def timeline_chart(months: list[dict], title: str, width: int = 640, height: int = 150) -> Markup:
    """Attributions per month as columns, every month from the first to the last (an empty one shows as a gap).

    ``months`` are dicts with ``month`` (YYYY-MM), ``total`` and optional ``url``.
    """
    counts = {m["month"]: m for m in months if m.get("month")}
    if not counts:
        return Markup("")
    first, last = min(counts), max(counts)
    year, month = int(first[:4]), int(first[5:7])
    axis = []
    while f"{year:04d}-{month:02d}" <= last:
        axis.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    most = max(m["total"] for m in counts.values()) or 1
    left, bottom, top = 30, 34, 10
    step = (width - left - 10) / len(axis)
    column = max(2.0, min(40.0, step * 0.8))
    room = height - bottom - top
    out = [Markup(
        '<svg class="q-chart q-timeline" role="img" aria-label="{}" viewBox="0 0 {} {}" width="{}" height="{}" '
        'xmlns="http://www.w3.org/2000/svg"><title>{}</title>'
        '<text class="q-count" x="{}" y="{}" text-anchor="end">{}</text>'
        '<line class="q-axis" x1="{}" y1="{}" x2="{}" y2="{}"></line>'
    ).format(title, width, height, width, height, title, left - 4, top + 10, most,
             left, height - bottom, width - 10, height - bottom)]
    every = max(1, len(axis) // 8)  # about eight month labels along the axis
    for i, name in enumerate(axis):
        x = left + i * step + (step - column) / 2
        m = counts.get(name)
        if m:
            h = room * m["total"] / most
            rect = Markup('<rect class="bar-named" x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}">'
                          '<title>{}: {}</title></rect>').format(x, height - bottom - h, column, h, name, m["total"])
            out.append(Markup('<a href="{}">{}</a>').format(m["url"], rect) if m.get("url") else rect)
        if i % every == 0:
            out.append(Markup('<text class="q-legend" x="{:.1f}" y="{}" text-anchor="middle">{}</text>').format(
                x + column / 2, height - bottom + 14, name))
    out.append(Markup("</svg>"))
    return Markup("").join(out)


def _legend(series: list[tuple[str, str, str]], x: int) -> list[Markup]:
    """A swatch and the words of each series along the top of a chart, from ``x``."""
    out = []
    for _, legend, css in series:
        out.append(Markup('<rect class="{}" x="{}" y="6" width="12" height="12"></rect>'
                          '<text class="q-legend" x="{}" y="16">{}</text>').format(css, x, x + 16, legend))
        x += 24 + 7 * len(legend)
    return out


def _row_label(r: dict, x: int, y: int, longest: int) -> Markup:
    """A bar's label cut to ``longest`` characters (the whole label as its tooltip), linked when the row has a url."""
    label = r["label"] if len(r["label"]) <= longest else r["label"][:longest - 1] + "…"
    text = Markup('<text class="q-label" x="{}" y="{}" text-anchor="end">{}<title>{}</title></text>').format(
        x, y, label, r["label"])
    return Markup('<a href="{}">{}</a>').format(r["url"], text) if r.get("url") else text
