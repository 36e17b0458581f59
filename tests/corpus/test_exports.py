"""The cross-article exports on a real store (SQLite and PostgreSQL): a wire group lists the exact copies that
ingest skipped, an entity carries its id, names, roles and every linked mention with its span."""

from __future__ import annotations

import json

import pytest
from storekit import article, quote, speaker, stub_analyse

from sayso import corpus
from sayso.models import Analysis
from sayso.settings import Settings

SETTINGS = Settings(ingest_batch=2, batch_size=2, language_check=False)

STORY = ("The harbour authority in Varna said on Friday that two grain ships had left port under escort. "
         "\"Both convoys sailed on time,\" harbour master Petar Ilchev told reporters.")
OTHER = ("Farmers near Ruse said the river had risen by a metre overnight. \"We moved the herd to the hills,\" "
         "said Ilchev, who chairs the regional farmers' union.")


def _analysis(id: str, text: str, who: str, mention: str) -> Analysis:
    said = text[text.index("\u201c") + 1:text.index("\u201d")] if "\u201c" in text else text.split('"')[1]
    person = speaker(text, who, mention)
    return Analysis(article(id, text, "2024-05-03", "Coast News", url=f"https://example.org/{id}"),
                    quotes=(quote(text, said, person),))


@pytest.fixture(params=[SETTINGS, Settings(ingest_batch=8, batch_size=1, language_check=False)],
                ids=["stored-before-the-copy-arrives", "copy-analysed-while-its-twin-waits-in-the-batch"])
def filled(store, request):
    analyses = [_analysis("s1", STORY, "Petar Ilchev", "harbour master Petar Ilchev"),
                _analysis("s2", OTHER, "Ilchev", "Ilchev")]
    inputs = [analyses[0].article,
              article("s1-copy", STORY, "2024-05-03", "Danube Daily"),           # the same text, another id
              analyses[1].article,
              article("s1-again", STORY, "2024-05-04", "River Post"),           # a later run's copy
              article("s2-url", OTHER + " Updated.", "2024-05-03", "Coast News", url="https://example.org/s2")]
    report = corpus.ingest(inputs, store, request.param, analyse=stub_analyse({a.article.id: a for a in analyses}))
    assert report.stored == 2 and report.already_stored == 3
    return store


def test_exact_copies_skipped_at_ingest_are_listed_in_their_group(filled):
    groups = {g.origin: g for g in corpus.wire_groups(filled)}
    assert set(groups) == {"s1", "s2"}  # each stored article with its copies is a group, though nothing joined it
    assert groups["s1"].articles == ("s1",) and set(groups["s1"].copies) == {"s1-copy", "s1-again"}
    assert groups["s2"].copies == ("s2-url",)


def test_an_article_without_copies_or_members_is_no_group(store):
    a = _analysis("solo", STORY, "Petar Ilchev", "harbour master Petar Ilchev")
    corpus.ingest([a.article], store, SETTINGS, analyse=stub_analyse({"solo": a}))
    assert corpus.wire_groups(store) == []


def test_reingesting_a_stored_article_is_not_a_copy_of_itself(filled):
    analyses = {"s1": _analysis("s1", STORY, "Petar Ilchev", "harbour master Petar Ilchev")}
    corpus.ingest([analyses["s1"].article], filled, SETTINGS, analyse=stub_analyse(analyses))
    groups = {g.origin: g for g in corpus.wire_groups(filled)}
    assert "s1" not in groups["s1"].copies


def test_groups_jsonl_carries_the_copies(filled, tmp_path):
    corpus.export(corpus.wire_groups(filled), tmp_path / "groups.jsonl")
    rows = [json.loads(line) for line in (tmp_path / "groups.jsonl").read_text().splitlines()]
    by_origin = {r["origin"]: r for r in rows}
    assert by_origin["s1"]["articles"] == ["s1"] and set(by_origin["s1"]["copies"]) == {"s1-copy", "s1-again"}
    assert all(isinstance(r["group"], int) for r in rows)


