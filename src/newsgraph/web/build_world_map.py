"""Build ``static/world.svg``, the offline world map, once (the file is committed).

Source: the country outlines shipped in the ``countryinfo`` package (MIT licence; its
outlines derive from Natural Earth, public domain). Run:
``.venv/bin/python -m newsgraph.web.build_world_map`` (needs the dev extra).
Projection: equirectangular, viewBox -180 -90 360 180 (x = lon, y = -lat), coordinates
rounded to 0.1 degree and consecutive duplicate points dropped.
"""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

OUT = Path(__file__).parent / "static" / "world.svg"


def _ring(ring: list) -> str:
    points, last = [], None
    for lon, lat, *_ in ring:
        p = (round(lon, 1), round(-lat, 1))
        if p != last:
            points.append(p)
            last = p
    if len(points) < 3:
        return ""
    return "M" + "L".join(f"{x:g} {y:g}" for x, y in points) + "Z"


def _paths() -> list[tuple[str, str]]:
    out = []
    for path in sorted((files("countryinfo") / "data").iterdir(), key=lambda p: p.name):
        if not path.name.endswith(".json"):
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        for feature in (data.get("geoJSON") or {}).get("features", []):
            geom = feature.get("geometry") or {}
            polys = geom.get("coordinates", [])
            polys = [polys] if geom.get("type") == "Polygon" else polys
            d = "".join(_ring(ring) for poly in polys for ring in poly)
            if d:
                out.append((str(feature.get("id") or data.get("name", "")), d))
    return out


def build() -> int:
    """Write the SVG; returns its size in bytes."""
    body = "\n".join(f'<path id="{cid}" d="{d}"/>' for cid, d in _paths())
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="-180 -90 360 180" preserveAspectRatio="none">\n'
           '<!-- Country outlines: countryinfo (MIT), from Natural Earth (public domain). -->\n'
           '<rect x="-180" y="-90" width="360" height="180" fill="#eef3f7"/>\n'
           f'<g fill="#d9dee3" stroke="#ffffff" stroke-width="0.15">\n{body}\n</g>\n</svg>\n')  # fmt: skip
    OUT.write_text(svg, encoding="utf-8")
    return len(svg.encode())


if __name__ == "__main__":
    print(build())
