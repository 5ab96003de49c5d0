"""Files built once per dataset version (Parquet tables, the SQLite snapshot), kept in a
folder of the process's own until a newer version replaces them."""

import shutil
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path


class BuiltFiles:
    """`get(version, name, build)`: the file `name` of that dataset version, built by
    `build(path)` the first time it is asked for; concurrent askers wait for one build."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="oncology-exports-"))
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def get(self, version: int, name: str, build: Callable[[Path], None]) -> Path:
        folder = self.root / str(version)
        path = folder / name
        with self._lock(f"{version}/{name}"):
            if not path.exists():
                folder.mkdir(parents=True, exist_ok=True)
                partial = folder / f".{name}.partial"
                try:
                    build(partial)
                    partial.replace(path)  # atomic: a reader sees no half-built file
                finally:
                    partial.unlink(missing_ok=True)
                self._forget_older(version)
        return path

    def _lock(self, key: str) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(key, threading.Lock())

    def _forget_older(self, version: int) -> None:
        for folder in self.root.iterdir():
            if folder.name.isdigit() and int(folder.name) < version:
                # A reader still sending an older file keeps it open; unlinking is safe.
                shutil.rmtree(folder, ignore_errors=True)

    def close(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)
