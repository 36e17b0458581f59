"""Place names found in a Doc and resolved to gazetteer entries.

Mentions come from spaCy's GPE/LOC/FAC entities, plus entities the small model mislabels
(PRODUCT "Kursk", PERSON "Kyiv", ORG "Moscow") whose text is a well-known place and which are
not the name of a person in the same article; wire datelines ("KHARKIV, Ukraine —"); countries
and regions at the edge of organisation names ("the U.S. Food and Drug Administration"); and
countries, regions and big towns the recogniser missed. :mod:`sayso.gazetteer.resolve` then
picks the entry each mention means. Demonyms ("Russian") are not places; seats of power and
capitals used for governments ("the Kremlin said", "Kyiv has commented") are kept with
``metonym=True``. Some names count only as written: dotted abbreviations need their dot ("La."),
"the States" its "the". A name in a list of states is a state (:mod:`sayso.extract.places.lists`)."""

from __future__ import annotations

import functools
import json
import re
from importlib import resources

from spacy.tokens import Doc, Span

from sayso.extract.places.context import after_place_preposition, after_title, person_name_words, spelling_of
from sayso.extract.places.lists import in_list, list_of_regions
from sayso.extract.places.words import hint_after, hint_before, split_feature, words
from sayso.gazetteer import Entry, Gazetteer
from sayso.gazetteer.build import norm
from sayso.gazetteer.resolve import Mention, resolve
from sayso.models import Note, Place
from sayso.nlp.pipeline import doc_text

PLACE_LABELS = {"GPE", "LOC", "FAC"}
RELABEL = {"PRODUCT", "PERSON", "ORG", "WORK_OF_ART", "NORP", "EVENT", "LAW", "LANGUAGE"}
DETERMINERS = {"the", "The"}


@functools.lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    """Nationality words ("Somali", "Ukrainian") from the country table: adjectives, not places."""
    text = resources.files("sayso.data").joinpath("places_countries.tsv").read_text("utf-8")
    out = set()
    for line in text.splitlines():
        cols = line.split("\t")
        if line.startswith("#") or len(cols) < 4:
            continue
        for word in cols[3].split("/"):
            if word.strip():
                out.add(norm(word.strip()))
                out.add(norm(word.strip()) + "s")
    return frozenset(out)


@functools.lru_cache(maxsize=1)
def _written_forms() -> tuple[frozenset[str], frozenset[str]]:
    """Keys of names that only count in their written form: "the States" (not "Member States") and
    dotted abbreviations ("La.", "Pa."), which without the dot are other words ("La Nina")."""
    data = json.loads(resources.files("sayso.data").joinpath("places_aliases.json").read_text("utf-8"))
    dotted = {norm(a) for regions in data.get("region_abbreviations", {}).values() for names in regions.values()
              for a in names if a.endswith(".") and len(norm(a)) <= 4}
    return frozenset(norm(a) for a in words()["needs_article"]), frozenset(dotted)


def _unwritten(doc: Doc, m: Mention) -> bool:
    """True when the mention is one of those names without its "the" or its dot, and nothing else so named."""
    with_the, dotted = _written_forms()
    if m.key not in with_the and m.key not in dotted:
        return False
    if any(norm(e.name) == m.key for e in m.candidates):
        return False
    if m.key in with_the:
        before = doc_text(doc)[:m.start].rstrip().rsplit(None, 1)
        return not before or before[-1].lower() != "the"
    # postal codes in capitals ("NY", "SC") are written without dots
    return not m.text.isupper() and not m.text.endswith(".") and doc_text(doc)[m.end:m.end + 1] != "."


@functools.lru_cache(maxsize=1)
def _landmarks() -> dict[str, dict]:
    data = json.loads(resources.files("sayso.data").joinpath("places_metonyms.json").read_text("utf-8"))
    return {norm(k): v for k, v in data["landmarks"].items()}


def extract_places(doc: Doc, gazetteer: Gazetteer | None = None, notes: list[Note] | None = None) -> list[Place]:
    """Every place name in ``doc`` resolved to a point.

    Without a gazetteer (none could be loaded) nothing is resolved; a note says so once.
    """
    if gazetteer is None:
        if notes is not None:
            notes.append(Note("places", "no gazetteer loaded: places not extracted"))
        return []
    mentions = find_mentions(doc, gazetteer)
    resolve(mentions, gazetteer)
    return [_to_place(m) for m in mentions if m.chosen is not None or m.landmark is not None]


