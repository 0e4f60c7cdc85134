"""WordPiece for the Aisle encoder: BERT normalisation, vocabulary training, and a tokenizer that
gives the ids transformers.js gives for the tokenizer.json that tokenizer_json.py writes."""
import heapq
import re
import unicodedata
from collections import Counter, defaultdict
from typing import Iterable

from .tokenizer_json import SPECIALS

PREFIX = "##"
_SPECIAL_SPLIT = re.compile("(" + "|".join(re.escape(s) for s in SPECIALS) + ")")
# JavaScript's \s: transformers.js cleans and splits on this set, not on Python's str.isspace().
_JS_SPACE = frozenset("\t\n\v\f\r\u2028\u2029\ufeff")
_WORD, _SPACE, _PUNCT, _DROP, _CJK = range(5)


def _char_class(c: str) -> int:
    """What BERT normalisation and pre-tokenisation do with one code point."""
    cat, cp = unicodedata.category(c), ord(c)
    if cp in (0, 0xFFFD) or (c not in "\t\n\r" and cat in ("Cc", "Cf", "Co", "Cs")):
        return _DROP
    if c in _JS_SPACE or cat == "Zs":
        return _SPACE
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126 or cat.startswith("P"):
        return _PUNCT
    # BMP ideographs only: transformers.js tests UTF-16 code units, so astral CJK is never spaced.
    if 0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0xF900 <= cp <= 0xFAFF:
        return _CJK
    return _WORD


class _Table(dict):
    """A str.translate table that fills itself in on first sight of each code point."""

    def __init__(self, rule):
        super().__init__()
        self.rule = rule

    def __missing__(self, cp: int) -> str:
        self[cp] = value = self.rule(chr(cp))
        return value


_CLEAN = _Table(lambda c: {_DROP: "", _SPACE: " ", _CJK: f" {c} "}.get(_char_class(c), c))
_MARKS = _Table(lambda c: "" if unicodedata.category(c) == "Mn" else c)
_SPLIT = _Table(lambda c: f" {c} " if _char_class(c) == _PUNCT else c)


def normalize(text: str) -> str:
    """BertNormalizer(clean_text, handle_chinese_chars, strip_accents, lowercase), in transformers.js order."""
    text = text.translate(_CLEAN).lower()
    return text if text.isascii() else unicodedata.normalize("NFD", text).translate(_MARKS)


def pre_tokenize(text: str) -> list[str]:
    """Raw text to words: normalize(), then BertPreTokenizer (whitespace splits, punctuation stands alone)."""
    # After normalize() no control characters are left, so Python's whitespace is JavaScript's \s.
    return normalize(text).translate(_SPLIT).split()


def _sections(text: str) -> Iterable[tuple[bool, str]]:
    """Splits out literal special tokens, which are matched before normalisation (HF added tokens)."""
    for i, part in enumerate(_SPECIAL_SPLIT.split(text)):
        if part:
            yield i % 2 == 1, part


def count_words(texts: Iterable[str]) -> Counter:
    """Pre-tokenised word counts of a corpus: the input train_wordpiece expects."""
    counts: Counter = Counter()
    for text in texts:
        for special, part in _sections(text):
            if not special:
                counts.update(pre_tokenize(part))
    return counts


class _PairIndex:
    """Adjacent-pair counts over all words, kept up to date merge by merge, with a lazy max-heap."""

    def __init__(self, words: list[list[int]], counts: list[int]):
        self.words, self.counts = words, counts
        self.pairs: dict[tuple[int, int], int] = defaultdict(int)
        self.where: dict[tuple[int, int], set[int]] = defaultdict(set)
        for i, word in enumerate(words):
            self._count(i, word, 1)
            for pair in zip(word, word[1:]):
                self.where[pair].add(i)
        self.heap = [(-c, pair) for pair, c in self.pairs.items()]
        heapq.heapify(self.heap)

    def _count(self, i: int, word: list[int], sign: int) -> None:
        for pair in zip(word, word[1:]):
            self.pairs[pair] += sign * self.counts[i]
            if not self.pairs[pair]:
                del self.pairs[pair]

    def best(self) -> tuple[tuple[int, int], int] | None:
        """The most frequent pair (ties: smallest ids, as HF) and its count; stale entries are refreshed."""
        while self.heap:
            neg, pair = heapq.heappop(self.heap)
            current = self.pairs.get(pair, 0)
            if current == -neg:
                return pair, current
            if current > 0:
                heapq.heappush(self.heap, (-current, pair))
        return None

    def merge(self, pair: tuple[int, int], new_id: int) -> None:
        """Replaces pair by new_id in every word holding it; only pairs with new_id can grow."""
        grown = set()
        for i in self.where.pop(pair, ()):
            old = self.words[i]
            new = _merge_word(old, pair, new_id)
            self._count(i, old, -1)
            self._count(i, new, 1)
            old_pairs, new_pairs = set(zip(old, old[1:])), set(zip(new, new[1:]))
            for p in old_pairs - new_pairs:
                if p != pair:
                    self.where[p].discard(i)
            for p in new_pairs - old_pairs:
                self.where[p].add(i)
            grown.update(p for p in new_pairs if new_id in p)
            self.words[i] = new
        for p in grown:
            heapq.heappush(self.heap, (-self.pairs[p], p))


