"""Load generation with wrk (Debian's package) on loopback: throughput and median latency."""

import os
import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

# Cycles through the given paths, one per request, so distinct queries stay distinct.
_ROTATE_PATHS = """
local paths = {%s}
local i = 0
request = function()
  i = i %% #paths + 1
  return wrk.format("GET", paths[i])
end
"""
_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}
# With two CPUs or more, servers run on the first and wrk on the last, so that the client and
# the scheduler's placement do not take turns slowing one contender and not the other.
_CPUS = sorted(os.sched_getaffinity(0))
SERVER_CPUS = {_CPUS[0]} if len(_CPUS) > 1 else set(_CPUS)
CLIENT_CPUS = {_CPUS[-1]}


def pin_to(cpus: set[int]) -> None:
    """For Popen's preexec_fn: run the child on `cpus` only."""
    os.sched_setaffinity(0, cpus)


@dataclass(frozen=True)
class LoadResult:
    requests_per_s: float
    median_ms: float


def wrk(base_url: str, paths: list[str], seconds: int, connections: int = 16) -> LoadResult:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(_ROTATE_PATHS % ", ".join(f'"{p}"' for p in paths))
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", script.name]
    output = subprocess.run(
        [*command, base_url],
        capture_output=True,
        text=True,
        check=True,
        preexec_fn=lambda: pin_to(CLIENT_CPUS),
    ).stdout
    Path(script.name).unlink()
    median = re.search(r"50%\s+([\d.]+)(us|ms|s|m)\b", output)
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    if not (median and rate):
        raise RuntimeError(f"unexpected wrk output:\n{output}")
    if errors:  # a fast error is not a fast answer
        raise RuntimeError(f"{base_url}: {errors[1]} responses were not 2xx/3xx")
    return LoadResult(
        requests_per_s=float(rate[1]),
        median_ms=float(median[1]) * _UNITS_MS[median[2]],
    )
