"""General-language pairs mixed into training: WordNet, shopping synonyms, support paraphrases."""
import random
from pathlib import Path

from . import wordnet
from .shopping_synonyms import split_groups

DATA = Path(__file__).resolve().parent.parent / "data"


def paraphrase_groups(path: Path = DATA / "support_paraphrases.txt") -> list[list[str]]:
    """Blank-line separated groups of questions that mean the same; '#' lines are comments."""
    groups, current = [], []
    for line in path.read_text().splitlines():
        if line.startswith("#"):
            continue
        if line.strip():
            current.append(line.strip())
        elif current:
            groups.append(current)
            current = []
    return groups + ([current] if current else [])


def group_pairs(groups: list[list[str]]) -> list[tuple[str, str]]:
    return [(a, b) for g in groups for a in g for b in g if a != b]


class PairPools:
    """Named pools of (a, b) pairs sampled with fixed mixture weights."""

    def __init__(self, wordnet_dir: str, seed: int):
        synsets = wordnet.load_synsets(wordnet_dir)
        train, held = wordnet.split_by_synset(synsets, holdout_fraction=0.1, seed=seed)
        shop_train, shop_held = split_groups()
        self.pools = {
            "wordnet_synonym": wordnet.synonym_pairs(train),
            "wordnet_hypernym": wordnet.hypernym_pairs(train, max_depth=2),
            "wordnet_gloss": wordnet.gloss_pairs(train),
            "shopping_synonym": group_pairs(shop_train),
            "support_paraphrase": group_pairs(paraphrase_groups()),
        }
        self.weights = {"wordnet_synonym": 0.3, "wordnet_hypernym": 0.2, "wordnet_gloss": 0.2,
                        "shopping_synonym": 0.18, "support_paraphrase": 0.12}
        self.held_out = {"wordnet_synonym": wordnet.synonym_pairs(held), "shopping_synonym": group_pairs(shop_held)}
        self.words = sorted({w for pairs in self.pools.values() for pair in pairs for w in pair if len(w) < 40})

    def sample(self, rng: random.Random, n: int) -> list[tuple[str, str]]:
        """n pairs, no text repeated (a repeat would be a false in-batch negative)."""
        names, weights = zip(*self.weights.items())
        seen, out = set(), []
        while len(out) < n:
            pool = self.pools[rng.choices(names, weights)[0]]
            a, b = rng.choice(pool)
            if a in seen or b in seen:
                continue
            seen.update((a, b))
            out.append((a, b))
        return out

    def corpus(self) -> list[str]:
        """Every text of every pool, for the tokenizer's word counts."""
        return [t for pairs in self.pools.values() for pair in pairs for t in pair]
