"""Training batches, each drawn from its own seed (the run's seed and the step number), so a batch is the
same whichever process makes it: worker processes can prepare batches ahead of a fast GPU, and a run
continued from a checkpoint draws exactly the batches it would have drawn."""
import multiprocessing
import random
from collections import deque

from .product_queries import make_query

_maker = None  # the worker processes' BatchMaker, inherited through fork


def product_batch(rng: random.Random, by_category: dict, n: int, synonyms: dict, need_share: float = 0.0) -> tuple[list[str], list[str]]:
    """n (query, product text) pairs, several per category so negatives are hard ones."""
    cats = rng.sample(sorted(by_category), k=max(1, n // 8))
    chosen = {p["id"]: p for c in cats for p in rng.sample(by_category[c], k=min(8, len(by_category[c])))}
    products = list(chosen.values())[:n]
    return [make_query(p, rng, synonyms, need_share) for p in products], [p["text"] for p in products]


class BatchMaker:
    """Tokenised (query, product) and general pairs for one step."""

    def __init__(self, tokenizer, by_category: dict, pools, synonyms: dict, cfg: dict):
        self.tokenizer, self.by_category, self.pools, self.synonyms, self.cfg = tokenizer, by_category, pools, synonyms, cfg

    def make(self, step: int) -> dict:
        cfg = self.cfg
        rng = random.Random(cfg["seed"] * 1_000_003 + step)
        queries, texts = product_batch(rng, self.by_category, cfg["product_batch"], self.synonyms, cfg.get("need_share", 0.0))
        a, b = zip(*self.pools.sample(rng, cfg["general_batch"]))
        enc = self.tokenizer.encode_batch
        return {"queries": enc(queries, cfg["query_len"]), "texts": enc(texts, cfg["max_len"]),
                "general_a": enc(list(a), cfg["query_len"]), "general_b": enc(list(b), cfg["max_len"])}


def _make_in_worker(step: int) -> dict:
    return _maker.make(step)


def batches(maker: BatchMaker, start: int, workers: int, ahead: int = 32):
    """Yields maker.make(step) for step = start, start + 1, … forever; with workers > 0, forked
    processes prepare up to `ahead` batches in advance (a bounded window, so memory stays flat)."""
    if workers <= 0:
        step = start
        while True:
            yield maker.make(step)
            step += 1
    global _maker
    _maker = maker
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        pending, step = deque(), start
        while True:
            while len(pending) < ahead:
                pending.append(pool.apply_async(_make_in_worker, (step,)))
                step += 1
            yield pending.popleft().get()