def _modifier(doc: Doc, m: Mention) -> bool:
    """A country name used as an adjective of a common noun ("US officials", "Ukraine war"): not a place.

    Towns and regions in that position stay ("the Kursk offensive" says where). Needs the parse;
    without it every mention is kept.
    """
    if not doc.has_annotation("DEP"):
        return False
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    head = root.head
    return (root.dep_ == "compound" and head.i >= span.end and head.tag_ in ("NN", "NNS")
            and head.is_lower and any(e.feature == "country" for e in m.candidates))


# ---------------------------------------------------------------- finding mentions


def find_mentions(doc: Doc, gaz: Gazetteer) -> list[Mention]:
    """Place mentions in text order, with feature hints, qualifiers and metonymy marked."""
    person_words = person_name_words(doc, gaz)
    found: list[Mention] = _dateline(doc, gaz)
    relabel = []
    for ent in doc.ents:
        span = _trim(ent)
        if span is None or (found and span.start_char < found[0].end and found[0].start == 0):
            continue
        if ent.label_ in RELABEL:
            relabel.append((span, ent.label_))
            continue
        mention = _mention(span, gaz, strict=False) if ent.label_ in PLACE_LABELS else None
        if mention is not None:
            found.append(mention)
        elif ent.label_ in ("LOC", "FAC", "GPE") and len(span) > 1:
            found.extend(_inside_name(span, gaz))
    found.extend(_outside_entities(doc, gaz))
    for span, label in _relabel_all(relabel, gaz, person_words, found):
        inside = _inside_name(span, gaz) if label == "ORG" and len(span) > 1 else []
        found.extend(inside or _possessor_town(span, gaz, person_words))
    found = sorted((m for m in found if not _modifier(doc, m) and not _unwritten(doc, m)), key=lambda m: m.start)
    text = doc_text(doc)
    _share_list_hints(text, found, gaz)
    list_of_regions(text, found)
    for i, m in enumerate(found):
        _mark_context(doc, text, m, found, i)
    return found


def _dateline(doc: Doc, gaz: Gazetteer) -> list[Mention]:
    """The place of a wire dateline ("KHARKIV, Ukraine —", "BAMAKO (Reuters) -") at the top of the text."""
    end = 0
    while end < min(len(doc), 4) and doc[end].is_upper and doc[end].is_alpha:
        end += 1
    if not end or end >= len(doc) or doc[end].text not in (",", "—", "–", "-", "(", ":"):
        return []
    span = doc[0:end]
    towns = [e for e in gaz.lookup(span.text.title()) if e.feature in ("city", "region", "country")]
    if not towns:
        return []
    hint = "city" if any(e.feature == "city" for e in towns) else None  # a dateline names a town
    return [Mention(span.start_char, span.end_char, span.text, norm(span.text), towns, hint=hint)]


_UNITS = ("country", "region", "continent", "area", "sea", "strait", "island", "peninsula")


def _unit_mention(span: Span, gaz: Gazetteer) -> Mention | None:
    """A mention for a span that names a country, region or named area by one of its own names."""
    if not all(t.is_title or t.is_upper or t.lower_ in ("of", "and", "the", "'s", "’s") for t in span):
        return None
    key = norm(span.text)
    if not key or key in words()["not_places"] or key in words()["generic_names"]:
        return None
    doc = span.doc
    if (span.start > 0 and doc[span.start - 1].text in ("-", "–")) or (
            span.end < len(doc) and doc[span.end].text in ("-", "–")):
        return None  # part of a hyphenated name ("Guinea-Bissau")
    entries = gaz.lookup(span.text)
    if not any(e.feature in _UNITS for e in entries):
        return None
    # a unit's name lets the mention in; every entry so named stays a candidate ("Gaza" the city too)
    return Mention(span.start_char, span.end_char, span.text, key, entries, hint=hint_after(span))


def _inside_name(span: Span, gaz: Gazetteer) -> list[Mention]:
    """A country or region at the start or end of an organisation's name ("the U.S. Food and Drug
    Administration", "SOS Children's Villages Sudan")."""
    doc = span.doc
    for n in (3, 2, 1):
        if n < len(span):
            head = _unit_mention(doc[span.start:span.start + n], gaz)
            if head is not None:
                return [head]
    # longest first, and never the end of a longer name ("Republic of China" of "People's Republic of China")
    for n in (5, 4, 3, 2, 1):
        if n < len(span) and span[len(span) - n - 1].text not in ("of", "for", "in", "'s", "’s"):
            tail = _unit_mention(doc[span.end - n:span.end], gaz)
            if tail is not None:
                return [tail]
    return []


