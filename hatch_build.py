"""Build hook: the wheel gets the package front and the catalogue at their installed places.

The repository keeps polcmp.py and rules.yaml at the top (the layout asked for); the wheel
carries them as polcmp/__init__.py, polcmp/__main__.py and polcmp/indicators/rules.yaml.
An editable install needs none of this (the checkout is on sys.path and polcmp.py is the
front), so the files are added to the standard wheel only.
"""
from hatchling.builders.hooks.plugin.interface import BuildHookInterface

PLACED = {"polcmp.py": "polcmp/__init__.py",
          "cli/__main__.py": "polcmp/__main__.py",
          "rules.yaml": "polcmp/indicators/rules.yaml"}


class PlaceFrontHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        if self.target_name == "wheel" and version == "standard":
            build_data["force_include"].update(PLACED)
