"""`python -m newsgloss`: the same as the `newsgloss` command."""

from newsgloss.tui.cli import main

main()
