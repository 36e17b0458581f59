"""The store on each backend: named migrations, transactions, idempotent writes, errors people can act on."""

from __future__ import annotations

import datetime as dt

import pytest
from storekit import article, claim, event, place, quote, speaker

from sayso.errors import StoreError
from sayso.models import Analysis, Place
from sayso.store import MIGRATIONS, open_store
from sayso.store.postgres import split_schema


def _analysis(id: str = "s1") -> Analysis:
    t = "\"We hold the bridge,\" Mayor Ihor Terekhov said, adding that 12 shelters opened in Kharkiv overnight."
    who = speaker(t, "Ihor Terekhov")
    return Analysis(article(id, t, "2024-05-01", "City Desk"), quotes=(quote(t, "We hold the bridge,", who),),
                    claims=(claim(t, "12 shelters", 12, counted="shelters", source=who),),
                    places=(place(t, "Kharkiv"),))


def test_migrations_are_recorded_by_name_in_order(store):
    assert store.applied_migrations() == [m.name for m in MIGRATIONS]


def test_reopening_applies_no_migration_twice(store_url):
    open_store(store_url).close()
    again = open_store(store_url)
    try:
        assert again.migrate() == []
        assert again.applied_migrations() == [m.name for m in MIGRATIONS]
    finally:
        again.close()


def test_store_with_unknown_migration_is_refused(store):
    with store.transaction():
        store.execute("INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)", ("9999_future", "now"))
    with pytest.raises(StoreError, match="9999_future"):
        store.migrate()


def test_record_round_trip_keeps_spans(store):
    original = _analysis()
    with store.transaction():
        assert store.add_analysis(original) is not None
    back = store.get_analysis("s1")
    assert back == original
    q = back.quotes[0]
    assert back.article.text[q.start:q.end] == q.text


def test_same_article_twice_is_stored_once(store):
    with store.transaction():
        first = store.add_analysis(_analysis("s1"))
        second = store.add_analysis(_analysis("s1-copy"))  # same text, new id: same content hash
    assert first is not None and second is None
    assert store.counts()["articles"] == 1


def test_failed_transaction_leaves_nothing_behind(store):
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.add_analysis(_analysis())
            raise RuntimeError("boom")
    assert store.counts()["articles"] == 0 and store.counts()["quotes"] == 0


def test_stored_keys_finds_ids_urls_and_hashes(store):
    with store.transaction():
        store.add_analysis(_analysis())
    assert store.stored_keys(["s1", "nope"], [], []) == {"s1"}


def test_unknown_url_scheme_names_the_forms_accepted():
    with pytest.raises(StoreError, match="postgresql://"):
        open_store("mysql://localhost/db")


