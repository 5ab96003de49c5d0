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
# wrk stays on one CPU (the last), so that it does not wander onto the server's and slow one
# contender and not the other. Servers are not pinned: Datasette and our sync routes use threads.
_CLIENT_CPUS = {max(os.sched_getaffinity(0))}


@dataclass(frozen=True)
class LoadResult:
    requests_per_s: float
    median_ms: float


def wrk(base_url: str, paths: list[str], seconds: int, connections: int = 16) -> LoadResult:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(_ROTATE_PATHS % ", ".join(f'"{p}"' for p in paths))
    # wrk's default timeout (2 s) would drop slow answers from the count; a slow answer is still
    # an answer, and one that times out even at 30 s fails the run below.
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "30s", "--latency"]
    command += ["-s", script.name]
    output = subprocess.run(
        [*command, base_url],
        capture_output=True,
        text=True,
        check=True,
        preexec_fn=lambda: os.sched_setaffinity(0, _CLIENT_CPUS),
    ).stdout
    Path(script.name).unlink()
    median = re.search(r"50%\s+([\d.]+)(us|ms|s|m)\b", output)
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    timeouts = re.search(r"Socket errors:.*timeout (\d+)", output)
    if not (median and rate):
        raise RuntimeError(f"unexpected wrk output:\n{output}")
    if errors:  # a fast error is not a fast answer
        raise RuntimeError(f"{base_url}: {errors[1]} responses were not 2xx/3xx")
    if timeouts and int(timeouts[1]):
        raise RuntimeError(f"{base_url}: {timeouts[1]} requests timed out after 30 s")
    return LoadResult(
        requests_per_s=float(rate[1]),
        median_ms=float(median[1]) * _UNITS_MS[median[2]],
    )
