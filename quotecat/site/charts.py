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
    x = label_width
    for key, legend, css in series:  # legend along the top
        out.append(Markup('<rect class="{}" x="{}" y="6" width="12" height="12"></rect>'
                          '<text class="q-legend" x="{}" y="16">{}</text>').format(css, x, x + 16, legend))
        x += 24 + 7 * len(legend)
    for i, (r, n) in enumerate(zip(rows, total)):
        y = top + i * (bar + gap)
        label = r["label"] if len(r["label"]) <= 34 else r["label"][:33] + "…"
        text = Markup('<text class="q-label" x="{}" y="{}" text-anchor="end">{}<title>{}</title></text>').format(
            label_width - 8, y + bar - 5, label, r["label"])
        out.append(Markup('<a href="{}">{}</a>').format(r["url"], text) if r.get("url") else text)
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
