"""Oncology market data API."""

import tomllib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

# The code runs from its source tree (make, Docker), where pyproject.toml says the version.
_PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"
if _PYPROJECT.is_file():
    __version__: str = tomllib.loads(_PYPROJECT.read_text())["project"]["version"]
else:  # installed as a package elsewhere
    try:
        __version__ = version("oncology-market-api")
    except PackageNotFoundError:
        __version__ = "0.0.0"
