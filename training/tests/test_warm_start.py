"""Continuing from a shipped encoder: its ONNX weights read back exactly, and need-style training queries."""
import importlib.util
import json
import random
import unittest
from pathlib import Path

import torch

from training.aisle_encoder.evaluate import embed_all
from training.aisle_encoder.model import EncoderConfig
from training.aisle_encoder.product_queries import make_query, need_query
from training.aisle_encoder.wordpiece import WordPieceTokenizer

V1 = Path("models/aisle-encoder-v1")
HAS_ONNX = importlib.util.find_spec("onnx") is not None


@unittest.skipUnless(HAS_ONNX, "needs Debian's python3-onnx (apt-get install python3-onnx)")
class WarmStartTest(unittest.TestCase):
    def load(self, max_len: int):
        from training.aisle_encoder.warm_start import read_vocab, warm_start
        vocab = read_vocab(V1)
        config = EncoderConfig(vocab_size=len(vocab), hidden_size=256, num_hidden_layers=4, num_attention_heads=4,
                               intermediate_size=1024, max_position_embeddings=max_len)
        return warm_start(V1, config).eval(), WordPieceTokenizer(vocab)

    def test_reproduces_the_shipped_embeddings(self):
        model, tokenizer = self.load(64)
        parity = json.loads((V1 / "parity.json").read_text())
        got = embed_all(model, tokenizer, parity["texts"], 64, "cpu")
        self.assertLess((got - torch.tensor(parity["embeddings"])).abs().max().item(), 1e-5)

    def test_longer_inputs_keep_the_learned_positions(self):
        short, tokenizer = self.load(64)
        longer, _ = self.load(128)
        self.assertTrue(torch.equal(longer.pos.weight[:64], short.pos.weight))
        self.assertTrue(torch.equal(longer.pos.weight[100], short.pos.weight[63]))
        texts = ["a blue linen sofa under $900"]
        self.assertTrue(torch.allclose(embed_all(short, tokenizer, texts, 64, "cpu"), embed_all(longer, tokenizer, texts, 128, "cpu")))


class NeedQueryTest(unittest.TestCase):
    PRODUCT = {
        "title": "Thermal Food Jar", "category": ["Kitchen", "Storage", "Food Storage"], "tags": ["food jar"],
        "colors": [], "materials": [], "sizes": [], "brand": "", "price": 20,
        "description": "A food jar for lunches. Keeps soup and stew hot until lunchtime at work. Ships in two days.",
    }

    def test_phrases_a_need_from_the_description_never_the_opening_sentence(self):
        rng = random.Random(3)
        needs = {need_query(self.PRODUCT, rng) for _ in range(50)}
        self.assertTrue(any("hot" in n for n in needs))
        self.assertFalse(any("lunches" in n for n in needs))

    def test_a_product_without_a_description_gets_ordinary_queries(self):
        plain = dict(self.PRODUCT, description="")
        self.assertIsNone(need_query(plain, random.Random(1)))
        self.assertTrue(make_query(plain, random.Random(1), {}, need_share=1.0))


if __name__ == "__main__":
    unittest.main()
