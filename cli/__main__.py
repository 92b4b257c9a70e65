"""`python -m polcmp` (and `python -m polcmp.cli`) is the polcmp command."""
from polcmp.cli.main import run

run()
