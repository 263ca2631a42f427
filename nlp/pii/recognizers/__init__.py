"""One presidio recognizer per kind of personal data; see nlp/pii/registry.py for the list."""
