"""The place index: name keys, the blob lookup, region points, the disk cache and GeoNames dumps."""

from __future__ import annotations

import time

import pytest

from sayso.errors import SettingsError
from sayso.gazetteer import build as build_mod
from sayso.gazetteer import index as index_mod
from sayso.gazetteer.build import IndexBuilder, _bare_region_name, _region_point, norm
from sayso.gazetteer.dump import read_dump
from sayso.gazetteer.index import Gazetteer


def _tiny() -> IndexBuilder:
    b = IndexBuilder()
    b.add(1, "Freedonia", "FD", "", "country", 10.0, 20.0, 5_000_000, ["FDN", "Republic of Freedonia", "FD"])
    b.add(-2, "North Vale", "FD", "01", "region", 11.0, 21.0, 900_000, ["Vale Oblast"])
    b.add(3, "Valeton", "FD", "01", "city", 11.2, 21.3, 120_000, ["Vale Town", "VLT"])
    b.add(4, "São Miro", "FD", "01", "city", 11.5, 21.5, 2_000, [])
    return b


@pytest.fixture()
def tiny() -> Gazetteer:
    return Gazetteer(_tiny().freeze({"version": "test"}))


@pytest.mark.parametrize(
    "name, key",
    [
        ("São Miro", "sao miro"),
        ("U.S.", "us"),
        ("St. Ives", "st ives"),
        ("The Hague", "hague"),
        ("Democratic Republic of the Congo", "democratic republic of congo"),
        ("Cote d’Ivoire", "cote divoire"),
        ("Ivano-Frankivsk", "ivano frankivsk"),
    ],
)
def test_norm_ignores_case_accents_dots_and_articles(name, key):
    assert norm(name) == key


@pytest.mark.parametrize(
    "text, names",
    [
        ("Freedonia", ["Freedonia"]),
        ("republic of freedonia", ["Freedonia"]),
        ("Vale Oblast", ["North Vale"]),
        ("Sao Miro", ["São Miro"]),
        ("Vale Town", ["Valeton"]),
        ("Atlantis", []),
    ],
)
def test_lookup_by_name_and_alternate_name(tiny, text, names):
    assert [e.name for e in tiny.lookup(text)] == names


def test_short_codes_match_only_in_capitals(tiny):
    assert [e.name for e in tiny.lookup("FD")] == ["Freedonia"]
    assert tiny.lookup("fd") == []
    assert "FDN" in tiny and "fdn" not in tiny


def test_town_alternates_drop_airport_style_codes():
    from sayso.gazetteer.build import _town_alternates

    town = {"alternatenames": ["VLT", "Vale Town", "Valetón", "KVLT"]}
    assert _town_alternates(town) == ["Vale Town", "Valetón"]


def test_entry_carries_point_population_and_feature(tiny):
    (entry,) = tiny.lookup("Valeton")
    assert (entry.country_code, entry.admin1, entry.feature) == ("FD", "01", "city")
    assert entry.lat == pytest.approx(11.2) and entry.population == 120_000
    assert tiny.region("FD", "01").name == "North Vale"
    assert tiny.country("FD").name == "Freedonia"


def test_region_point_is_the_centre_of_the_towns_box():
    lat, lon = _region_point([(10.0, 20.0), (12.0, 20.0), (11.0, 24.0)])
    assert (lat, lon) == pytest.approx((11.0, 22.0))


def test_region_point_across_the_antimeridian():
    lat, lon = _region_point([(65.0, 179.0), (66.0, -179.0)])
    assert abs(lon) == pytest.approx(180.0)


def test_region_point_drops_a_miscoded_stray_town():
    towns = [(50.0 + i * 0.05, 30.0 + i * 0.05) for i in range(40)] + [(10.0, 100.0)]
    lat, lon = _region_point(towns)
    assert 49 < lat < 53 and 29 < lon < 33


@pytest.mark.parametrize(
    "name, bare",
    [("Henan Sheng", "Henan"), ("Kurskaya oblast'", "Kurskaya"), ("Texas", ""), ("Shanghai Shi", "Shanghai")],
)
def test_bare_region_name_drops_type_words(name, bare):
    types = {"sheng", "shi", "oblast", "oblast'"}
    assert _bare_region_name(name, types) == bare


def _dump_row(gid, name, alternates, lat, lon, fclass, fcode, cc, admin1, pop):
    cols = [str(gid), name, name, ",".join(alternates), str(lat), str(lon), fclass, fcode, cc, "", admin1,
            "", "", "", str(pop), "", "0", "Etc/UTC", "2024-01-01"]
    return "\t".join(cols) + "\n"


def test_dump_adds_villages_and_lakes_but_not_other_features(tmp_path):
    path = tmp_path / "tiny.txt"
    path.write_text(
        _dump_row(901, "Little Brook", ["Brookville"], 11.4, 21.4, "P", "PPL", "FD", "01", 150)
        + _dump_row(902, "Lake Mirror", [], 11.6, 21.2, "H", "LK", "FD", "01", 0)
        + _dump_row(903, "Old Mill", [], 11.7, 21.1, "S", "MILL", "FD", "01", 0),
        encoding="utf-8",
    )
    b = _tiny()
    assert read_dump(path, b) == 2
    g = Gazetteer(b.freeze({"version": "test"}))
    assert [e.feature for e in g.lookup("Brookville")] == ["city"]
    assert [e.feature for e in g.lookup("Lake Mirror")] == ["lake"]
    assert g.lookup("Old Mill") == []


