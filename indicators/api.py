"""The public API (re-exported by `polcmp`): placeholder filled in below."""
from .errors import PolcmpError
def extract(*a, **k): raise NotImplementedError
compare = track = catalogue = explain = read_numbers = extract