def _merge_word(word: list[int], pair: tuple[int, int], new_id: int) -> list[int]:
    """Left-to-right, non-overlapping replacement of pair in one word."""
    out, i, n = [], 0, len(word)
    while i < n:
        if i + 1 < n and word[i] == pair[0] and word[i + 1] == pair[1]:
            out.append(new_id)
            i += 2
        else:
            out.append(word[i])
            i += 1
    return out


def train_wordpiece(word_counts: dict[str, int], vocab_size: int, min_frequency: int = 2) -> list[str]:
    """Specials, the alphabet (characters seen min_frequency times, plain and ## forms), then BPE merges
    in order while the best pair is seen min_frequency times, until vocab_size (HF WordPieceTrainer)."""
    chars: Counter = Counter()
    for word, n in word_counts.items():
        for c in word:
            chars[c] += n
    alphabet = sorted((c for c, n in chars.items() if n >= min_frequency), key=ord)
    vocab = SPECIALS + alphabet + [PREFIX + c for c in alphabet]
    ids = {piece: i for i, piece in enumerate(vocab)}
    words, counts = [], []
    for word, n in word_counts.items():
        # A word with a character outside the alphabet can only ever be [UNK]: it teaches no merges.
        if word and all(c in ids for c in word):
            words.append([ids[word[0]]] + [ids[PREFIX + c] for c in word[1:]])
            counts.append(n)
    index = _PairIndex(words, counts)
    while len(vocab) < vocab_size:
        top = index.best()
        if top is None or top[1] < min_frequency:
            break
        (a, b), _ = top
        piece = vocab[a] + vocab[b].removeprefix(PREFIX)
        if piece not in ids:
            ids[piece] = len(vocab)
            vocab.append(piece)
        index.merge((a, b), ids[piece])
    return vocab


class WordPieceTokenizer:
    """Greedy longest-match-first WordPiece with [CLS]/[SEP], id for id what transformers.js returns."""

    def __init__(self, vocab: list[str], max_input_chars_per_word: int = 100):
        self.vocab = list(vocab)
        self.ids = {piece: i for i, piece in enumerate(self.vocab)}
        self.unk_id, self.cls_id, self.sep_id = (self.ids[t] for t in ("[UNK]", "[CLS]", "[SEP]"))
        self.pad_id = self.ids["[PAD]"]
        self.max_chars = max_input_chars_per_word
        self.longest = max(len(p) for p in self.vocab)
        self._cache: dict[str, list[str]] = {}

    def _word(self, word: str) -> list[str]:
        """One pre-tokenised word as pieces, or ["[UNK]"] when any part has no piece."""
        if len(word) > self.max_chars:
            return ["[UNK]"]
        pieces, start = [], 0
        while start < len(word):
            for end in range(min(len(word), start + self.longest), start, -1):
                piece = word[start:end] if start == 0 else PREFIX + word[start:end]
                if piece in self.ids:
                    break
            else:
                return ["[UNK]"]
            pieces.append(piece)
            start = end
        return pieces

    def tokenize(self, text: str) -> list[str]:
        """Pieces without [CLS]/[SEP]; literal special tokens in the text stay whole."""
        pieces = []
        for special, part in _sections(text):
            if special:
                pieces.append(part)
                continue
            for word in pre_tokenize(part):
                if word not in self._cache:
                    if len(self._cache) >= 1_000_000:  # bounded memory over a long training run
                        self._cache.clear()
                    self._cache[word] = self._word(word)
                pieces.extend(self._cache[word])
        return pieces

    def encode(self, text: str, max_length: int = 128) -> tuple[list[int], list[int], list[int]]:
        """(input_ids, attention_mask, token_type_ids); like transformers.js, truncation cuts [SEP] too."""
        ids = [self.cls_id] + [self.ids.get(p, self.unk_id) for p in self.tokenize(text)] + [self.sep_id]
        ids = ids[:max_length]
        return ids, [1] * len(ids), [0] * len(ids)

    def encode_batch(self, texts: list[str], max_length: int = 128) -> tuple[list[list[int]], ...]:
        """Encodes each text, then pads to the longest in the batch with [PAD] (mask 0)."""
        rows = [self.encode(t, max_length) for t in texts]
        width = max((len(ids) for ids, _, _ in rows), default=0)

        def pad(column: int, value: int) -> list[list[int]]:
            return [r[column] + [value] * (width - len(r[column])) for r in rows]
        return pad(0, self.pad_id), pad(1, 0), pad(2, 0)
