"""`python -m romnotat` runs the command line."""

from romnotat.cli import main

main()
