"""Contrastive training loop: in-batch InfoNCE over query→product pairs and general pairs."""
import math
import random
import time

import torch
import torch.nn.functional as F

from .model import Encoder, mean_pool
from .product_queries import make_query


def info_nce(a: torch.Tensor, b: torch.Tensor, temperature: float) -> torch.Tensor:
    """Symmetric InfoNCE: row i of a should pick row i of b among all rows, and back."""
    logits = a @ b.T / temperature
    target = torch.arange(a.shape[0], device=a.device)
    return (F.cross_entropy(logits, target) + F.cross_entropy(logits.T, target)) / 2


def embed(model: Encoder, tokenizer, texts: list[str], max_length: int, device: str) -> torch.Tensor:
    ids, mask, types = (torch.tensor(x, device=device) for x in tokenizer.encode_batch(texts, max_length))
    return mean_pool(model(ids, mask, types), mask)


def product_batch(rng: random.Random, by_category: dict, n: int, synonyms: dict, need_share: float = 0.0) -> tuple[list[str], list[str]]:
    """n (query, product text) pairs, several per category so negatives are hard ones."""
    cats = rng.sample(sorted(by_category), k=max(1, n // 8))
    chosen = {p["id"]: p for c in cats for p in rng.sample(by_category[c], k=min(8, len(by_category[c])))}
    products = list(chosen.values())[:n]
    return [make_query(p, rng, synonyms, need_share) for p in products], [p["text"] for p in products]


def lr_at(step: int, total: int, peak: float, warmup: int) -> float:
    if step < warmup:
        return peak * (step + 1) / warmup
    return peak * 0.5 * (1 + math.cos(math.pi * (step - warmup) / max(1, total - warmup)))


def save_checkpoint(path, model, opt, rng, step: int, history: list[dict], cfg: dict) -> None:
    """Everything a run needs to continue where it stopped; written atomically."""
    tmp = path.with_suffix(".tmp")
    torch.save({"model": model.state_dict(), "opt": opt.state_dict(), "rng": rng.getstate(), "torch_rng": torch.get_rng_state(),
                "step": step, "history": history, "steps": cfg["steps"]}, tmp)
    tmp.replace(path)


def train(model, tokenizer, by_category, pools, synonyms, cfg, log, checkpoint=None) -> list[dict]:
    """Runs cfg['steps'] optimisation steps; returns the loss history (one entry per log interval).
    With `checkpoint` (a path), state is saved every cfg['checkpoint_every'] steps and a run whose
    checkpoint exists continues from it, so a long run can be stopped and taken up again."""
    rng = random.Random(cfg["seed"])
    opt = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=0.01)
    history, started = [], time.time()
    step = 0
    if checkpoint is not None and checkpoint.exists():
        saved = torch.load(checkpoint)
        model.load_state_dict(saved["model"])
        opt.load_state_dict(saved["opt"])
        rng.setstate(saved["rng"])
        torch.set_rng_state(saved["torch_rng"])
        step, history, cfg["steps"] = saved["step"], saved["history"], saved["steps"]
        cfg.pop("max_seconds", None)  # the schedule was fixed when the run began
        log({"resumed_at_step": step, "steps": cfg["steps"]})
    model.train()
    while step < cfg["steps"]:
        for group in opt.param_groups:
            group["lr"] = lr_at(step, cfg["steps"], cfg["lr"], cfg["warmup"])
        queries, texts = product_batch(rng, by_category, cfg["product_batch"], synonyms, cfg.get("need_share", 0.0))
        loss = info_nce(embed(model, tokenizer, queries, cfg["query_len"], cfg["device"]),
                        embed(model, tokenizer, texts, cfg["max_len"], cfg["device"]), cfg["temperature"])
        pairs = pools.sample(rng, cfg["general_batch"])
        a, b = zip(*pairs)
        general = info_nce(embed(model, tokenizer, list(a), cfg["query_len"], cfg["device"]),
                           embed(model, tokenizer, list(b), cfg["max_len"], cfg["device"]), cfg["temperature"])
        total = loss + cfg["general_weight"] * general
        opt.zero_grad()
        total.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        if step == 4 and cfg.get("max_seconds"):
            # Fit the run into a time budget: the schedule follows the step count set here.
            per_step = (time.time() - started) / 5
            cfg["steps"] = max(5, min(cfg["steps"], int(cfg["max_seconds"] / per_step)))
            log({"seconds_per_step": round(per_step, 2), "steps": cfg["steps"]})
        if step % cfg["log_every"] == 0 or step == cfg["steps"] - 1:
            entry = {"step": step, "product_loss": round(loss.item(), 4), "general_loss": round(general.item(), 4),
                     "seconds": round(time.time() - started, 1)}
            history.append(entry)
            log(entry)
        step += 1
        if checkpoint is not None and (step % cfg.get("checkpoint_every", 50) == 0 or step == cfg["steps"]):
            save_checkpoint(checkpoint, model, opt, rng, step, history, cfg)
    model.eval()
    return history
