"""Load the spaCy model once per process with only the components the chosen extractors need.

The full small English pipeline is tok2vec, tagger, parser, attribute_ruler, lemmatizer, ner.
sayso's rules read fine-grained tags (``token.tag_``), the dependency parse and entities; they
never need ``token.pos_`` or ``token.lemma_`` on every token, so ``attribute_ruler`` and
``lemmatizer`` stay off (about a third of the pipeline's time). ``lemma()`` lemmatises one token
on demand with the model's own lookup tables when a rule wants a lemma.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import logging
import threading
from importlib import resources
from typing import Iterable

from spacy.attrs import DEP, IDX, LOWER, ORTH
from spacy.language import Language
from spacy.strings import hash_string
from spacy.symbols import IDS
from spacy.tokens import Token

from sayso.errors import ModelNotInstalled

log = logging.getLogger(__name__)

# What each extractor needs from the pipeline (besides the tokenizer).
COMPONENTS_BY_EXTRACTOR: dict[str, tuple[str, ...]] = {
    "quotes": ("tok2vec", "tagger", "parser", "ner"),
    "claims": ("tok2vec", "tagger", "parser", "ner"),
    "places": ("tok2vec", "ner"),
    "dates": ("tok2vec", "ner"),
    "events": ("tok2vec", "tagger", "parser", "ner"),
}

_LOCK = threading.Lock()
_TAG_TO_POS = {
    "VB": "verb", "VBD": "verb", "VBG": "verb", "VBN": "verb", "VBP": "verb", "VBZ": "verb", "MD": "aux",
    "NN": "noun", "NNS": "noun", "NNP": "propn", "NNPS": "propn",
    "JJ": "adj", "JJR": "adj", "JJS": "adj", "RB": "adv", "RBR": "adv", "RBS": "adv",
}


def required_components(extractors: Iterable[str]) -> tuple[str, ...]:
    """The pipeline components the given extractors need, in pipeline order."""
    needed: set[str] = set()
    for name in extractors:
        needed.update(COMPONENTS_BY_EXTRACTOR.get(name, ()))
    order = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
    return tuple(c for c in order if c in needed)


@functools.lru_cache(maxsize=8)
def _load(model: str, package: str) -> Language:
    import spacy

    if importlib.util.find_spec(model) is None and "/" not in model:
        raise ModelNotInstalled(model, package)
    try:
        nlp = spacy.load(model)
    except OSError as exc:  # spaCy's E050 and friends
        raise ModelNotInstalled(model, package) from exc
    _remember_lemma_tables(nlp)
    _keep_title_abbreviations(nlp)
    if PARAGRAPHS not in nlp.component_names:
        nlp.add_pipe(PARAGRAPHS, first=True)
    log.info("loaded spaCy model %s (%s)", model, ", ".join(nlp.pipe_names))
    return nlp


def _keep_title_abbreviations(nlp: Language) -> None:
    """"Lt. Col. Ivan Petrenko": the tokenizer splits rank abbreviations it does not know ("Lt" "."), and the
    full stop then ends a sentence in the middle of a name. Each title of ``speakers_en.json`` that ends
    in a full stop stays one token, as "Gen." and "Dr." already do."""
    from spacy.symbols import ORTH

    raw = json.loads(resources.files("sayso.data").joinpath("speakers_en.json").read_text("utf-8"))
    for title in raw["person_titles"] + raw["role_titles"]:
        if title.endswith(".") and title[:-1].isalpha():
            word = title[0].upper() + title[1:]
            if len(nlp.tokenizer(word)) > 1:
                nlp.tokenizer.add_special_case(word, [{ORTH: word}])


PARAGRAPHS = "sayso_paragraphs"


@Language.component(PARAGRAPHS)
def paragraph_starts(doc):
    """A token after a blank line starts a sentence: the parser never joins two paragraphs into one
    sentence (a clause of one attached to a verb of the next)."""
    for tok in doc[:-1]:
        if tok.is_space and tok.text.count("\n") >= 2:
            doc[tok.i + 1].is_sent_start = True
    return doc


def load_nlp(model: str, extractors: Iterable[str] = ("quotes", "claims", "places", "dates"),
             package: str = "") -> Language:
    """The model, loaded once per process, with only the needed components enabled.

    Raises ``ModelNotInstalled`` naming the install command when the model is missing.
    """
    with _LOCK:
        nlp = _load(model, package)
        wanted = set(required_components(extractors))
        for name in list(nlp.component_names):
            if name == PARAGRAPHS:
                continue
            if name in wanted and name in nlp.disabled:
                nlp.enable_pipe(name)
            elif name not in wanted and name not in nlp.disabled:
                nlp.disable_pipe(name)
        return nlp


_TABLES: dict[str, dict] = {}


def _remember_lemma_tables(nlp: Language) -> None:
    if _TABLES or "lemmatizer" not in nlp.component_names:
        return
    lookups = nlp.get_pipe("lemmatizer").lookups
    for name in ("lemma_index", "lemma_exc", "lemma_rules"):
        table = lookups.get_table(name, {})
        _TABLES[name] = {
            pos: (set(table.get(pos) or ()) if name == "lemma_index" else (table.get(pos) or {}))
            for pos in set(_TAG_TO_POS.values())
        }


@functools.lru_cache(maxsize=50_000)
def lemma_of(word: str, tag: str) -> str:
    """Lemma of ``word`` with Penn tag ``tag``, by spaCy's English rule tables."""
    string = word.lower()
    pos = _TAG_TO_POS.get(tag)
    if pos is None or tag in {"VB", "VBP", "NN", "NNP", "JJ", "RB"}:
        return string
    if not _TABLES:
        return string
    exc = _TABLES["lemma_exc"].get(pos, {})
    if string in exc:
        return exc[string][0]
    index = _TABLES["lemma_index"].get(pos, set())
    forms = []
    for old, new in _TABLES["lemma_rules"].get(pos, []):
        if string.endswith(old):
            form = string[: len(string) - len(old)] + new
            if form and (form in index or not form.isalpha()):
                forms.append(form)
    return forms[0] if forms else string


