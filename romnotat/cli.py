"""The ``romnotat`` command line. Each command checks its arguments and calls a plain function."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from nlp.errors import RomnotatError

app = typer.Typer(
    help="romnotat: leser, anonymiserer og analyserer læringsnotater fra ROM.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
model_app = typer.Typer(
    help="Den norske språkmodellen (spaCy, trent på NorNE).", no_args_is_help=True
)
app.add_typer(model_app, name="model")


@app.command()
def analyse(
    files: Annotated[
        list[str], typer.Argument(help="Notater (.txt, .md, .docx, .pdf); - for stdin.")
    ],
    as_json: Annotated[
        bool, typer.Option("--json", help="Ett JSON-objekt per fil, ett per linje.")
    ] = False,
) -> None:
    """Analyser notater: struktur, punkter, sitater og personopplysninger."""
    from nlp.readers import read_bytes, read_path

    reads = []
    for name in files:
        if name == "-":
            reads.append(read_bytes(sys.stdin.buffer.read(), source="<stdin>"))
        else:
            reads.append(read_path(Path(name)))
    for warning_read in reads:
        for warning in warning_read.warnings:
            typer.echo(f"Advarsel ({warning_read.source}): {warning}", err=True)
    from nlp.runtime import get_analyser  # models load only once the input is known to be good

    analyser = get_analyser()
    for note in analyser.analyse_many(reads):
        if as_json:
            typer.echo(json.dumps(note.model_dump(mode="json"), ensure_ascii=False))
        else:
            from romnotat.render import summary

            typer.echo(summary(note) + "\n")


@app.command()
def classify() -> None:
    """Klassifiser punkter: ett punkt per linje på standard input, JSON ut."""
    from nlp.classify.labeller import classify_lines

    lines = [line.rstrip("\n") for line in sys.stdin]
    for result in classify_lines(lines):
        typer.echo(json.dumps(result, ensure_ascii=False))


@app.command("eval")
def evaluate(
    directory: Annotated[Path, typer.Argument(help="Mappe med annoterte notater (*.json).")],
    split: Annotated[
        str | None, typer.Option(help="Bare notater med denne split (dev/test).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Mål segmentering, sitater, etiketter, temaer og personopplysninger mot fasit."""
    from nlp.evaluation.notes import evaluate_notes, load_gold
    from nlp.runtime import get_analyser

    notes = load_gold(directory, split)
    result = evaluate_notes(get_analyser(), notes)
    typer.echo(json.dumps(result, ensure_ascii=False, indent=None if as_json else 2))
    if result.get("classifier_trained_on"):
        typer.echo(
            f"Merk: klassifisereren er trent på {len(result['classifier_trained_on'])} av "
            "notatene, så etikett- og temafigurene for dem sier ikke hvordan den leser nye "
            "notater. Mål dem som nye notater med data/tools/notes_cv.py.",
            err=True,
        )


@app.command()
def train(
    if_stale: Annotated[
        bool, typer.Option("--if-stale", help="Bare tren når data eller kode er endret.")
    ] = False,
) -> None:
    """Tren klassifisereren for punkter og temaer på nytt (data/items/ og annoterte notater)."""
    from nlp.classify.labeller import classifier_dir
    from nlp.classify.staleness import is_current
    from nlp.classify.train import train_and_save

    if if_stale and is_current(classifier_dir()):
        typer.echo("Klassifisereren er oppdatert; ingenting å gjøre.")
        return
    try:
        card = train_and_save(classifier_dir())
    except ValueError as error:  # the labelled items or their batch list cannot be used
        raise RomnotatError(
            f"Treningsdataene i data/items/ eller data/notes/ kan ikke brukes ({error}).",
            "Rett filen og kjør romnotat train igjen; den forrige modellen er beholdt.",
        ) from error
    best = card["candidates"][card["selected"]]
    typer.echo(
        f"Trent {card['selected']} på {card['items']} punkter fra {card['notes']} notater "
        f"på {card['train_seconds']:.0f} s. Kryssvalidert makro-F1 (utfordring/god praksis/ønske): "
        f"{best['macro_f1_core']:.3f}; temaer mikro-F1: {card['themes']['micro']['f']:.3f}."
    )


@model_app.command("build")
def model_build(
    force: Annotated[bool, typer.Option(help="Bygg selv om modellen er oppdatert.")] = False,
) -> None:
    """Bygg den norske pipelinen fra NorNE (hoppes over når den allerede er oppdatert)."""
    from nlp.settings import get_settings
    from nlp.spacy_pipeline.build import build

    card = build(get_settings(), force=force)
    if card.get("skipped"):
        typer.echo("Språkmodellen er allerede bygget fra de samme dataene; ingenting å gjøre.")
        return
    nob = card["scores"]["nob"]
    typer.echo(
        f"Bygget {card['name']} {card['version']} på {card['build_seconds']:.0f} s. "
        f"NER F bokmål: dev {nob['dev']['f']:.3f}, test {nob['test']['f']:.3f}; "
        f"nynorsk test {card['scores']['nno']['test']['f']:.3f}."
    )


@model_app.command("eval")
def model_eval(
    as_json: Annotated[bool, typer.Option("--json")] = False,
    pii: Annotated[
        bool, typer.Option("--pii", help="Mål også personopplysnings-recall på PER (bokmål test).")
    ] = False,
) -> None:
    """P/R/F for navngitte enheter på NorNEs testdeler for bokmål og nynorsk."""
    from nlp.settings import get_settings
    from nlp.spacy_pipeline.build import ner_paths
    from nlp.spacy_pipeline.evaluate import evaluate_norne
    from nlp.spacy_pipeline.loader import load_pipeline

    settings = get_settings()
    scores = evaluate_norne(load_pipeline(), settings.norne_dir, ner_paths(settings).corpus)
    if pii:
        from nlp.evaluation.norne_pii import per_recall
        from nlp.runtime import get_analyser

        scores["pii_per_recall"] = per_recall(get_analyser(), settings.norne_dir)
    if as_json:
        typer.echo(json.dumps(scores, ensure_ascii=False))
        return
    for lang, s in scores.items():
        if lang == "pii_per_recall":
            typer.echo(
                f"Personopplysninger, PER-recall (bokmål test): {s['recall']:.3f} "
                f"({s['found']}/{s['per_entities']})"
            )
            continue
        typer.echo(f"{lang}: P {s['p']:.3f} R {s['r']:.3f} F {s['f']:.3f}")
        for label, t in s["per_type"].items():
            typer.echo(f"  {label:8} P {t['p']:.3f} R {t['r']:.3f} F {t['f']:.3f}")


from service.cli import register as _register_service  # noqa: E402  (keeps --help fast)

_register_service(app)


def main() -> None:
    """Entry point: user errors exit 2 with one line; nothing prints a traceback with note text."""
    try:
        app()
    except RomnotatError as error:
        typer.echo(f"Feil: {error}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:
        if os.environ.get("ROMNOTAT_DEBUG"):
            raise
        typer.echo(
            f"Feil: en uventet feil oppsto ({type(error).__name__}). Ingenting er lagret. "
            "Kjør igjen med ROMNOTAT_DEBUG=1 for detaljer, og meld feilen uten notattekst.",
            err=True,
        )
        sys.exit(1)


if __name__ == "__main__":
    main()
