"""``python -m newsmodel``: the command line (see :mod:`newsmodel.cli`)."""

from newsmodel.cli import main

raise SystemExit(main())
