"""Reading a note's structure: header facts, sections, items and quotes."""
