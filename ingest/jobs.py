"""One parse job: a file's bytes in, its report or the reason it is none out. Runs in worker
processes (file ingests) and in the upload parser's child process."""

import ctypes
import ctypes.util
import hashlib
import os
import signal
import sys
from pathlib import Path

from ingest.errors import ReportParseError
from ingest.limits import check_size, parse_time_limit
from ingest.parse import parse_report_bytes
from ingest.report import ParseResult

_PR_SET_PDEATHSIG = 1


def die_with_parent(parent_pid: int) -> None:
    """Worker initializer: the kernel stops this worker when its parent dies, even by SIGKILL,
    so that a killed ingest leaves no parse workers behind (Linux; elsewhere a no-op). A parent
    already gone before this ran (killed between fork and here) ends the worker at once."""
    if sys.platform != "linux":
        return
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent_pid:
        os._exit(1)


def parse_job(job: tuple[str, bytes], seconds: float | None = None) -> ParseResult:
    """Any error becomes this file's failure reason, never a crash."""
    file, data = job
    sha256 = hashlib.sha256(data).hexdigest()
    try:
        check_size(len(data))
        with parse_time_limit(seconds):
            report = parse_report_bytes(data, file_name=Path(file).name, sha256=sha256)
        return ParseResult(file, sha256, report=report)
    except ReportParseError as error:
        return ParseResult(file, sha256, error=str(error))
    except Exception as error:  # a parser bug must fail this file only
        return ParseResult(file, sha256, error=f"parser error: {type(error).__name__}: {error}")
