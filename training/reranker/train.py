"""Training loop: listwise softmax loss per search, best epoch by validation NDCG@10, seeded."""
import copy
import time

import torch

from .data import Examples
from .metrics import accumulate, averaged, listwise_loss, rank_metrics
from .model import RerankerConfig, TargetAttentionReranker

INPUTS = ("query", "cand_vec", "cand_id", "cand_feat", "hist_vec", "hist_id", "hist_kind", "hist_gap")
POPULARITY_FEATURE = 5


def model_inputs(batch: dict) -> tuple:
    return tuple(batch[name] for name in INPUTS)


def train_rows(examples: Examples) -> tuple[torch.Tensor, torch.Tensor]:
    """Searches with at least one positive (a search nobody took teaches a listwise loss nothing)."""
    positive = (examples.label > 0).any(1)
    train = ((examples.split == 0) & positive).nonzero().squeeze(1)
    valid = ((examples.split == 1) & positive).nonzero().squeeze(1)
    return train, valid


@torch.no_grad()
def evaluate(model, examples: Examples, rows: torch.Tensor, device: str, batch_size: int = 1024) -> dict:
    """Validation metrics of the model and of two non-personalised orders: as logged, and by popularity."""
    model.eval()
    totals = {"model": {}, "logged": {}, "popularity": {}}
    rows = rows[torch.sort((examples.hist_kind[rows] > 0).sum(1), stable=True).indices]
    for start in range(0, len(rows), batch_size):
        batch = examples.batch(rows[start:start + batch_size], device)
        label = batch["label"]
        logged = -torch.arange(label.shape[1], dtype=torch.float32, device=device).expand_as(label)
        accumulate(totals["model"], rank_metrics(model(*model_inputs(batch)), label))
        accumulate(totals["logged"], rank_metrics(logged, label))
        accumulate(totals["popularity"], rank_metrics(batch["cand_feat"][..., POPULARITY_FEATURE], label))
    return {name: averaged(total) for name, total in totals.items()}


def length_buckets(rows: torch.Tensor, lengths: torch.Tensor, size: int, generator: torch.Generator) -> list[torch.Tensor]:
    """Batches of similar history length in random order: a batch is cut to its longest history, so one
    heavy shopper no longer makes 127 short histories pay for 50 slots (several times faster on real logs)."""
    shuffled = rows[torch.randperm(len(rows), generator=generator)]
    ordered = shuffled[torch.sort(lengths[shuffled], stable=True).indices]
    batches = list(ordered.split(size))
    return [batches[i] for i in torch.randperm(len(batches), generator=generator).tolist()]


def silence_constant_features(model: TargetAttentionReranker, feats: torch.Tensor) -> list[int]:
    """Zeroes the MLP weights of features that are 0 in every training example (e.g. the fused score, which
    logged impressions lack). Their gradient is then 0 too, so they stay 0 and serving's values, never seen
    in training, cannot move a score. Returns those features' indices."""
    unused = [j for j in range(feats.shape[-1]) if not feats[..., j].any()]
    first = model.mlp[0]
    offset = first.in_features - feats.shape[-1]
    with torch.no_grad():
        for j in unused:
            first.weight[:, offset + j] = 0.0
            model.prior.weight[0, j] = 0.0
    return unused


