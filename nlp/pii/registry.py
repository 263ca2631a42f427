"""The recognizer registry: one recognizer per kind of personal data, built from the config."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer

from nlp.pii.config import PiiConfig
from nlp.pii.recognizers.address import AddressRecognizer
from nlp.pii.recognizers.age import AgeRecognizer
from nlp.pii.recognizers.date import DateRecognizer
from nlp.pii.recognizers.email import EmailRecognizer
from nlp.pii.recognizers.fnr import FnrRecognizer
from nlp.pii.recognizers.handle import HandleRecognizer
from nlp.pii.recognizers.location import LocationRecognizer
from nlp.pii.recognizers.organization import OrganizationRecognizer
from nlp.pii.recognizers.person import PersonRecognizer
from nlp.pii.recognizers.phone import PhoneRecognizer

RECOGNIZERS: dict[str, type[EntityRecognizer]] = {
    "person": PersonRecognizer,
    "location": LocationRecognizer,
    "organization": OrganizationRecognizer,
    "fnr": FnrRecognizer,
    "phone": PhoneRecognizer,
    "email": EmailRecognizer,
    "handle": HandleRecognizer,
    "address": AddressRecognizer,
    "date": DateRecognizer,
    "age": AgeRecognizer,
}


def build_recognizers(config: PiiConfig) -> list[EntityRecognizer]:
    return [
        cls(config=config.recognizer(name))  # type: ignore[call-arg]
        for name, cls in RECOGNIZERS.items()
        if config.recognizer(name).enabled
    ]