def doc_text(doc) -> str:
    """The Doc's text, built once per Doc and kept in its ``user_data`` (spaCy joins every token each time
    ``doc.text`` is read, which costs as much as a walk over the whole Doc)."""
    text = doc.user_data.get("sayso_text")
    if text is None:
        text = doc.user_data["sayso_text"] = doc.text
    return text


def column(doc, attr: int) -> list[int]:
    """The Doc's values of one attribute (``spacy.attrs.LOWER``, ``IDX`` ...), one per token, read off its
    array once per Doc and kept in its ``user_data``: a scan over them builds no Token objects."""
    key = f"sayso_column_{attr}"
    values = doc.user_data.get(key)
    if values is None or len(values) != len(doc):
        values = doc.user_data[key] = doc.to_array(attr).tolist()
    return values


def token_ends(doc) -> list[int]:
    """The character offset where each token of ``doc`` ends (``idx + len``), built once per Doc."""
    ends = doc.user_data.get("sayso_token_ends")
    if ends is None or len(ends) != len(doc):
        strings = doc.vocab.strings
        ends = doc.user_data["sayso_token_ends"] = [
            start + len(strings[form]) for start, form in zip(column(doc, IDX), column(doc, ORTH))]
    return ends


def span_text(span) -> str:
    """``span.text``, cut from the Doc's text (``doc_text``) instead of joined from a Token per word."""
    return doc_text(span.doc)[span.start_char:span.end_char]


def tokens_with(doc, words: Iterable[str] | None = None, deps: Iterable[str] | None = None) -> list[Token]:
    """The tokens of ``doc`` whose lower-case form is one of ``words`` and whose dependency label is one of
    ``deps`` (either left out: any), in text order, found on the Doc's arrays: no Token object is built for
    the others (a walk over every token costs as much as the extractor's own work)."""
    return [doc[i] for i in token_ids(doc, words, deps)]


def token_ids(doc, words: Iterable[str] | None = None, deps: Iterable[str] | None = None) -> list[int]:
    """The indices of the tokens ``tokens_with`` returns."""
    found = range(len(doc))
    for attr, values in ((LOWER, words), (DEP, deps)):
        if values is not None:
            ids, have = string_ids(frozenset(values)), column(doc, attr)
            found = [i for i in found if have[i] in ids]
    return list(found)


@functools.lru_cache(maxsize=64)
def string_ids(words: frozenset[str]) -> frozenset[int]:
    """The ids the Doc's arrays hold for ``words``: spaCy's own symbol id for a string it has one for (the
    dependency labels, but also words such as "agent" or "mark"), else the string's hash."""
    return frozenset(IDS.get(w, hash_string(w)) for w in words)


def lemma(token: Token) -> str:
    """The token's lemma, from the pipeline when the lemmatizer ran, else computed on demand."""
    if token.lemma:  # set only when a lemmatizer ran (0 otherwise); O(1), unlike Doc.has_annotation
        return token.lemma_
    return lemma_of(token.text, token.tag_)
