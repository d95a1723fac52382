"""Entry script of the frozen build: the same `main` as the `sbpac-desktop` console script."""

import sys

from sbpac_desktop.launcher import main

if __name__ == "__main__":
    sys.exit(main())