def test_missing_folder_is_named_in_the_error(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        open_store(str(tmp_path / "no" / "such" / "corpus.db"))


def test_unreachable_postgres_error_names_the_url_without_password():
    with pytest.raises(StoreError, match=r"cannot open PostgreSQL store postgresql://me:\*\*\*@127.0.0.1:1/x"):
        open_store("postgresql://me:secret@127.0.0.1:1/x")


def test_schema_parameter_is_split_from_the_url():
    assert split_schema("postgresql://u@h/db?schema=news&sslmode=disable") == ("postgresql://u@h/db?sslmode=disable",
                                                                                 "news")
    with pytest.raises(StoreError, match="plain SQL name"):
        split_schema("postgresql://u@h/db?schema=bad;drop")


def test_sqlite_url_form_opens_a_file(tmp_path):
    s = open_store(f"sqlite:///{tmp_path / 'x.db'}")
    try:
        assert s.dialect == "sqlite" and (tmp_path / "x.db").exists()
    finally:
        s.close()


def test_older_store_is_upgraded_by_its_pending_migrations(store_url, monkeypatch):
    import sayso.store.base

    monkeypatch.setattr(sayso.store.base, "MIGRATIONS", MIGRATIONS[:2])
    old = open_store(store_url)
    assert old.applied_migrations() == [m.name for m in MIGRATIONS[:2]]
    with old.transaction():
        old.execute("INSERT INTO articles (id, content_hash, text, ingested_at) VALUES (?, ?, ?, ?)",
                    ("s1", "h", "An article stored before the upgrade.", "2024-01-01"))
    old.close()
    monkeypatch.setattr(sayso.store.base, "MIGRATIONS", MIGRATIONS)
    new = open_store(store_url)
    try:
        assert new.applied_migrations() == [m.name for m in MIGRATIONS]
        assert new.rows("SELECT id, minhash FROM articles") == [{"id": "s1", "minhash": None}]
        with new.transaction():
            assert new.add_analysis(_analysis("s2")) is not None
    finally:
        new.close()


def test_a_quote_s_act_survives_the_store(store):
    from sayso.models import Analysis, Article, Quote

    text = "The minister condemned the strike on the port."
    a = Analysis(Article("act1", text), quotes=(Quote("indirect", 22, 46, text[22:46], act="stance"),))
    with store.transaction():
        store.add_analysis(a)
    [q] = store.get_analysis("act1").quotes
    assert q.act == "stance"


def test_a_quote_s_propositions_survive_the_store(store):
    from sayso.corpus.queries import quotes
    from sayso.models import Analysis, Article, Proposition, Quote

    text = "Moscow said its troops captured the village of Loknia on Sunday, after days of fighting."
    said = "its troops captured the village of Loknia"
    props = (Proposition("capture", 23, 31, "captured", side="RU", theme=True, objects=("Loknia",)),
             Proposition("capture", 23, 31, "captured", "called_false", modal=True, actor="its troops",
                         actor_start=12, actor_end=22, by_speaker=True))
    a = Analysis(Article("prop1", text, published=dt.date(2025, 6, 1)),
                 quotes=(Quote("indirect", 12, 12 + len(said), said, propositions=props),
                         Quote("indirect", 0, 5, "Mosco")))
    with store.transaction():
        store.add_analysis(a)
    first, none = store.get_analysis("prop1").quotes
    assert first.propositions == props and none.propositions == ()
    assert {sq.start: sq.propositions for sq in quotes(store)} == {12: props, 0: ()}


def _with_events(id: str = "ev1") -> Analysis:
    t = ("Officials in Sumy said a drone struck a bakery on Sunday, killing two workers. "
         "Crowds later gathered in the square to protest, the city council said.")
    council = speaker(t, "the city council")
    sumy = Place(start=t.index("Sumy"), end=t.index("Sumy") + 4, text="Sumy", name="Sumy", country_code="UA",
                 feature="city", lat=50.91, lon=34.80)
    dead = claim(t, "two workers", 2, counted="workers", source=council, status="reported")
    return Analysis(article(id, t, "2024-06-03", "City Desk"), places=(sumy,), claims=(dead,), events=(
        event(t, "Officials in Sumy said a drone struck a bakery on Sunday, killing two workers.", "struck",
              "explosions_remote_violence", "air_drone_strike", actor="Russian forces", target="civilians", at=sumy,
              date="2024-06-02", fatalities=dead, status="reported", source=council),
        event(t, "Crowds later gathered in the square to protest, the city council said.", "protest", "protests",
              "peaceful_protest", actor="protesters", at=sumy, status="claimed", source=council)))


def test_stored_analysis_carries_its_events_with_every_field(store):
    original = _with_events()
    with store.transaction():
        store.add_analysis(original)
    back = store.get_analysis("ev1")
    assert back.events == original.events and len(back.events) == 2
    strike = back.events[0]
    assert back.article.text[strike.start:strike.end] == strike.text
    assert back.article.text[strike.trigger_start:strike.trigger_end] == "struck"
    assert strike.fatalities_claim.quantity.qualifier == "exact" and strike.fatalities_claim.source.name == "the city council"
    assert back == original


def test_a_bad_stored_event_row_is_skipped_not_raised(store, caplog):
    with store.transaction():
        store.add_analysis(_with_events())
        store.execute("UPDATE events SET record = ? WHERE seq = 0", ("{not json",))
    back = store.get_analysis("ev1")
    assert [e.type for e in back.events] == ["protests"]
    assert "bad stored event row" in caplog.text
