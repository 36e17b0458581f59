"""Screenshots of the desk's main pages for the docs, taken with Debian's headless Chromium.

    sayso ingest tests/fixtures/corpus/corpus.jsonl examples/articles.jsonl --db out/desk.db
    python tools/desk_screenshots.py out/desk.db docs/img
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "web"))

from browserkit import Served, chrome  # noqa: E402

from sayso.settings import Settings  # noqa: E402
from sayso.web import create_app  # noqa: E402

PAGES = {
    "desk-article.png": "/articles/{article}",
    "desk-claims.png": "/claims?place=belgorod",
    "desk-contradictions.png": "/contradictions",
    "desk-timeline.png": "/timeline?measure={measure}",
    "desk-map.png": "/map",
    "desk-events.png": "/timeline",
    "desk-speaker.png": "/speakers/{speaker}",
}


def main(db: str, out: str, article: str = "nw-0605-belgorod-area-300") -> None:
    served = Served(create_app(db, Settings(web_rate_limit=0)))
    driver = chrome(1280, 900)
    try:
        import json
        import urllib.request

        def api(path: str):
            with urllib.request.urlopen(served.url + path) as r:
                return json.loads(r.read())

        lines = api("/api/timeline?limit=500")["items"]
        measure = max(lines, key=lambda t: len(t["points"]))["measure_key"]
        speaker = api("/api/entities?limit=1")["items"][0]["name"]
        Path(out).mkdir(parents=True, exist_ok=True)
        for name, path in PAGES.items():
            driver.get(served.url + path.format(article=quote(article), measure=quote(measure),
                                                speaker=quote(speaker)))
            time.sleep(0.5)
            if name == "desk-article.png":   # show a claim's fields in the details panel
                driver.find_element("css selector", "mark[data-kind=claim]").click()
                time.sleep(0.2)
            driver.save_screenshot(str(Path(out) / name))
            print("wrote", Path(out) / name)
    finally:
        driver.quit()
        served.stop()


if __name__ == "__main__":
    main(*sys.argv[1:])
