"""Wire copies and near-duplicates: grouped when lightly edited, apart when only the topic is shared."""

from __future__ import annotations

import pytest
from handcorpus import COPY_1, COPY_2, WIRE

from sayso.corpus.dedup import WireGrouper, bands, decode, encode, estimate, shingles, signature, similarity

OTHER_STORY = ("Officials in Kharkiv said power had been restored to most homes after an overnight strike on a "
               "substation. Repair crews worked through the night, and schools will reopen on Wednesday, the "
               "mayor said, urging residents to keep using shelters when sirens sound.")
REWORDED = ("Kyiv's top commander told the president that his troops held about a thousand square kilometres "
            "inside the Kursk region of Russia, and that the push had slowed without halting.")


@pytest.mark.parametrize("copy", [COPY_1, COPY_2])
def test_lightly_edited_copy_is_similar(copy):
    assert similarity(shingles(WIRE), shingles(copy)) >= 0.5


@pytest.mark.parametrize("other", [OTHER_STORY, REWORDED])
def test_other_story_or_rewording_is_not_a_copy(other):
    assert similarity(shingles(WIRE), shingles(other)) < 0.5


def test_copy_shares_lsh_bands_with_its_origin():
    assert set(bands(signature(shingles(WIRE)))) & set(bands(signature(shingles(COPY_1))))


def test_bands_are_deterministic_and_fit_a_signed_bigint():
    first, second = bands(signature(shingles(WIRE))), bands(signature(shingles(WIRE)))
    assert first == second and all(0 <= b < 2**63 for b in first)


TEXTS = {7: WIRE, 8: OTHER_STORY}


@pytest.mark.parametrize("with_signatures", [True, False])
def test_grouper_joins_the_best_matching_group(with_signatures):
    stored = [{"pk": pk, "group_pk": 3 if pk == 7 else pk,
               "minhash": encode(signature(shingles(TEXTS[pk]))) if with_signatures else None} for pk in TEXTS]
    placement = WireGrouper(lambda _bands: stored, TEXTS.__getitem__).place(COPY_1)
    assert placement.group_pk == 3 and placement.score >= 0.5


def test_grouper_starts_a_new_group_without_a_match():
    stored = [{"pk": 8, "group_pk": 8, "minhash": encode(signature(shingles(OTHER_STORY)))}]
    placement = WireGrouper(lambda _bands: stored, TEXTS.__getitem__).place(WIRE)
    assert placement.group_pk is None and placement.bands and placement.signature


def test_signature_estimate_is_close_to_the_exact_similarity():
    a, b = shingles(WIRE), shingles(COPY_1)
    assert abs(estimate(signature(a), signature(b)) - similarity(a, b)) < 0.2
    assert decode(encode(signature(a))) == signature(a)


def test_empty_text_has_no_shingles_and_no_bands():
    assert shingles("") == set() and bands(signature(set())) == []
