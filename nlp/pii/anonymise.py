"""Consistent, typed Norwegian placeholders for flagged personal data.

Every mention of one entity gets the same placeholder within a note: "Kari", "Kari Hansen" and
"Karis" all become [NAVN 1]. Names, places and institutions are numbered; ages, dates, numbers
and addresses are not. Pending and accepted flags are replaced; rejected ones are left as written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from nlp.schema import AnalysedNote, PiiSpan

PLACEHOLDER = {
    "PERSON": "NAVN",
    "LOCATION": "STED",
    "ORGANIZATION": "SKOLE/INSTITUSJON",
    "AGE": "ALDER",
    "DATE": "DATO",
    "PHONE": "TELEFON",
    "EMAIL": "E-POST",
    "HANDLE": "BRUKERNAVN",
    "ADDRESS": "ADRESSE",
    "FNR": "FØDSELSNUMMER",
}
NUMBERED = {"PERSON", "LOCATION", "ORGANIZATION"}
_WORD = re.compile(r"[\wæøåÆØÅ]+(?:-[\wæøåÆØÅ]+)*")


def _name_tokens(text: str) -> frozenset[str]:
    tokens = set()
    for token in _WORD.findall(text.lower()):
        if len(token) > 2 and token.endswith("s") and not token.endswith("ss"):
            tokens.add(token[:-1])  # possessive: "karis" -> "kari"
        else:
            tokens.add(token)
    return frozenset(tokens)


def _key(span: PiiSpan) -> str:
    return " ".join(sorted(_name_tokens(span.text))) or span.text.lower()


def assign_entities(spans: Sequence[PiiSpan]) -> None:
    """Group mentions into entities and set ``span.entity`` (in place).

    Spans that already carry an entity keep it, so the placeholders a referent has seen stay
    stable while decisions are made; new spans join a matching entity or get the next number.
    Numbers follow the order of first mention.
    """
    groups: dict[str, list[tuple[set[str], str]]] = {}  # type -> [(tokens, entity)]
    for span in spans:
        if span.entity:
            entry = next((g for g in groups.setdefault(span.type, []) if g[1] == span.entity), None)
            if entry is None:
                groups[span.type].append((set(_name_tokens(span.text)), span.entity))
            else:
                entry[0].update(_name_tokens(span.text))
    fresh = sorted(
        (s for s in spans if not s.entity), key=lambda s: (-len(_name_tokens(s.text)), s.start)
    )
    pending: dict[int, tuple[str, str]] = {}  # id(span) -> (type, provisional id)
    provisional: dict[str, list[tuple[set[str], str]]] = {}
    for span in fresh:
        tokens = set(_name_tokens(span.text))
        known = groups.setdefault(span.type, []) + provisional.setdefault(span.type, [])
        match = None
        for entity_tokens, gid in known:
            if span.type == "PERSON" and tokens and tokens <= entity_tokens:
                match = gid
                break
            if span.type != "PERSON" and tokens == entity_tokens:
                match = gid
                break
        if match is None:
            match = f"?{span.type}#{len(provisional[span.type])}"
            provisional[span.type].append((tokens, match))
        if match.startswith("?"):
            pending[id(span)] = (span.type, match)
        else:
            span.entity = match
    first: dict[str, int] = {}
    for span in fresh:
        if id(span) in pending:
            gid = pending[id(span)][1]
            first[gid] = min(first.get(gid, span.start), span.start)
    used: dict[str, int] = {}
    for kind, entries in groups.items():
        used[kind] = max(
            (int(g.rsplit(" ", 1)[-1]) for _, g in entries if g.rsplit(" ", 1)[-1].isdigit()),
            default=0,
        )
    final: dict[str, str] = {}
    for gid in sorted(first, key=first.__getitem__):
        kind = gid[1:].split("#")[0]
        used[kind] = used.get(kind, 0) + 1
        final[gid] = f"{PLACEHOLDER[kind]} {used[kind]}"
    for span in fresh:
        if id(span) in pending:
            span.entity = final[pending[id(span)][1]]


def placeholder(span: PiiSpan) -> str:
    if span.type in NUMBERED and span.entity:
        return f"[{span.entity}]"
    return f"[{PLACEHOLDER[span.type]}]"


def anonymise_text(text: str, spans: Sequence[PiiSpan], offset: int = 0) -> str:
    """``text`` (which starts at ``offset`` in the note) with every non-rejected flag replaced by
    its placeholder. Flags that overlap (a referent's own flag over a model's) are replaced as
    one stretch, by the placeholder of the flag that starts first (the longest, if two do)."""
    end_of_text = offset + len(text)
    cuts = [
        (max(span.start, offset) - offset, min(span.end, end_of_text) - offset, span)
        for span in spans
        if span.status != "rejected" and span.end > offset and span.start < end_of_text
    ]
    if not cuts:
        return text
    cuts.sort(key=lambda cut: (cut[0], -cut[1]))
    parts: list[str] = []
    written = 0  # how much of ``text`` is in ``parts``, as text or under a placeholder
    for start, end, span in cuts:
        if end <= written:
            continue  # inside a stretch already replaced
        if start >= written:
            parts += [text[written:start], placeholder(span)]
        written = end
    parts.append(text[written:])
    return "".join(parts)


def anonymise_note(note: AnalysedNote) -> AnalysedNote:
    """Number entities, then fill ``anonymised_text`` and every item's and quote's anonymised text
    (in place; returns the note)."""
    assign_entities(note.pii)
    note.anonymised_text = anonymise_text(note.text, note.pii)
    for part in [*note.items, *note.quotes]:
        part.anonymised = anonymise_text(part.text, note.pii, part.start)
    return note
