"""Choosing an entry for place mentions, on a hand-built index (no model needed)."""

from __future__ import annotations

from sayso.gazetteer.build import IndexBuilder, norm
from sayso.gazetteer.index import Gazetteer
from sayso.gazetteer.resolve import Mention, resolve


def _index() -> Gazetteer:
    b = IndexBuilder()
    b.add(1, "Freedonia", "FD", "", "country", 10.0, 20.0, 5_000_000)
    b.add(2, "Sylvania", "SY", "", "country", 40.0, 60.0, 9_000_000)
    b.add(-3, "Marsh", "SY", "07", "region", 41.0, 61.0, 2_000_000)
    b.add(4, "Freedonia", "SY", "07", "city", 41.2, 61.1, 3_000)        # a village named like the country
    b.add(5, "Lakeside", "FD", "01", "city", 10.5, 20.5, 40_000)
    b.add(6, "Lakeside", "SY", "07", "city", 41.1, 61.2, 90_000)
    b.add(7, "Capitalia", "SY", "07", "city", 41.0, 60.9, 800_000)
    b.capitals.append(len(b.name) - 1)
    b.add(-8, "Capitalia", "SY", "09", "region", 45.0, 65.0, 4_000_000)
    return Gazetteer(b.freeze({"version": "test"}))


def _mention(gaz, text, start, **kw):
    return Mention(start, start + len(text), text, norm(text), gaz.lookup(text), **kw)


def test_resolve_country_outranks_same_named_village():
    gaz = _index()
    m = _mention(gaz, "Freedonia", 0)
    resolve([m], gaz)
    assert m.chosen.feature == "country"


def test_resolve_article_context_picks_the_town_in_the_same_country():
    gaz = _index()
    ms = [_mention(gaz, "Sylvania", 0), _mention(gaz, "Marsh", 20), _mention(gaz, "Lakeside", 40)]
    resolve(ms, gaz)
    assert ms[2].chosen.country_code == "SY"


def test_resolve_qualifier_restricts_to_the_named_country():
    gaz = _index()
    town, qualifier = _mention(gaz, "Lakeside", 0), _mention(gaz, "Freedonia", 10)
    town.qualifier = qualifier
    resolve([town, qualifier], gaz)
    assert town.chosen.country_code == "FD"


def test_resolve_bare_capital_name_beats_a_bigger_region():
    gaz = _index()
    m = _mention(gaz, "Capitalia", 0)
    resolve([m], gaz)
    assert m.chosen.capital and m.chosen.feature == "city"


def test_resolve_region_hint_picks_the_region():
    gaz = _index()
    m = _mention(gaz, "Capitalia", 0, hint="region")
    resolve([m], gaz)
    assert m.chosen.feature == "region"


def test_resolve_one_name_one_place_per_article():
    gaz = _index()
    ms = [_mention(gaz, "Capitalia", 0, hint="region"), _mention(gaz, "Capitalia", 30)]
    resolve(ms, gaz)
    assert ms[0].chosen.index == ms[1].chosen.index


def _index_with_far_town() -> Gazetteer:
    b = IndexBuilder()
    b.add(1, "Sylvania", "SY", "", "country", 40.0, 60.0, 9_000_000)
    b.add(-3, "Marsh", "SY", "07", "region", 41.0, 61.0, 2_000_000)
    b.add(9, "Brookby", "FD", "01", "city", 10.5, 20.5, 4_000)          # a small town far away
    b.add(10, "Greatport", "FD", "01", "city", 10.4, 20.4, 2_000_000)  # a big town far away
    b.add(11, "Ferryton", "TV", "01", "city", 41.5, 62.0, 4_000)        # a small town across the border
    return Gazetteer(b.freeze({"version": "test"}))


def test_resolve_small_town_in_a_far_country_the_article_never_mentions_is_dropped():
    gaz = _index_with_far_town()
    ms = [_mention(gaz, "Sylvania", 0), _mention(gaz, "Marsh", 20), _mention(gaz, "Brookby", 40)]
    resolve(ms, gaz)
    assert ms[2].chosen is None


def test_resolve_big_far_town_and_small_town_near_the_border_are_kept():
    gaz = _index_with_far_town()
    ms = [_mention(gaz, "Sylvania", 0), _mention(gaz, "Marsh", 20), _mention(gaz, "Greatport", 40),
          _mention(gaz, "Ferryton", 60)]
    resolve(ms, gaz)
    assert ms[2].chosen is not None and ms[3].chosen is not None


def test_resolve_small_far_town_marked_city_is_kept():
    gaz = _index_with_far_town()
    ms = [_mention(gaz, "Sylvania", 0), _mention(gaz, "Marsh", 20), _mention(gaz, "Brookby", 40, hint="city")]
    resolve(ms, gaz)
    assert ms[2].chosen is not None


def test_resolve_region_with_a_generic_name_in_a_far_country_is_dropped():
    b = IndexBuilder()
    b.add(1, "Sylvania", "SY", "", "country", 40.0, 60.0, 9_000_000)
    b.add(-3, "Marsh", "SY", "07", "region", 41.0, 61.0, 2_000_000)
    b.add(-4, "Western Province", "FD", "02", "region", 10.0, 20.0, 3_000_000, ["Western"])
    gaz = Gazetteer(b.freeze({"version": "test"}))
    ms = [_mention(gaz, "Sylvania", 0), _mention(gaz, "Marsh", 20), _mention(gaz, "Western", 40)]
    resolve(ms, gaz)
    assert ms[2].chosen is None and ms[1].chosen is not None


def test_resolve_a_region_named_only_with_direction_words_is_no_support_for_a_stray_town():
    b = IndexBuilder()
    b.add(1, "Freedonia", "FD", "", "country", 10.0, 20.0, 5_000_000)
    b.add(2, "Lakeside", "FD", "01", "city", 10.5, 20.5, 40_000)
    b.add(3, "Harbour", "FD", "01", "city", 10.2, 20.1, 60_000)
    b.add(-4, "Western Province", "SY", "03", "region", 41.0, 61.0, 900_000)
    b.add(5, "Millbrook", "SY", "03", "city", 41.1, 61.1, 30_000)
    gaz = Gazetteer(b.freeze({"version": "test"}))
    ms = [_mention(gaz, "Freedonia", 0), _mention(gaz, "Lakeside", 20), _mention(gaz, "Harbour", 40),
          _mention(gaz, "Millbrook", 60), _mention(gaz, "Western", 80)]
    ms[4].candidates = gaz.lookup("Western Province")
    resolve(ms, gaz)
    # the stray town and the direction-word region hold each other up until both are dropped
    assert ms[3].chosen is None and ms[4].chosen is None
    assert ms[1].chosen is not None and ms[1].chosen.country_code == "FD"
