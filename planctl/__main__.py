"""`python -m planctl`: the same as the `planctl` command."""

from planctl.cli import main

main()