def test_entity_carries_every_linked_mention_with_its_span(filled):
    [ilchev] = [e for e in corpus.entities(filled) if e.name == "Petar Ilchev"]
    assert isinstance(ilchev.entity, int) and ilchev.mention_count == 2 == len(ilchev.mentions)
    spans = {(m.article_id, m.text, m.name) for m in ilchev.mentions}
    assert spans == {("s1", "harbour master Petar Ilchev", "Petar Ilchev"), ("s2", "Ilchev", "Ilchev")}
    texts = {"s1": STORY, "s2": OTHER}
    assert all(texts[m.article_id][m.start:m.end] == m.text for m in ilchev.mentions)


def test_entities_jsonl_has_the_contract_fields(filled, tmp_path):
    corpus.export(corpus.entities(filled), tmp_path / "entities.jsonl")
    [row] = [json.loads(line) for line in (tmp_path / "entities.jsonl").read_text().splitlines()]
    assert {"entity", "name", "kind", "names", "roles", "mentions", "mention_count"} <= set(row)
    assert {tuple(sorted(m)) for m in row["mentions"]} == {("article_id", "end", "name", "start", "text")}


def test_entities_csv_counts_the_mentions(filled, tmp_path):
    corpus.export(corpus.entities(filled), tmp_path / "entities.csv")
    header, line = (tmp_path / "entities.csv").read_text().splitlines()[:2]
    assert dict(zip(header.split(","), line.split(",")))["mentions"] == "2"


def test_organisation_a_speaker_belongs_to_is_an_entity_with_its_full_name(store):
    text = "Aid convoys are stuck at the border, UN spokeswoman Mara Lind said on Tuesday."
    lind = speaker(text, "Mara Lind", "UN spokeswoman Mara Lind", role="UN spokeswoman", affiliation="UN")
    a = Analysis(article("u1", text, "2024-05-03", "Coast News"),
                 quotes=(quote(text, "Aid convoys are stuck at the border", lind, kind="indirect"),))
    corpus.ingest([a.article], store, SETTINGS, analyse=stub_analyse({"u1": a}))
    ents = {e.name: e for e in corpus.entities(store)}
    assert set(ents) == {"Mara Lind", "United Nations"}
    [mention] = ents["United Nations"].mentions
    assert (mention.article_id, mention.start, mention.text, mention.name) == ("u1", None, "UN", "UN")
    assert "UN" in ents["United Nations"].names
    # the speaker is still the person, and the article's analysis is rebuilt as it was
    assert store.get_analysis("u1").quotes[0].speaker == lind


def test_role_days_are_stored_and_a_late_description_goes_to_the_holder_of_its_time(store):
    def story(id, day, who, mention):
        text = f"Talks will resume next week, {mention} said in statement {id}."
        person = speaker(text, who or mention, mention, role="Ruritanian prime minister" if who else None,
                         kind="person" if who else "unnamed")
        return Analysis(article(id, text, day, "Coast News"),
                        quotes=(quote(text, "Talks will resume next week", person, kind="indirect"),))
    stories = [story("p1", "2022-01-10", "Peter Lund", "Ruritanian Prime Minister Peter Lund"),
               story("p2", "2022-03-02", "Peter Lund", "Ruritanian Prime Minister Peter Lund"),
               story("p3", "2022-10-25", "Maria Holm", "Ruritanian Prime Minister Maria Holm"),
               story("p4", "2022-11-15", None, "the Ruritanian prime minister")]
    corpus.ingest([s.article for s in stories], store, SETTINGS,
                  analyse=stub_analyse({s.article.id: s for s in stories}))
    days = {r["name"]: (r["first_seen"], r["last_seen"]) for r in store.rows(
        "SELECT e.name, r.first_seen, r.last_seen FROM entity_roles r JOIN entities e ON e.pk = r.entity_pk")}
    assert days["Peter Lund"] == ("2022-01-10", "2022-03-02")
    holm = [e for e in corpus.entities(store) if e.name == "Maria Holm"][0]
    assert {m.article_id for m in holm.mentions} == {"p3", "p4"}
