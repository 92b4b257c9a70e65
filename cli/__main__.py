"""`python -m cli` is the polcmp command."""
from cli.main import run

run()
