"""Trains a small WordPiece vocabulary, writes its tokenizer.json, prints our ids for tricky strings.

Usage: /usr/bin/python3 training/tests/tokenize_cases.py OUT_DIR
Writes OUT_DIR/tokenizer.json (and friends) and prints JSON:
{"max_length", "vocab", "cases" and "fuzz": [{"text", "input_ids", "attention_mask", "token_type_ids"}], "batch"}.
test/integration/training/tokenizer-parity.test.ts compares that with transformers.js.
"""
import json
import random
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from aisle_encoder.tokenizer_json import write_tokenizer  # noqa: E402
from aisle_encoder.wordpiece import WordPieceTokenizer, count_words, train_wordpiece  # noqa: E402

MAX_LENGTH = 128

CORPUS = """Blue linen sofa with oak legs, 3-seat couch for the living room.
Waterproof hiking boots for women and men; kids' sneakers in sizes 10-13.
USB-C charger 65W, fast charging cable (2 m) for laptops and phones.
Crème brûlée set: 4 ramekins + kitchen torch. Café au lait mug, 350 ml.
Stainless steel kettle 1.7 L — cordless, auto shut-off. Price: $49.99 or £39.
Men's 5'10" slim-fit shirt; women's dress size 8/10; 1/2 inch drill bit.
日本の茶碗 tea bowl, 中国 silk scarf, 한국 kimchi pot; naïve façade décor.
Headphones with noise cancelling!!! Wireless speaker... best-seller #1 (2024).
Garden hose 50ft @ 20% off; ~free shipping~ over €50 & returns in 30 days.
""" * 3

CASES = [
    "Crème brûlée", "CRÈME BRÛLÉE ramekins", "naïve façade", "Ångström Øresund Straße",
    "5'10\"", "$1,299.99", "USB-C", "kids'", "1/2 inch", "50% off!!!", "e-mail@example.com",
    "Men's size 10.5 (US)", "dash — em – en ‐ hyphen", "“smart quotes” and ‘single’", "¿Qué? ¡Sí!",
    "sofa 🛋️ couch 👍🏽", "emoji-only 🎉🎉", "日本の茶碗", "中国丝绸围巾", "𠀀𠀁 astral CJK", "한국 김치",
    "tab\tseparated\nnew line\r\nwindows", "non\u00a0breaking\u2009thin\u3000ideographic space",
    "zero\u200bwidth\u200djoiner", "soft\u00adhyphen", "bom\ufeffinside", "bell\x07and\x0bvt\x1cfs",
    "a" * 99, "b" * 100, "c" * 101, "supercalifragilisticexpialidocious", "Donaudampfschifffahrtsgesellschaft",
    "unknown ☃ ⌘ ∑ ‰ characters", "ΟΔΟΣ and İstanbul", "ﬁve ligature Ⅻ ½ ²", "NFD e\u0301 vs é",
    "tabs\t\t\tonly", "", "   ", "[CLS] literal [MASK] token [unk]", "x[SEP]y", "#hashtag ##double",
    "price:$5|size:M^2`back`~tilde{}", "€50 and £39.99", "C++ and AT&T", "日本。中国、«guillemets» … ·",
    "हिन्दी مَرْحَبًا", "OFF-WHITE™ Nike® x Sacai ©2024", "\ud800 lone surrogate",
    " ".join(["waterproof hiking boots"] * 60),
]


def fuzz_texts(n: int, seed: int) -> list[str]:
    """Random strings over every plane in use, mixed with ASCII letters and punctuation."""
    rng = random.Random(seed)
    blocks = [(0x20, 0x7F), (0x80, 0x3000), (0x3000, 0xA000), (0xA000, 0x10000), (0x10000, 0x30000)]

    def char() -> str:
        while True:
            c = chr(rng.randrange(*rng.choice(blocks)))
            # Unassigned in Python's Unicode database (14.0) may be assigned in Node's, and lone
            # surrogates cannot come from real UTF-8: neither says anything about the tokenizer.
            if unicodedata.category(c) not in ("Cn", "Cs"):
                return c
    return ["".join(char() if rng.random() < 0.5 else rng.choice("abcdefghij ,.-'") for _ in range(rng.randint(0, 30)))
            for _ in range(n)]


def encoded(tok: WordPieceTokenizer, texts: list[str]) -> list[dict]:
    rows = []
    for text in texts:
        ids, mask, types = tok.encode(text, MAX_LENGTH)
        rows.append({"text": text, "input_ids": ids, "attention_mask": mask, "token_type_ids": types})
    return rows


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    fuzz = fuzz_texts(3000, seed=11)
    vocab = train_wordpiece(count_words(CORPUS.splitlines() + fuzz[:1000]), vocab_size=1500, min_frequency=2)
    write_tokenizer(out, vocab, MAX_LENGTH)
    tok = WordPieceTokenizer(vocab)
    batch_texts = ["Crème brûlée", "USB-C charger 65W fast", "kids'"]
    ids, mask, types = tok.encode_batch(batch_texts, MAX_LENGTH)
    batch = {"texts": batch_texts, "input_ids": ids, "attention_mask": mask, "token_type_ids": types}
    print(json.dumps({"max_length": MAX_LENGTH, "vocab": vocab, "cases": encoded(tok, CASES),
                      "fuzz": encoded(tok, fuzz), "batch": batch}))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
