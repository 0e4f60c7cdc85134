"""Contrastive training loop: in-batch InfoNCE over query→product pairs and general pairs."""
import math
import time

import torch
import torch.nn.functional as F

from .batches import BatchMaker, batches
from .model import Encoder, mean_pool


def info_nce(a: torch.Tensor, b: torch.Tensor, temperature: float) -> torch.Tensor:
    """Symmetric InfoNCE: row i of a should pick row i of b among all rows, and back."""
    logits = a @ b.T / temperature
    target = torch.arange(a.shape[0], device=a.device)
    return (F.cross_entropy(logits, target) + F.cross_entropy(logits.T, target)) / 2


def embed(model: Encoder, tokenizer, texts: list[str], max_length: int, device: str) -> torch.Tensor:
    return embed_tokens(model, tokenizer.encode_batch(texts, max_length), device)


def embed_tokens(model: Encoder, encoded: tuple, device: str) -> torch.Tensor:
    ids, mask, types = (torch.tensor(x, device=device) for x in encoded)
    return mean_pool(model(ids, mask, types), mask)


def lr_at(step: int, total: int, peak: float, warmup: int) -> float:
    if step < warmup:
        return peak * (step + 1) / warmup
    return peak * 0.5 * (1 + math.cos(math.pi * (step - warmup) / max(1, total - warmup)))


def save_checkpoint(path, model, opt, step: int, history: list[dict], cfg: dict) -> None:
    """Everything a run needs to continue where it stopped (batches follow from the step); written atomically."""
    tmp = path.with_suffix(".tmp")
    torch.save({"model": model.state_dict(), "opt": opt.state_dict(), "torch_rng": torch.get_rng_state(),
                "step": step, "history": history, "steps": cfg["steps"]}, tmp)
    tmp.replace(path)


def train(model, tokenizer, by_category, pools, synonyms, cfg, log, checkpoint=None) -> list[dict]:
    """Runs cfg['steps'] optimisation steps; returns the loss history (one entry per log interval).
    With `checkpoint` (a path), state is saved every cfg['checkpoint_every'] steps and a run whose
    checkpoint exists continues from it, so a long run can be stopped and taken up again.
    cfg['workers'] > 0 prepares batches in that many forked processes (for a GPU the main process
    alone cannot keep busy); cfg['max_seconds'] fits the schedule into a time budget, measured once
    the first steps (and any GPU warm-up) are behind it."""
    opt = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=0.01)
    history, started = [], time.time()
    step = 0
    if checkpoint is not None and checkpoint.exists():
        saved = torch.load(checkpoint)
        model.load_state_dict(saved["model"])
        opt.load_state_dict(saved["opt"])
        torch.set_rng_state(saved["torch_rng"])
        step, history, cfg["steps"] = saved["step"], saved["history"], saved["steps"]
        cfg.pop("max_seconds", None)  # the schedule was fixed when the run began
        log({"resumed_at_step": step, "steps": cfg["steps"]})
    model.train()
    device = cfg["device"]
    source = batches(BatchMaker(tokenizer, by_category, pools, synonyms, cfg), step, cfg.get("workers", 0))
    pace_from, pace_steps = None, 0
    while step < cfg["steps"]:
        for group in opt.param_groups:
            group["lr"] = lr_at(step, cfg["steps"], cfg["lr"], cfg["warmup"])
        batch = next(source)
        loss = info_nce(embed_tokens(model, batch["queries"], device), embed_tokens(model, batch["texts"], device), cfg["temperature"])
        general = info_nce(embed_tokens(model, batch["general_a"], device), embed_tokens(model, batch["general_b"], device),
                           cfg["temperature"])
        total = loss + cfg["general_weight"] * general
        opt.zero_grad()
        total.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        if cfg.get("max_seconds"):
            pace_steps += 1
            if pace_steps == 5:
                pace_from = time.time()  # the first steps pay for start-up and GPU warm-up: not counted
            elif pace_steps == 25:
                per_step = (time.time() - pace_from) / 20
                left = cfg["max_seconds"] - (time.time() - started)
                cfg["steps"] = max(step + 1, min(cfg["steps"], step + 1 + int(left / per_step)))
                log({"seconds_per_step": round(per_step, 3), "steps": cfg["steps"]})
        if step % cfg["log_every"] == 0 or step == cfg["steps"] - 1:
            entry = {"step": step, "product_loss": round(loss.item(), 4), "general_loss": round(general.item(), 4),
                     "seconds": round(time.time() - started, 1)}
            history.append(entry)
            log(entry)
        step += 1
        if checkpoint is not None and (step % cfg.get("checkpoint_every", 50) == 0 or step == cfg["steps"]):
            save_checkpoint(checkpoint, model, opt, step, history, cfg)
    source.close()
    model.eval()
    return history
