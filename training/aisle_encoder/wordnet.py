"""WordNet 3.0 from its database files (wndb(5)), as training pairs: synonyms, hypernyms, glosses."""
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

POS_FILES = {"n": "data.noun", "v": "data.verb", "a": "data.adj", "r": "data.adv"}
HYPERNYM = ("@", "@i")
SIMILAR = "&"
_MARKER = re.compile(r"\((a|p|ip)\)$")


@dataclass(frozen=True)
class Synset:
    """One synset; `key` is "<8-digit offset>-<pos>", pos one of n v a r (satellites count as a)."""
    key: str
    pos: str
    lemmas: tuple[str, ...]
    hypernyms: tuple[str, ...]
    similar: tuple[str, ...]
    gloss: str


def synset_key(offset: str, pos: str) -> str:
    """The key a synset is stored under; adjective satellites ("s") share the "a" namespace."""
    return f"{offset}-{'a' if pos == 's' else pos}"


def _lemma(word: str) -> str:
    """Underscores to spaces, syntactic markers like "(a)" removed."""
    return _MARKER.sub("", word).replace("_", " ")


def _definition(gloss: str) -> str:
    """The definition part of a gloss, without its quoted examples."""
    return gloss.split('; "', 1)[0].strip().strip(";").strip()


def parse_line(line: str) -> Synset:
    """One data-file line: offset lex_filenum ss_type w_cnt (word lex_id)* p_cnt (ptr)* [frames] | gloss."""
    fields, _, gloss = line.partition(" | ")
    f = fields.split()
    offset, pos, w_cnt = f[0], f[2], int(f[3], 16)
    lemmas = tuple(dict.fromkeys(_lemma(f[4 + 2 * i]) for i in range(w_cnt)))
    at = 4 + 2 * w_cnt
    p_cnt = int(f[at])
    hypernyms, similar = [], []
    for i in range(p_cnt):
        symbol, target, target_pos = f[at + 1 + 4 * i: at + 4 + 4 * i]
        if symbol in HYPERNYM:
            hypernyms.append(synset_key(target, target_pos))
        elif symbol == SIMILAR:
            similar.append(synset_key(target, target_pos))
    return Synset(synset_key(offset, pos), "a" if pos == "s" else pos, lemmas,
                  tuple(hypernyms), tuple(similar), _definition(gloss))


def load_synsets(path: str | Path = "/usr/share/wordnet") -> dict[str, Synset]:
    """Every synset in data.noun, data.verb, data.adj and data.adv, by key."""
    root = Path(path)
    missing = [name for name in POS_FILES.values() if not (root / name).is_file()]
    if missing:
        raise FileNotFoundError(f"WordNet files {missing} not in {root}: apt-get install wordnet-base")
    synsets: dict[str, Synset] = {}
    for name in POS_FILES.values():
        with open(root / name, encoding="utf-8") as lines:
            for line in lines:
                if not line.startswith(" "):  # the licence header lines start with two spaces
                    s = parse_line(line.rstrip("\n"))
                    synsets[s.key] = s
    return synsets


def synonym_pairs(synsets: dict[str, Synset]) -> list[tuple[str, str]]:
    """(a, b) for every two different lemmas of one synset, both orders."""
    return [(a, b) for s in synsets.values() for a in s.lemmas for b in s.lemmas
            if a.lower() != b.lower()]


def hypernym_chain(synsets: dict[str, Synset], key: str, max_depth: int) -> list[tuple[str, int]]:
    """Keys of the hypernyms of `key` up to max_depth steps up, each with its depth (1 = direct)."""
    found: dict[str, int] = {}
    frontier = [key]
    for depth in range(1, max_depth + 1):
        frontier = [h for k in frontier for h in synsets[k].hypernyms if h not in found and h in synsets]
        for h in frontier:
            found.setdefault(h, depth)
    return list(found.items())


def hypernym_pairs(synsets: dict[str, Synset], max_depth: int = 2) -> list[tuple[str, str]]:
    """(lemma, hypernym lemma) for hypernyms up to max_depth steps up: couch -> seat -> furniture."""
    pairs: dict[tuple[str, str], None] = {}
    for s in synsets.values():
        for hyper, _ in hypernym_chain(synsets, s.key, max_depth):
            for a in s.lemmas:
                for b in synsets[hyper].lemmas:
                    pairs[(a, b)] = None
    return list(pairs)


def similar_pairs(synsets: dict[str, Synset]) -> list[tuple[str, str]]:
    """(adjective, similar adjective) along WordNet's similar-to links."""
    return [(a, b) for s in synsets.values() for other in s.similar if other in synsets
            for a in s.lemmas for b in synsets[other].lemmas]


def gloss_pairs(synsets: dict[str, Synset]) -> list[tuple[str, str]]:
    """(lemma, definition) for every lemma of every synset with a definition."""
    return [(a, s.gloss) for s in synsets.values() if s.gloss for a in s.lemmas]


def split_by_synset(synsets: dict[str, Synset], holdout_fraction: float = 0.1,
                    seed: int = 0) -> tuple[dict[str, Synset], dict[str, Synset]]:
    """(train, held out): whole synsets, chosen by a hash of seed and key, so stable across runs and order."""
    def held(key: str) -> bool:
        digest = hashlib.sha1(f"{seed}:{key}".encode()).digest()
        return int.from_bytes(digest[:8], "big") / 2**64 < holdout_fraction
    train, heldout = {}, {}
    for key, s in synsets.items():
        (heldout if held(key) else train)[key] = s
    return train, heldout
