"""General-language pairs mixed into training: WordNet, shopping synonyms, support paraphrases and,
with a dictionary, GCIDE definitions and lexical-matching pairs over text from every domain."""
import random
import re
from pathlib import Path

from . import gcide, wordnet
from .product_queries import typo
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

    def __init__(self, wordnet_dir: str, seed: int, dictionary_dir: str | None = None):
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
        if dictionary_dir:
            self._add_dictionary(gcide.load_pairs(dictionary_dir), [s.gloss for s in train.values() if s.gloss])

    def sample(self, rng: random.Random, n: int) -> list[tuple[str, str]]:
        """n pairs, no text repeated (a repeat would be a false in-batch negative)."""
        names, weights = zip(*self.weights.items())
        seen, out = set(), []
        while len(out) < n:
            pool = self.pools[rng.choices(names, weights)[0]]
            a, b = pool(rng) if callable(pool) else rng.choice(pool)
            if a in seen or b in seen:
                continue
            seen.update((a, b))
            out.append((a, b))
        return out

    def corpus(self) -> list[str]:
        """Every text of every pool, for the tokenizer's word counts."""
        return [t for pairs in self.pools.values() if not callable(pairs) for pair in pairs for t in pair]

    def _add_dictionary(self, definitions: list[tuple[str, str]], glosses: list[str]) -> None:
        """Three pools that teach the encoder words outside any demo catalog: a word and its
        definition; an entry ("faucet. A fixture for drawing a liquid…") found from a few words of
        its definition, as a need names what a thing does; any definition or gloss found from a few
        of its own words in any order, which is lexical matching on vocabulary no catalog taught."""
        entries = [f"{word}. {definition}" for word, definition in definitions]
        texts = [d for _, d in definitions] + glosses
        self.pools["dictionary"] = definitions
        self.pools["dictionary_need"] = lambda rng: _entry_from_words(entries, rng)
        self.pools["span"] = lambda rng: _text_from_words(texts, rng)
        self.weights = {"wordnet_synonym": 0.18, "wordnet_hypernym": 0.12, "wordnet_gloss": 0.12, "shopping_synonym": 0.1,
                        "support_paraphrase": 0.08, "dictionary": 0.15, "dictionary_need": 0.15, "span": 0.1}


STOP = frozenset("a an the of or and to in on for with by as at from is be that which this any one its it used who".split())


def few_words(text: str, rng: random.Random, keep_order: bool = False) -> str:
    """Two to five content words of `text`, in order or shuffled, one sometimes misspelt."""
    words = [w for w in re.findall(r"[a-z][a-z'-]+", text.lower()) if w not in STOP]
    if len(words) <= 2:
        return " ".join(words) or text
    k = rng.randint(2, min(5, len(words)))
    start = rng.randrange(0, len(words) - k + 1)
    chosen = words[start:start + k] if keep_order or rng.random() < 0.5 else rng.sample(words, k)
    if rng.random() < 0.1:
        j = rng.randrange(len(chosen))
        chosen[j] = typo(chosen[j], rng)
    return " ".join(chosen)


def _entry_from_words(entries: list[str], rng: random.Random) -> tuple[str, str]:
    entry = rng.choice(entries)
    return few_words(entry.split(". ", 1)[1], rng, keep_order=True), entry


def _text_from_words(texts: list[str], rng: random.Random) -> tuple[str, str]:
    text = rng.choice(texts)
    return few_words(text, rng), text