def test_dump_that_is_not_geonames_format_names_the_file(tmp_path):
    path = tmp_path / "wrong.csv"
    path.write_text("name,lat,lon\nValeton,1,2\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="wrong.csv:1"):
        read_dump(path, IndexBuilder())


def test_missing_dump_is_a_settings_error(tmp_path):
    with pytest.raises(SettingsError, match="not a file"):
        read_dump(tmp_path / "absent.txt", IndexBuilder())


def test_index_is_cached_on_disk_and_reused(tmp_path, monkeypatch):
    calls = []

    def fake_build(builder):
        calls.append(1)
        builder.__dict__.update(_tiny().__dict__)
        return builder

    monkeypatch.setattr(index_mod, "build_packaged", fake_build)
    monkeypatch.setattr(index_mod, "source_version", lambda: "test-1")
    first = index_mod.open_index(str(tmp_path))
    second = index_mod.open_index(str(tmp_path))
    assert len(calls) == 1
    assert [e.name for e in second.lookup("Valeton")] == [e.name for e in first.lookup("Valeton")] == ["Valeton"]
    monkeypatch.setattr(index_mod, "source_version", lambda: "test-2")
    index_mod.open_index(str(tmp_path))
    assert len(calls) == 2  # a new source version rebuilds


def test_unreadable_cache_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setattr(index_mod, "source_version", lambda: "test-3")
    monkeypatch.setattr(index_mod, "build_packaged", lambda builder: builder.__dict__.update(_tiny().__dict__))
    path = tmp_path / "places-test-3.pickle"
    path.write_bytes(b"not a pickle")
    g = index_mod.open_index(str(tmp_path))
    assert g.lookup("Freedonia")


# ---------------------------------------------------------------- the real packaged index


@pytest.fixture(scope="session")
def packaged(tmp_path_factory):
    from sayso.gazetteer import load_gazetteer
    from sayso.settings import Settings

    settings = Settings(gazetteer_cache=str(tmp_path_factory.mktemp("gazetteer")))
    return settings, load_gazetteer(settings)


@pytest.mark.slow
def test_packaged_index_is_one_object_per_process(packaged):
    from sayso.gazetteer import load_gazetteer

    settings, gaz = packaged
    assert load_gazetteer(settings) is gaz


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, feature, country",
    [
        ("Ukraine", "country", "UA"),
        ("U.S.", "country", "US"),
        ("Britain", "country", "GB"),
        ("Kursk", "region", "RU"),
        ("Kursk", "city", "RU"),
        ("Kharkiv", "city", "UA"),
        ("Queensland", "region", "AU"),
        ("NSW", "region", "AU"),
        ("Henan", "region", "CN"),
        ("Africa", "continent", ""),
        ("Crimea", "peninsula", "UA"),
    ],
)
def test_packaged_index_covers_countries_regions_and_towns(packaged, text, feature, country):
    _, gaz = packaged
    assert any(e.feature == feature and e.country_code == country for e in gaz.lookup(text)), gaz.lookup(text)


@pytest.mark.slow
def test_packaged_regions_have_points_inside_their_country(packaged):
    _, gaz = packaged
    (region,) = [e for e in gaz.lookup("Kursk") if e.feature == "region"]
    assert 50.5 < region.lat < 52.5 and 34.5 < region.lon < 38.5


@pytest.mark.slow
def test_cached_packaged_index_loads_in_under_a_second(packaged):
    settings, _ = packaged
    started = time.perf_counter()
    index_mod.open_index(settings.gazetteer_cache, "")
    assert time.perf_counter() - started < 1.0


def test_gazetteer_has_second_level_units_with_points_in_their_country(packaged):
    suffolk = [e for e in packaged[1].lookup("Suffolk") if e.feature == "district"]
    assert suffolk and suffolk[0].country_code == "GB" and 51.5 < suffolk[0].lat < 53 and 0 < suffolk[0].lon < 2


def _square(x: float, y: float, size: float) -> list[list[float]]:
    return [[x, y], [x + size, y], [x + size, y + size], [x, y + size]]


@pytest.mark.parametrize(
    "sizes, has_centroid",
    [
        ((10.0, 1.0), True),    # one mainland and a small island: the mainland's centroid counts
        ((5.0, 5.0), False),    # an archipelago of equal islands: no landmass stands for the country
    ],
)
def test_country_point_archipelago_keeps_the_atlas_point(sizes, has_centroid):
    from sayso.gazetteer.make_tables import MAINLAND_SHARE, _mainland_centroid

    geo = {"features": [{"geometry": {"type": "MultiPolygon",
                                      "coordinates": [[_square(0, 0, sizes[0])], [_square(20, 0, sizes[1])]]}}]}
    assert (_mainland_centroid(geo, MAINLAND_SHARE) is not None) is has_centroid
