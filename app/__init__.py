"""Oncology market data API."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("oncology-market-api")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
