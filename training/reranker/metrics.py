"""Ranking metrics over each search's candidates (graded labels, -1 = padding)."""

import torch

K = 10


def rank_metrics(scores: torch.Tensor, label: torch.Tensor, k: int = K) -> dict:
    """Sums of NDCG@k (gain 2^label - 1), HR@k and MRR over searches with a positive, and their count.

    Ties keep the candidates' stored order (a stable sort), so "score = -column" is the logged order.
    """
    valid = label >= 0
    has_positive = (label > 0).any(1)
    scores, label, valid = scores[has_positive], label[has_positive], valid[has_positive]
    if scores.shape[0] == 0:
        return {"n": 0, "ndcg@10": 0.0, "hr@10": 0.0, "mrr": 0.0}
    masked = scores.masked_fill(~valid, float("-inf"))
    order = torch.sort(masked, dim=1, descending=True, stable=True).indices
    ranked = torch.gather(label.clamp(min=0), 1, order)
    gains = torch.pow(2.0, ranked) - 1
    discounts = 1.0 / torch.log2(torch.arange(2, ranked.shape[1] + 2, dtype=torch.float32, device=scores.device))
    dcg = (gains[:, :k] * discounts[:k]).sum(1)
    ideal = torch.sort(label.clamp(min=0), dim=1, descending=True).values
    idcg = ((torch.pow(2.0, ideal) - 1)[:, :k] * discounts[:k]).sum(1)
    hit = (ranked[:, :k] > 0).any(1).float()
    first = (ranked > 0).float().argmax(1) + 1
    return {"n": int(scores.shape[0]), "ndcg@10": float((dcg / idcg).sum()), "hr@10": float(hit.sum()),
            "mrr": float((1.0 / first.float()).sum())}


def accumulate(total: dict, part: dict) -> None:
    for key, value in part.items():
        total[key] = total.get(key, 0) + value


def averaged(total: dict) -> dict:
    n = total.get("n", 0)
    return {"searches": n, **{key: (round(v / n, 4) if n else 0.0) for key, v in total.items() if key != "n"}}


def listwise_loss(scores: torch.Tensor, label: torch.Tensor) -> torch.Tensor:
    """Softmax cross-entropy against the graded target 2^label - 1, over each search's real candidates."""
    valid = label >= 0
    logits = scores.masked_fill(~valid, -1e9)
    target = (torch.pow(2.0, label.clamp(min=0)) - 1) * valid
    target = target / target.sum(1, keepdim=True).clamp(min=1e-9)
    return -(target * torch.log_softmax(logits, dim=1)).sum(1).mean()


