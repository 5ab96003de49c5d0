"""Live processes, read from /proc: what a test checks is left behind after a stop or a kill."""

from pathlib import Path
from typing import NamedTuple


class Process(NamedTuple):
    pid: int
    parent: int
    group: int


def live_processes() -> list[Process]:
    """Every process that has not exited (zombies, already gone for good, are left out)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z":
            found.append(Process(int(stat.parent.name), int(fields[1]), int(fields[2])))
    return found