def _possessor_town(span: Span, gaz: Gazetteer, person_words: set[str]) -> list[Mention]:
    """A town of 100,000+ that owns the rest of a mislabelled name ("Kyiv's Independence Square", "Gaza's
    Shifa Hospital"): the part before the possessive; not a name a person in the article bears ("Mary's
    Turkeys" beside "Mary Pitman")."""
    marks = [t.i for t in span if t.text in ("'s", "’s")]
    if not marks or marks[0] == span.start or marks[0] >= span.end - 1:
        return []
    owner = span.doc[span.start:marks[0]]
    key = norm(owner.text)
    if key in words()["generic_names"] or not all(t.is_title or t.is_upper for t in owner) or any(
            t.lower_ in person_words for t in owner):
        return []
    towns = [e for e in gaz.lookup(owner.text) if e.feature == "city" and e.population >= 100_000
             and norm(e.name) == key]
    if not towns:
        return []
    return [Mention(owner.start_char, owner.end_char, owner.text, key, gaz.lookup(owner.text), hint="city")]


def _outside_entities(doc: Doc, gaz: Gazetteer) -> list[Mention]:
    """Countries and regions the entity recogniser missed altogether ("in regional NSW")."""
    out: list[Mention] = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        if tok.ent_type_ or not (tok.is_title or tok.is_upper) or not tok.is_alpha:
            i += 1
            continue
        first = _sentence_start(doc, i)
        for n in (3, 2, 1):
            span = doc[i:i + n]
            if len(span) < n or any(t.ent_type_ for t in span):
                continue
            m = _capital_subject(span, gaz) if first else (
                _unit_mention(span, gaz) or _capital_subject(span, gaz) or _town_after_preposition(span, gaz))
            if m is not None and not after_title(span):
                out.append(m)
                i += n - 1
                break
        i += 1
    return out


def _capital_subject(span: Span, gaz: Gazetteer) -> Mention | None:
    """A city of a million or more followed by a stance verb ("Kyiv has commented"): a metonym NER missed."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].lower_ not in words()["metonym_verbs"]:
        return None
    key = norm(span.text)
    towns = [e for e in gaz.lookup(span.text) if e.feature == "city" and e.population >= 1_000_000
             and norm(e.name) == key]
    if not towns:
        return None
    return Mention(span.start_char, span.end_char, span.text, key, towns)


_PREPOSITIONS = {"in", "near", "from", "to", "over", "at", "outside", "around", "towards", "toward", "across",
                 "into", "of", "via", "through", "between", "and"}


def _town_after_preposition(span: Span, gaz: Gazetteer) -> Mention | None:
    """A town of 100,000+ the entity recogniser missed, after a preposition ("due in Kyiv", "over the Odesa")."""
    doc = span.doc
    j = span.start - 1
    if j >= 0 and doc[j].lower_ == "the":
        j -= 1
    if j < 0 or doc[j].lower_ not in _PREPOSITIONS:
        return None
    key = norm(span.text)
    if key in words()["generic_names"]:
        return None
    towns = [e for e in gaz.lookup(span.text) if e.population >= 100_000 and norm(e.name) == key]
    if not towns:
        return None
    return Mention(span.start_char, span.end_char, span.text, key, gaz.lookup(span.text),
                   hint=hint_after(span))


def _sentence_start(doc: Doc, i: int) -> bool:
    return i == 0 or doc[i - 1].text in (".", "!", "?", ":", '"', "“", "”") or "\n" in doc[i - 1].text_with_ws


def _trim(ent: Span) -> Span | None:
    """The entity without a leading "the" and a trailing possessive or feature word."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and doc[start].text in DETERMINERS:
        start += 1
    while end > start and doc[end - 1].text in {"'s", "’s", "'", "’"}:
        end -= 1
    return doc[start:end] if end > start else None


def _mention(span: Span, gaz: Gazetteer, strict: bool) -> Mention | None:
    span = _extend(span, gaz)
    core, hint = span, None
    candidates = gaz.lookup(span.text)
    if not candidates:
        core, hint = split_feature(span)
        candidates = gaz.lookup(core.text) if core is not span else []
    key = norm(core.text)
    if not key or key in words()["not_places"] or key in _demonyms() or not any(ch.isupper() for ch in core.text) \
            or key in words()["person_titles"]:  # "Brig." of "Brig. Gen. ..." tagged as a place
        return None
    landmark = _landmarks().get(key)
    partial = False
    if not candidates and landmark is None:
        if strict:
            return None
        candidates = _fallback(core, gaz)
        if not candidates:
            return None
        partial = True
    if hint is None:
        hint = hint_after(span) or hint_before(span)
    if hint == "region" and not any(e.feature == "region" for e in candidates):
        candidates = candidates + _region_of_centre(candidates, gaz)
        # "Nineveh province" is no town that merely lists "Nineveh" among its other names
        candidates = [e for e in candidates if e.feature != "city" or norm(e.name) == key]
        if not candidates:
            return None
    return Mention(span.start_char, span.end_char, span.text, key, candidates, hint=hint, landmark=landmark,
                   partial=partial)


