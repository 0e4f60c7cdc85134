"""Held-out checks run after training: product retrieval and the synonym probe."""
import random

import torch

from .product_queries import make_query
from .train import embed


@torch.no_grad()
def embed_all(model, tokenizer, texts: list[str], max_length: int, device: str, batch: int = 256) -> torch.Tensor:
    return torch.cat([embed(model, tokenizer, texts[i:i + batch], max_length, device) for i in range(0, len(texts), batch)])


@torch.no_grad()
def product_retrieval(model, tokenizer, products: list[dict], synonyms: dict, cfg: dict, n: int = 1000) -> dict:
    """Held-out products only: does a fresh query find its product among all held-out products?"""
    rng = random.Random(cfg["seed"] + 1)
    sample = products[:n]
    docs = embed_all(model, tokenizer, [p["text"] for p in sample], cfg["max_len"], cfg["device"])
    queries = embed_all(model, tokenizer, [make_query(p, rng, synonyms) for p in sample], cfg["query_len"], cfg["device"])
    ranks = ((queries @ docs.T) > (queries * docs).sum(-1, keepdim=True)).sum(-1) + 1
    return {"products": len(sample), "acc@1": (ranks == 1).float().mean().item(),
            "acc@10": (ranks <= 10).float().mean().item(), "mrr": (1.0 / ranks.float()).mean().item()}


@torch.no_grad()
def synonym_probe(model, tokenizer, pairs: list[tuple[str, str]], distractors: list[str], cfg: dict, n: int = 500) -> dict:
    """For held-out synonym pairs (a, b): rank of b for a among b and 99 random other words."""
    rng = random.Random(cfg["seed"] + 2)
    pairs = rng.sample(pairs, k=min(n, len(pairs)))
    trials = [(a, b, [w for w in rng.sample(distractors, 120) if w not in (a, b)][:99]) for a, b in pairs]
    texts = sorted({t for a, b, others in trials for t in (a, b, *others)})
    index = {t: i for i, t in enumerate(texts)}
    vecs = embed_all(model, tokenizer, texts, cfg["query_len"], cfg["device"])
    ranks = []
    for a, b, others in trials:
        sims = vecs[[index[t] for t in (b, *others)]] @ vecs[index[a]]
        ranks.append(int((sims > sims[0]).sum().item()) + 1)
    t = torch.tensor(ranks, dtype=torch.float)
    return {"pairs": len(ranks), "candidates": 100, "mean_rank": t.mean().item(), "acc@1": (t == 1).float().mean().item(),
            "acc@10": (t <= 10).float().mean().item()}
