"""Readable summaries of analysed notes for the terminal (Norwegian bokmål)."""

from __future__ import annotations

from nlp.schema import AnalysedNote

LABEL_NAMES = {
    "challenge": "Utfordringer",
    "good_practice": "God praksis",
    "wish": "Ønsker",
    "other": "Annet",
    None: "Uten etikett",
}
SECTION_NAMES = {
    "header": "Innledende opplysninger",
    "intro_participant": "Innledning deltaker",
    "intro_professional": "Innledning fagperson",
    "challenges": "Utfordringer og problemområder",
    "good_practice": "God praksis",
    "want_more": "Hva man ønsker mer av",
    "needs_from_services": "Hva vi trenger fra tjenestene",
    "tips": "Nyttige råd og tips",
    "quotes": "Sitater",
    "takeaways": "Fra ettermøtet",
    "sharing": "Deling av kunnskapen",
    "commitments": "Forpliktende handlinger",
    "system_level": "Systemnivå",
    "unknown": "Uten overskrift",
}
PII_NAMES = {
    "PERSON": "navn",
    "LOCATION": "sted",
    "ADDRESS": "adresse",
    "ORGANIZATION": "institusjon",
    "FNR": "fødselsnummer",
    "PHONE": "telefon",
    "EMAIL": "e-post",
    "HANDLE": "brukernavn",
    "DATE": "dato",
    "AGE": "alder",
}


def _short(text: str, width: int = 100) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def summary(note: AnalysedNote) -> str:
    out = [f"== {note.source} =="]
    out += [f"Advarsel: {w}" for w in note.warnings]
    h = note.header
    facts = [
        ("Tema", h.theme),
        ("Dato", h.date),
        ("Deltakere", h.participants),
        ("Fagpersoner", h.professionals),
        ("Totalt", h.total),
        ("Tjenester", ", ".join(h.services) or None),
    ]
    out += [f"{name}: {value}" for name, value in facts if value not in (None, "")]
    out.append("")
    out.append("Deler: " + ", ".join(SECTION_NAMES.get(s.id, s.id) for s in note.sections))
    by_label: dict[str | None, list[str]] = {}
    text_of = {(i.start, i.end): i.anonymised or i.text for i in note.items}
    for item in note.items:
        mark = " (usikker)" if item.uncertain else ""
        conf = f" [{item.confidence:.2f}]" if item.confidence is not None else ""
        themes = f" {{{', '.join(item.themes)}}}" if item.themes else ""
        by_label.setdefault(item.label, []).append(
            f"  - {_short(text_of[(item.start, item.end)])}{conf}{mark}{themes}"
        )
    out.append(f"\nPunkter: {len(note.items)}")
    for label in ("challenge", "good_practice", "wish", "other", None):
        if label in by_label:
            out.append(f"{LABEL_NAMES[label]} ({len(by_label[label])}):")
            out += by_label[label]
    out.append(f"\nSitater: {len(note.quotes)}")
    out += [f"  «{_short(q.anonymised or q.text)}» ({q.speaker})" for q in note.quotes]
    if note.pii:
        counts: dict[str, int] = {}
        for span in note.pii:
            counts[span.type] = counts.get(span.type, 0) + 1
        out.append(
            "\nPersonopplysninger flagget: "
            + ", ".join(f"{PII_NAMES.get(t, t)} {n}" for t, n in sorted(counts.items()))
        )
    return "\n".join(out)
