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


class _Pools:
    """Two general pairs are enough for the loop."""

    def sample(self, rng, n):
        words = [("sofa", "couch"), ("lamp", "light"), ("rug", "carpet"), ("mug", "cup")]
        return words[:n]


class ResumeTest(unittest.TestCase):
    def test_a_stopped_run_continues_from_its_checkpoint(self):
        import tempfile
        from training.aisle_encoder.model import Encoder
        from training.aisle_encoder.train import train
        vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "sofa", "couch", "lamp", "light", "rug", "carpet", "mug", "cup", "blue", "red"]
        tokenizer = WordPieceTokenizer(vocab)
        products = [{"id": str(i), "title": t, "text": t, "category": ["Home", c], "tags": [], "colors": ["blue"], "materials": [],
                     "sizes": [], "brand": "", "price": 10} for i, (t, c) in enumerate([("blue sofa", "Sofas"), ("red lamp", "Lamps"), ("blue rug", "Rugs"), ("red mug", "Mugs")])]
        by_category = {p["category"][1]: [p] for p in products}
        cfg = dict(steps=4, lr=1e-3, warmup=1, temperature=0.05, general_weight=0.5, log_every=1, product_batch=4, general_batch=2,
                   query_len=8, max_len=8, device="cpu", seed=1, checkpoint_every=2)
        config = EncoderConfig(vocab_size=len(vocab), hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
                               intermediate_size=32, max_position_embeddings=8)

        class Stop(Exception):
            pass

        def stop_at_three(entry):
            if entry.get("step") == 3:
                raise Stop()

        with tempfile.TemporaryDirectory() as tmp:
            checkpoint = Path(tmp) / "checkpoint.pt"
            torch.manual_seed(1)
            with self.assertRaises(Stop):
                train(Encoder(config), tokenizer, by_category, _Pools(), {}, dict(cfg), stop_at_three, checkpoint)
            self.assertEqual(torch.load(checkpoint)["step"], 2)
            logged = []
            history = train(Encoder(config), tokenizer, by_category, _Pools(), {}, dict(cfg), logged.append, checkpoint)
            self.assertEqual(logged[0], {"resumed_at_step": 2, "steps": 4})
            self.assertEqual([h["step"] for h in history], [0, 1, 2, 3])
            self.assertEqual(torch.load(checkpoint)["step"], 4)
