"""Scoring the pipeline against annotated notes (data/notes/) and against NorNE."""
