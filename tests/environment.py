"""What a test needs from the machine (PostgreSQL, Chromium, nginx): when it is missing, the
test skips with the reason on a developer's machine and fails under CI, so CI never passes
by skipping."""

import os
from typing import NoReturn

import pytest


def unavailable(reason: str) -> NoReturn:
    if os.environ.get("CI"):
        pytest.fail(f"CI must run this test: {reason}", pytrace=False)
    pytest.skip(reason, allow_module_level=True)