def _region_of_centre(candidates: list[Entry], gaz: Gazetteer) -> list[Entry]:
    """"Zaporizhzhia province" when the province is spelt otherwise: the region around the biggest
    town of that name (oblasts and provinces are mostly named after their main town)."""
    towns = [e for e in candidates if e.feature == "city" and e.admin1 and e.population >= 50_000]
    if not towns:
        return []
    town = max(towns, key=lambda e: e.population)
    region = gaz.region(town.country_code, town.admin1)
    # named after the town ("Zaporiz'ka" for Zaporizhzhia, "Ninawa" for Nineveh), not "Texas" for "the Houston region"
    if region is None or norm(region.name)[:3] != norm(town.name)[:3]:
        return []
    return [region]


def _extend(span: Span, gaz: Gazetteer) -> Span:
    """Take in words the entity left out when the longer name is known: a capitalised feature word
    ("Mexico City"), a capitalised word before it ("Boa Vista" for "Vista", "Goz Beida" for "Beida")
    or a particle and a name after it ("Rio Grande do Sul" for "Rio Grande")."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].is_title and doc[span.end].lower_ in words()["feature_words"]:
        longer = doc[span.start:span.end + 1]
        if longer.text in gaz:
            return longer
    if (span.start > 0 and doc[span.start - 1].is_title and doc[span.start - 1].is_alpha
            and not doc[span.start - 1].ent_type_ and not _sentence_start(doc, span.start - 1)):
        longer = doc[span.start - 1:span.end]
        if longer.text in gaz:
            span = longer
    if (span.end + 1 < len(doc) and doc[span.end].is_lower and len(doc[span.end]) <= 3 and doc[span.end].is_alpha
            and doc[span.end + 1].is_title):
        longer = doc[span.start:span.end + 2]
        if longer.text in gaz:
            return longer
    return _hyphen_joined(span, gaz)


def _hyphen_joined(span: Span, gaz: Gazetteer) -> Span:
    """The whole hyphenated name when the entity stops at a hyphen ("Guinea" of "Guinea-Bissau")."""
    doc = span.doc
    end = span.end
    while (end + 1 < len(doc) and doc[end].text in {"-", "‑"} and not doc[end - 1].whitespace_
           and not doc[end].whitespace_ and doc[end + 1].is_alpha):
        end += 2
    if end > span.end and doc[span.start:end].text in gaz:
        return doc[span.start:end]
    return span


def _fallback(core: Span, gaz: Gazetteer) -> list[Entry]:
    """For a name not in the gazetteer: the name without leading direction words ("northern Gaza")."""
    lead = words()["leading_modifiers"]
    i = 0
    while i < len(core) - 1 and core[i].lower_ in lead:
        i += 1
    if not i:
        return []
    return [e for e in gaz.lookup(core[i:].text) if _well_known(e)]


def _countries(found: list[Mention]) -> set[str]:
    return {max(m.candidates, key=lambda e: e.population).country_code for m in found if m.candidates}


def _relabel_all(relabel: list[tuple[Span, str]], gaz: Gazetteer, person_words: set[str],
                 found: list[Mention]) -> list[tuple[Span, str]]:
    """Add to ``found`` the mislabelled entities that are places; return the others. A town kept for
    its country lends that country to the rest ("struck Druzhkivka" once "in Kostiantynivka" is kept)."""
    pending = relabel
    while pending:
        countries, rest = _countries(found), []
        for span, label in pending:
            mention = _relabelled(span, label, gaz, person_words, countries)
            if mention is not None:
                found.append(mention)
            else:
                rest.append((span, label))
        if len(rest) == len(pending):
            break
        pending = rest
    return pending


#: a mislabelled town this big counts after a preposition of place, or in a country of the article
RELABEL_TOWN_POPULATION = 20_000


def _relabelled(span: Span, label: str, gaz: Gazetteer, person_words: set[str],
                countries: set[str]) -> Mention | None:
    """An entity NER mislabelled (PRODUCT "Kursk", PERSON "Kyiv", NORP "Odesa"), kept when it is no
    part of a person's name in the article and its whole text names a well-known place; a town of any
    size that a feature word calls one ("the town of Tessalit", "Kupiansk city"); a town of 20,000+
    after a preposition of place ("in Druzhkivka") or in a country the article's places lie in; a smaller
    town when both hold."""
    if label == "PERSON":
        if any(t.lower_ in person_words for t in span) or after_title(span):
            return None
    mention = _mention(span, gaz, strict=True)
    if mention is None:
        return None
    if mention.landmark is not None:
        return mention
    towns = [e for e in mention.candidates if e.feature == "city"
             and (norm(e.name) == mention.key or spelling_of(mention.key, norm(e.name)))]
    if mention.hint == "city" and (towns or len({e.geonames_id for e in mention.candidates
                                                  if e.feature == "city"}) == 1):
        return mention  # "the southern city of Nabatieh": a feature word vouches for a town known by another name
    located = after_place_preposition(span)

    def big(e: Entry) -> bool:  # a town of any size when both say so ("in rural Sardinata", filed from Colombia)
        home = e.country_code in countries
        return (e.population >= RELABEL_TOWN_POPULATION and (located or home)) or (located and home)

    named = [e for e in mention.candidates if norm(e.name) == mention.key or e.feature != "city"
             or (spelling_of(mention.key, norm(e.name))  # "Kostiantynivka" for GeoNames' "Kostyantynivka"
                 and (e.population >= 100_000 or big(e)))]
    if any(_well_known(e) or big(e) for e in named):
        return mention
    return None


def _well_known(e: Entry) -> bool:
    return e.feature in _UNITS or e.population >= 100_000


def _mark_context(doc: Doc, text: str, m: Mention, found: list[Mention], i: int) -> None:
    """Qualifier ("Paris, Texas") and metonymy ("Kyiv said") from the words around the mention."""
    if i + 1 < len(found) and not in_list(text, found, i):
        nxt = found[i + 1]
        between = text[m.end:nxt.start]
        if between.strip() == "," and any(e.feature in ("country", "region") for e in nxt.candidates):
            m.qualifier = nxt
    m.metonym = _is_metonym(doc, m)


def _share_list_hints(text: str, found: list[Mention], gaz: Gazetteer) -> None:
    """"the Odesa, Mykolaiv and Kherson regions": the last name's plural feature word covers the list."""
    for i in range(len(found) - 1, 0, -1):
        last = found[i]
        if last.hint is None or not re.match(r"\s*(?:\w+\s+)?\w+s\b", text[last.end:last.end + 30]):
            continue
        j = i
        while j > 0 and text[found[j - 1].end:found[j].start].strip() in (",", "and", ", and", "or", ", or"):
            j -= 1
            if found[j].hint is None:
                found[j].hint = last.hint
                if last.hint == "region" and not any(e.feature == "region" for e in found[j].candidates):
                    found[j].candidates = found[j].candidates + _region_of_centre(found[j].candidates, gaz)