def train_model(examples: Examples, params: dict, device: str, log=print) -> tuple[TargetAttentionReranker, dict]:
    """Trains for params["epochs"], more when that is under params["min_steps"] steps, at most params["max_minutes"]
    (checked after each epoch); returns the best epoch's model (by validation NDCG@10) and a report."""
    torch.manual_seed(params["seed"])
    meta = examples.meta
    config = RerankerConfig(id_rows=meta["id_rows"], content_dim=meta["content_dim"], features=meta["features"],
                            d=params["d"], mlp=params["mlp"], dropout=params["dropout"],
                            id_dropout=params.get("id_dropout", 0.0))
    model = TargetAttentionReranker(config)
    train, valid = train_rows(examples)
    if len(train) == 0:
        raise ValueError("no training search has a click, add-to-cart or purchase: nothing to learn from")
    unused = silence_constant_features(model, examples.cand_feat[train])
    model = model.to(device)
    # The wide term (a dozen feature weights, model.prior) gets its own, higher learning rate: at the deep part's
    # rate it moves ~0.05 in an epoch while the deep part has already begun memorising training searches.
    prior = list(model.prior.parameters())
    deep = [p for n, p in model.named_parameters() if not n.startswith("prior.")]
    groups = [{"params": deep}, {"params": prior, "lr": params.get("prior_lr") or params["lr"], "weight_decay": 0.0}]
    optimiser = torch.optim.AdamW(groups, lr=params["lr"], weight_decay=params["weight_decay"], foreach=True)
    generator = torch.Generator().manual_seed(params["seed"])
    lengths = (examples.hist_kind > 0).sum(1)
    started = time.monotonic()
    best, best_state, history = None, None, []
    if len(valid):
        # Epoch 0 is the starting point (the logged order, model.py): an epoch must beat it to be kept.
        start = evaluate(model, examples, valid, device)
        best, best_state = (start["model"]["ndcg@10"], 0, start), copy.deepcopy(model.state_dict())
        log(f"epoch 0: valid NDCG@10 {best[0]:.4f}")
    # A small log gives few steps per epoch; the item embeddings need a few hundred steps whatever the log's size.
    per_epoch = -(-len(train) // params["batch_size"])
    epochs = max(params["epochs"], -(-params.get("min_steps", 0) // per_epoch))
    # Validation several times an epoch (params["checks_per_epoch"]): on a few thousand searches the model can
    # pass its best within one epoch; the best check is kept. params["patience"] checks without a gain stop it.
    checks = max(1, params.get("checks_per_epoch", 1))
    at = {round(per_epoch * i / checks) for i in range(1, checks + 1)}
    patience, since_best = params.get("patience"), 0
    for epoch in range(1, epochs + 1):
        model.train()
        loss_sum, steps, stop = 0.0, 0, False
        for rows in length_buckets(train, lengths, params["batch_size"], generator):
            batch = examples.batch(rows, device)
            loss = listwise_loss(model(*model_inputs(batch)), batch["label"])
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            optimiser.step()
            loss_sum, steps = loss_sum + float(loss), steps + 1
            if steps not in at:
                continue
            point = round(epoch - 1 + steps / per_epoch, 2)
            metrics = evaluate(model, examples, valid, device) if len(valid) else None
            model.train()
            ndcg = metrics["model"]["ndcg@10"] if metrics else -loss_sum / steps
            history.append({"epoch": point, "loss": round(loss_sum / steps, 4), "valid_ndcg@10": metrics and metrics["model"]["ndcg@10"]})
            log(f"epoch {point}: loss {loss_sum / steps:.4f}" + (f", valid NDCG@10 {ndcg:.4f}" if metrics else ""))
            if best is None or ndcg > best[0]:
                best, best_state, since_best = (ndcg, point, metrics), copy.deepcopy(model.state_dict()), 0
            else:
                since_best += 1
            if patience and since_best >= patience:
                log(f"stopping at epoch {point}: no validation gain in {patience} checks")
                stop = True
                break
        if stop:
            break
        if params.get("max_minutes") and time.monotonic() - started > params["max_minutes"] * 60:
            log(f"stopping after epoch {epoch}: --max-minutes {params['max_minutes']} reached")
            break
    model.load_state_dict(best_state)
    model.eval()
    report = {
        "train_seconds": round(time.monotonic() - started, 1), "best_epoch": best[1], "epochs": history,
        "examples": {"train": len(train), "valid": len(valid)}, "config": config.to_dict(), "unused_features": unused,
        "metrics": {"valid": best[2] or {}},
    }
    return model, report
