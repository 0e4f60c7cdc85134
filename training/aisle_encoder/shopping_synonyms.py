"""Shopping words people use for catalog words (training/data/shopping_synonyms.txt).

Each group is interchangeable in a query. Held-out groups are chosen by `split_groups` so the
synonym probe measures generalisation, not memorisation.
"""
import random
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "shopping_synonyms.txt"


def load_groups(path: Path = DATA) -> list[list[str]]:
    """One comma-separated group per line; '#' starts a comment line."""
    lines = path.read_text().splitlines()
    return [[w.strip() for w in line.split(",") if w.strip()] for line in lines if line.strip() and not line.startswith("#")]


GROUPS = load_groups()


def split_groups(holdout_fraction: float = 0.15, seed: int = 13) -> tuple[list[list[str]], list[list[str]]]:
    """Deterministic (train, held-out) split of whole synonym groups."""
    rng = random.Random(seed)
    order = list(range(len(GROUPS)))
    rng.shuffle(order)
    cut = int(len(GROUPS) * holdout_fraction)
    held = set(order[:cut])
    return [g for i, g in enumerate(GROUPS) if i not in held], [g for i, g in enumerate(GROUPS) if i in held]
