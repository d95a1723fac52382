"""`python -m sbpac_desktop` behaves like the `sbpac-desktop` command."""

import sys

from sbpac_desktop.launcher import main

sys.exit(main())