def _is_metonym(doc: Doc, m: Mention) -> bool:
    """A place acting as an agent: subject of a reporting or stance verb."""
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    if m.landmark is not None:
        return True
    if not any(e.feature in ("country", "city") for e in m.candidates):
        return False
    root = span.root
    if doc.has_annotation("DEP") and root.dep_ in ("nsubj", "nsubjpass"):
        return root.head.tag_.startswith("VB") and root.head.lower_ in words()["metonym_verbs"] or (
            root.head.tag_ in ("VBD", "VBZ") and any(c.dep_ == "ccomp" for c in root.head.children))
    if span.end < len(doc):
        nxt = doc[span.end]
        return nxt.lower_ in words()["metonym_verbs"] and span.start_char == m.start and (
            span.start == 0 or doc[span.start - 1].lower_ not in {"in", "to", "from", "at", "of", "near"})
    return False


def _to_place(m: Mention) -> Place:
    if m.landmark is not None and (m.chosen is None or m.key in _landmarks()):
        lm = m.landmark
        return Place(m.start, m.end, m.text, name=lm["name"], country_code=lm["cc"], feature="landmark",
                     lat=lm["lat"], lon=lm["lon"], metonym=True)
    e = m.chosen
    assert e is not None
    return Place(m.start, m.end, m.text, name=e.name, country_code=e.country_code or None, feature=e.feature,
                 lat=e.lat, lon=e.lon, geonames_id=e.geonames_id if e.geonames_id > 0 else None,
                 admin1=e.admin1 or None, metonym=m.metonym)
