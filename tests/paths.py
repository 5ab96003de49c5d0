"""Where the tests find the project's seeds, the golden pages and the expected extraction."""

import json
from functools import cache
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = PROJECT_ROOT / "seeds"
GOLD_PATH = PROJECT_ROOT / "tests" / "seed-gold.json"
# Golden pages: the seed family's layouts, and other publishers' page structures
SAMPLES_DIR = PROJECT_ROOT / "tests" / "ingest" / "samples"
PUBLISHERS_DIR = PROJECT_ROOT / "tests" / "ingest" / "publishers"


@cache
def seed_gold() -> dict[str, Any]:
    gold: dict[str, Any] = json.loads(GOLD_PATH.read_text(encoding="utf-8"))
    return gold
