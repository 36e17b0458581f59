"""Claim frames on our own sentences: what a figure measures, whose it is, where, and what is never framed."""

from __future__ import annotations

import pytest

import sayso
from sayso.corpus.measures import frame_key

pytestmark = pytest.mark.model


class _ByFigure(dict):
    """Frames by the figure as written; a figure may be looked up without its qualifier ("80,000 servicemen")."""

    def __missing__(self, figure):
        return next(f for text, f in self.items() if figure in text)

    def get(self, figure, default=None):
        try:
            return self[figure]
        except StopIteration:
            return default


def _frames(text: str, settings) -> dict[str, object]:
    a = sayso.analyze(text, published="2023-05-10", settings=settings)
    return _ByFigure({c.quantity.text: c.frame for c in a.claims})


def _key(text: str, figure: str, settings) -> str | None:
    return frame_key(_frames(text, settings)[figure])


@pytest.mark.parametrize("text,figure", [
    ("Moscow has deployed 90,000 soldiers near the frontier, officials said.", "90,000 soldiers"),
    ("Russia has amassed 120,000 troops along the border, the report said.", "120,000 troops"),
    ("The Kremlin keeps some 80,000 servicemen in the area, according to analysts.", "80,000 servicemen"),
    ("An estimated 95,000 Russian troops were stationed near the border.", "95,000 Russian troops"),
])
def test_synonyms_and_capitals_give_one_troops_measure_of_one_owner(text, figure, settings):
    assert _key(text, figure, settings) == "troops|RU"


def test_troops_put_on_alert_and_troops_sent_are_different_measures(settings):
    text = ("Last week the defence secretary put 6,000 U.S. troops on heightened alert. On Friday the "
            "Pentagon said the United States would send 2,000 more troops to Poland.")
    frames = _frames(text, settings)
    assert frame_key(frames["6,000 U.S. troops"]) == "troops_on_alert|US"
    assert frame_key(frames["2,000 more troops"]) == "troops_sent|US"
    assert frames["2,000 more troops"].increment and frames["2,000 more troops"].place_country == "PL"


def test_a_death_toll_in_the_war_is_scoped_to_the_war_and_placed_by_the_article(settings):
    text = ("Donors met officials in Lviv on Tuesday.\n\nMore than 9,000 people have died in the conflict, "
            "the officials said.")
    f = _frames(text, settings)["More than 9,000 people"]
    assert (f.concept, f.scope, f.place_country) == ("killed", "war", "UA")


def test_wounded_after_the_noun_is_wounded_not_troops(settings):
    f = _frames("Two soldiers were killed and five soldiers wounded in the shelling, the army said.",
                settings)["five soldiers"]
    assert f.concept == "wounded"


@pytest.mark.parametrize("text,figure", [
    ("The phone call lasted 50 minutes, the Kremlin said.", "50 minutes"),
    ("The siege has gone on for eight years, the mayor said.", "eight years"),
])
def test_durations_have_no_frame(text, figure, settings):
    assert _frames(text, settings).get(figure) is None


def test_donors_are_the_side_of_aid(settings):
    text = ("Germany pledged $300 million in military aid to Ukraine on Monday, while Norway approved "
            "$120 million in aid.")
    frames = _frames(text, settings)
    assert frame_key(frames["$300 million"]) == "aid|DE" and frame_key(frames["$120 million"]) == "aid|NO"


def test_poll_answers_keep_their_population_and_stance(settings):
    text = ("A survey found that about 70 percent of Poles support sending more weapons, while 20% of Poles "
            "oppose it.")
    frames = _frames(text, settings)
    support, oppose = frames["about 70 percent"], frames["20%"]
    assert (support.concept, support.whose, support.stance) == ("poll_share", "PL", "support")
    assert (oppose.whose, oppose.stance) == ("PL", "oppose")


def test_a_place_inside_a_hyphenated_modifier_is_not_where_the_figure_is(settings):
    f = _frames("A conflict that has claimed 3,000 lives across its Moscow-backed east goes on, officials in "
                "Lviv and Kharkiv said.", settings)["3,000 lives"]
    assert f.concept == "killed" and f.place is None


def test_it_after_a_named_ministry_is_that_ministry(settings):
    f = _frames("Russia's defence ministry said it launched 30 attack drones at Odesa overnight.",
                settings)["30 attack drones"]
    assert (f.concept, f.whose) == ("missiles_launched", "RU")


def test_drones_shot_down_belong_to_who_launched_them(settings):
    f = _frames("Ukraine's air force said it shot down 25 Russian drones overnight.", settings)["25 Russian drones"]
    assert (f.concept, f.whose) == ("missiles_intercepted", "RU")


def test_a_city_s_residents_are_its_population_not_displaced(settings):
    f = _frames("The city has drawn up a plan to evacuate the capital's two million residents.",
                settings)["two million residents"]
    assert f.concept == "population"


def test_frames_round_trip_through_json(settings):
    from sayso.models import Claim, from_dict, to_dict

    a = sayso.analyze("Russia has amassed 120,000 troops along the border.", published="2023-05-10",
                      settings=settings)
    [c] = a.claims
    assert from_dict(Claim, to_dict(c)).frame == c.frame


@pytest.mark.parametrize("text", [
    "The governor of the Kursk region rejected a claim that Kyiv's soldiers hold 90 square kilometres of the region.",
    "Ukrainian troops now hold 90 square kilometres of the Kursk region, the general said.",
])
def test_the_region_referred_to_is_where_the_area_is_and_the_holder_s_city_is_not(text, settings):
    assert _key(text, "90 square kilometres", settings) == "territory_area|UA|kursk"


@pytest.mark.parametrize("text,figure", [
    ("More than 6,000 people have fled their homes in the valley, the agency said.", "6,000 people"),
    ("The floods have driven 3,100 villagers from their homes.", "3,100 villagers"),
    ("The shelling forced about 900 residents from their homes last week.", "900 residents"),
    ("Aid workers said some 1,200 families had left the town since the spring.", "1,200 families"),
])
def test_people_who_left_their_homes_are_displaced_not_a_population(text, figure, settings):
    assert _frames(text, settings)[figure].concept == "displaced"


@pytest.mark.parametrize("text,figure", [
    ("The island, home to 40,000 people, has a single hospital.", "40,000 people"),
    ("Ravenna's 150,000 residents sheltered indoors as the storm passed.", "150,000 residents"),
])
def test_a_place_home_to_people_is_their_population(text, figure, settings):
    assert _frames(text, settings)[figure].concept == "population"

