"""Property-based tests over generated article-like texts: sayso.analyze never raises and never loses an
extractor, every record's span is its text, records come in text order, and a second run gives the same output."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from pieces import articles
from properties import LEAD, check_article

pytestmark = pytest.mark.model
PUBLISHED = st.one_of(st.none(), st.dates(), st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31)))


@given(body=articles(), published=PUBLISHED)
@example(body="Olena Marchuk said he called Taras Vell to talk to him about the issue. Asked in an interview who "
              "lobbied for the issue, Olena Marchuk said, \u201cI did.\u201d", published=None)
def test_generated_articles_keep_every_property(body, published):
    check_article(LEAD + body, published)
