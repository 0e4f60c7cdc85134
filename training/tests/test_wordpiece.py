"""WordPiece: BERT normalisation, the incremental trainer against a naive one, and the tokenizer."""
import random
import unittest
from collections import Counter

from training.aisle_encoder.tokenizer_json import SPECIALS
from training.aisle_encoder.wordpiece import (
    WordPieceTokenizer, count_words, normalize, pre_tokenize, train_wordpiece,
)

TOY = {"hug": 10, "pug": 5, "pun": 12, "bun": 4, "hugs": 5}
TOY_ALPHABET = list("bghnpsu") + ["##" + c for c in "bghnpsu"]


def naive_wordpiece(word_counts: dict[str, int], vocab_size: int, min_frequency: int) -> list[str]:
    """Recounts every pair before every merge: slow, obviously right, the reference for the fast one."""
    chars = Counter()
    for word, n in word_counts.items():
        for c in word:
            chars[c] += n
    alphabet = sorted((c for c, n in chars.items() if n >= min_frequency), key=ord)
    vocab = SPECIALS + alphabet + ["##" + c for c in alphabet]
    words = [([w[0]] + ["##" + c for c in w[1:]], n) for w, n in word_counts.items() if all(c in alphabet for c in w)]
    while len(vocab) < vocab_size:
        pairs = Counter()
        for symbols, n in words:
            for pair in zip(symbols, symbols[1:]):
                pairs[pair] += n
        if not pairs:
            break
        (a, b), count = min(pairs.items(), key=lambda kv: (-kv[1], vocab.index(kv[0][0]), vocab.index(kv[0][1])))
        if count < min_frequency:
            break
        piece = a + b[2:]
        vocab += [] if piece in vocab else [piece]
        words = [(merge(symbols, a, b, piece), n) for symbols, n in words]
    return vocab


def merge(symbols: list[str], a: str, b: str, piece: str) -> list[str]:
    out, i = [], 0
    while i < len(symbols):
        if symbols[i:i + 2] == [a, b]:
            out.append(piece)
            i += 2
        else:
            out.append(symbols[i])
            i += 1
    return out


class NormalizeTest(unittest.TestCase):
    def test_lowercases_and_strips_accents(self):
        self.assertEqual(normalize("Crème BRÛLÉE naïve Ångström"), "creme brulee naive angstrom")

    def test_removes_controls_and_maps_whitespace_to_spaces(self):
        # \x0b (vertical tab) is a control character first, so it goes rather than becoming a space.
        self.assertEqual(normalize("a\tb\nc\u00a0d\x07e\u200bf\ufeffg\x0bh"), "a b c defgh")

    def test_spaces_cjk_ideographs(self):
        self.assertEqual(pre_tokenize("日本の茶碗"), ["日", "本", "の", "茶", "碗"])

    def test_every_punctuation_character_is_its_own_word(self):
        cases = {"5'10\"": ["5", "'", "10", '"'], "$1,299.99": ["$", "1", ",", "299", ".", "99"],
                 "USB-C": ["usb", "-", "c"], "kids'": ["kids", "'"], "1/2 inch": ["1", "/", "2", "inch"],
                 "«¿Qué?»": ["«", "¿", "que", "?", "»"], "a^b`c~d": ["a", "^", "b", "`", "c", "~", "d"],
                 "€5 ©2024": ["€5", "©2024"]}  # currency signs and © are symbols (S*), not punctuation
        for text, words in cases.items():
            self.assertEqual(pre_tokenize(text), words, text)


class TrainTest(unittest.TestCase):
    def test_toy_corpus_merges_in_frequency_order(self):
        vocab = train_wordpiece(TOY, vocab_size=100)
        self.assertEqual(vocab[:5], SPECIALS)
        self.assertEqual(vocab[5:19], TOY_ALPHABET)
        self.assertEqual(vocab[19:], ["##ug", "##un", "hug", "pun", "pug", "hugs", "bun"])

    def test_stops_at_vocab_size_and_min_frequency(self):
        self.assertEqual(train_wordpiece(TOY, vocab_size=21)[19:], ["##ug", "##un"])
        frequent = train_wordpiece(TOY, vocab_size=100, min_frequency=6)
        self.assertNotIn("b", frequent)  # seen 4 times: out of the alphabet, and "bun" teaches nothing
        # ("h", "##u") and ("##u", "##g") tie at 10: the pair with the smaller ids wins, as in HF.
        self.assertEqual(frequent[15:], ["pu", "pun", "hu", "hug"])
        self.assertEqual(frequent, naive_wordpiece(TOY, 100, 6))

    def test_rare_characters_stay_out_of_the_alphabet(self):
        vocab = train_wordpiece({"hug": 10, "zebra": 1}, vocab_size=100)
        self.assertNotIn("z", vocab)
        self.assertNotIn("##z", vocab)

    def test_matches_a_naive_trainer_on_a_random_corpus(self):
        rng = random.Random(7)
        for trial in range(5):
            corpus = {"".join(rng.choice("aabcde") for _ in range(rng.randint(1, 9))): rng.randint(1, 30)
                      for _ in range(300)}
            with self.subTest(trial=trial):
                self.assertEqual(train_wordpiece(corpus, 120), naive_wordpiece(corpus, 120, 2))

    def test_count_words_normalises_and_pre_tokenises(self):
        self.assertEqual(count_words(["Sofa, SOFA!", "sofá [MASK]"]), Counter({"sofa": 3, ",": 1, "!": 1}))


class TokenizerTest(unittest.TestCase):
    def setUp(self):
        self.tok = WordPieceTokenizer(train_wordpiece(TOY, vocab_size=100))

    def test_greedy_longest_match_with_continuations(self):
        self.assertEqual(self.tok.tokenize("Hugs bugs PUG"), ["hugs", "b", "##ug", "##s", "pug"])

    def test_a_word_with_an_unmatched_part_is_one_unk(self):
        self.assertEqual(self.tok.tokenize("hug mugs hug"), ["hug", "[UNK]", "hug"])

    def test_words_over_100_characters_are_unk(self):
        self.assertEqual(self.tok.tokenize("u" * 100)[:2], ["u", "##u"])
        self.assertEqual(self.tok.tokenize("u" * 101), ["[UNK]"])

    def test_literal_special_tokens_stay_whole(self):
        self.assertEqual(self.tok.tokenize("hug[MASK]pun [unk]"), ["hug", "[MASK]", "pun", "[UNK]", "[UNK]", "[UNK]"])

    def test_encode_adds_cls_and_sep_and_truncates_like_transformers_js(self):
        ids = self.tok.ids
        self.assertEqual(self.tok.encode("hug pun"), ([ids["[CLS]"], ids["hug"], ids["pun"], ids["[SEP]"]],
                                                      [1, 1, 1, 1], [0, 0, 0, 0]))
        self.assertEqual(self.tok.encode("hug pun bun", max_length=3)[0], [ids["[CLS]"], ids["hug"], ids["pun"]])

    def test_encode_batch_pads_to_the_longest(self):
        ids, mask, types = self.tok.encode_batch(["hug", "hug pun"])
        self.assertEqual([len(r) for r in ids], [4, 4])
        self.assertEqual((ids[0][-1], mask[0], types[0]), (0, [1, 1, 1, 0], [0, 0, 0, 0]))


if __name__ == "__main__":
    unittest.main()
