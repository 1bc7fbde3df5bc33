"""``python -m newsmodel``: the command line (see :mod:`newsmodel.cli`)."""

from newsmodel.cli import main

if __name__ == "__main__":  # tools that import every module (docs builders) must not run it
    raise SystemExit(main())
