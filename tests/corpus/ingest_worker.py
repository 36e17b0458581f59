"""A child process for the kill -9 test: ingests N generated articles slowly into the store at URL.

    python ingest_worker.py URL N [DELAY_SECONDS]
"""

from __future__ import annotations

import random
import sys
import time

from sayso.corpus import ingest
from sayso.models import Analysis, Article, Claim, Outcome, Quantity, Quote, Result, Speaker
from sayso.settings import Settings
from sayso.store import open_store

WORDS = ("river bridge convoy harbour winter grain market council tower school signal orchard station valley "
         "engine ferry mill museum clinic depot garden quarry tunnel runway archive").split()
BATCH = 10


def make(i: int) -> Article:
    rng = random.Random(i)
    body = " ".join(rng.choice(WORDS) for _ in range(60))
    text = f'Report {i}: officials said "we counted {i + 3} trucks" near the {rng.choice(WORDS)}. {body}.'
    return Article(id=f"k{i:04d}", text=text, source="Generated", language="en")


def analyse_slowly(delay: float):
    def analyse(items):
        for item in items:
            if isinstance(item, Outcome):
                yield Result(item)
                continue
            time.sleep(delay)
            t = item.text
            s = t.index('"') + 1
            e = t.index('"', s)
            who = Speaker("officials", t.index("officials"), t.index("officials") + 9, "officials", kind="unnamed")
            n = str(int(item.id[1:]) + 3)
            qs = t.index(n, s)
            claim = Claim(Quantity(qs, qs + len(n), n, float(n), si_value=float(n), si_unit="count",
                                   counted="trucks"), "claimed", who, s, e, t[s:e])
            yield Result(Outcome(item.id, "ok", None, item.source),
                         Analysis(item, quotes=(Quote("direct", s, e, t[s:e], who),), claims=(claim,)))
    return analyse


def main() -> None:
    url, n = sys.argv[1], int(sys.argv[2])
    delay = float(sys.argv[3]) if len(sys.argv) > 3 else 0.0
    store = open_store(url)
    settings = Settings(ingest_batch=BATCH, batch_size=BATCH, language_check=False)
    report = ingest((make(i) for i in range(n)), store, settings, analyse=analyse_slowly(delay))
    print(f"stored {report.stored} already {report.already_stored}", flush=True)
    store.close()


if __name__ == "__main__":
    main()
