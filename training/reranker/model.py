"""Target-attention reranker (DIN's candidate-to-history attention after one BST self-attention layer).

Input names and shapes follow src/rerank/CONTRACT.md ("ONNX signature"). History slots are most
recent first and padded with kind 0; a search with no history gets a zero interest vector, so the
MLP then scores from the candidate, the query and the features alone.
"""
import math
from dataclasses import asdict, dataclass

import torch
from torch import nn

HISTORY_KINDS = 5  # 0 padding, 1 click, 2 detail_view, 3 add_to_cart, 4 purchase
GAP_BUCKETS = 21  # 0 padding, 1..20
FEATURES = 12  # cand_feat's last axis (src/rerank/features.ts FEATURE_COUNT); training reads it from meta.json
RANK_PRIOR = 4.0  # initial weight of feature 0 (rank): score gaps of ~1.4 between places 1 and 2


@dataclass
class RerankerConfig:
    id_rows: int  # item index rows; row 0 (unseen, padding) stays zero
    content_dim: int  # Dc; 0 = ids only
    features: int = FEATURES
    d: int = 64
    mlp: int = 128
    dropout: float = 0.1
    id_dropout: float = 0.0  # training only: share of item ids read as unseen (0), see forward()

    def to_dict(self) -> dict:
        return asdict(self)


class SelfAttentionLayer(nn.Module):
    """One post-norm transformer layer over the behaviour sequence (BST), padding keys masked out."""

    def __init__(self, d: int, dropout: float):
        super().__init__()
        self.qkv = nn.Linear(d, 3 * d)
        self.out = nn.Linear(d, d)
        self.norm1 = nn.LayerNorm(d)
        self.ffn = nn.Sequential(nn.Linear(d, 2 * d), nn.GELU(), nn.Linear(2 * d, d))
        self.norm2 = nn.LayerNorm(d)
        self.drop = nn.Dropout(dropout)
        self.scale = 1.0 / math.sqrt(d)

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        q, k, v = self.qkv(x).chunk(3, dim=-1)
        logits = torch.matmul(q, k.transpose(1, 2)) * self.scale  # [B, H, H]
        logits = logits.masked_fill(~mask.unsqueeze(1), -1e9)
        attended = torch.matmul(torch.softmax(logits, dim=-1), v)
        x = self.norm1(x + self.drop(self.out(attended)))
        x = self.norm2(x + self.drop(self.ffn(x)))
        return x * mask.unsqueeze(-1).to(x.dtype)


class TargetAttentionReranker(nn.Module):
    def __init__(self, config: RerankerConfig):
        super().__init__()
        self.config = config
        d = config.d
        self.item = nn.Embedding(config.id_rows, d, padding_idx=0)
        # Large enough that cand⊙interest carries signal from the first steps (0.05 learnt far slower).
        nn.init.normal_(self.item.weight, std=0.3)
        with torch.no_grad():
            self.item.weight[0].zero_()
        self.content = nn.Linear(config.content_dim, d) if config.content_dim > 0 else None
        self.query_proj = nn.Linear(config.content_dim, d) if config.content_dim > 0 else None
        self.kind = nn.Embedding(HISTORY_KINDS, d, padding_idx=0)
        self.gap = nn.Embedding(GAP_BUCKETS, d, padding_idx=0)
        self.sequence = SelfAttentionLayer(d, config.dropout)
        self.att_q = nn.Linear(d, d)
        self.att_k = nn.Linear(d, d)
        self.att_v = nn.Linear(d, d)
        self.scale = 1.0 / math.sqrt(d)
        self.mlp = nn.Sequential(
            nn.Linear(5 * d + config.features, config.mlp), nn.GELU(), nn.Dropout(config.dropout),
            nn.Linear(config.mlp, config.mlp // 2), nn.GELU(), nn.Linear(config.mlp // 2, 1),
        )
        # A linear ("wide") term over the features, starting as the non-personalised order (feature 0 is
        # 1/log2(1 + rank)) while the MLP's last layer starts at zero: training begins from the logged
        # ranking and learns what history adds to it, instead of first having to rediscover position.
        self.prior = nn.Linear(config.features, 1)
        with torch.no_grad():
            self.prior.weight.zero_()
            self.prior.bias.zero_()
            self.prior.weight[0, 0] = RANK_PRIOR
            self.mlp[-1].weight.zero_()
            self.mlp[-1].bias.zero_()

    def embed_items(self, ids: torch.Tensor, vecs: torch.Tensor) -> torch.Tensor:
        """Id embedding (zeros for index 0) plus the projected content vector (zero vector → bias only)."""
        x = self.item(ids)
        if self.content is not None:
            x = x + self.content(vecs)
        return x

    def forward(self, query, cand_vec, cand_id, cand_feat, hist_vec, hist_id, hist_kind, hist_gap):
        if self.training and self.config.id_dropout > 0:
            # Item-id dropout: with thousands of items seen a few times each, the id embeddings memorise the
            # training clicks; reading a share of ids as unseen makes the model rely on what generalises to
            # later searches (features, content, kinds) and keeps it sane for new items. Off at inference.
            cand_id = cand_id * (torch.rand(cand_id.shape, device=cand_id.device) >= self.config.id_dropout)
            hist_id = hist_id * (torch.rand(hist_id.shape, device=hist_id.device) >= self.config.id_dropout)
        cand = self.embed_items(cand_id, cand_vec)  # [B, C, d]
        mask = hist_kind > 0  # [B, H]
        hist = self.embed_items(hist_id, hist_vec) + self.kind(hist_kind) + self.gap(hist_gap)
        hist = self.sequence(hist, mask)
        logits = torch.matmul(self.att_q(cand), self.att_k(hist).transpose(1, 2)) * self.scale  # [B, C, H]
        logits = logits.masked_fill(~mask.unsqueeze(1), -1e9)
        # Multiplying by the mask after the softmax zeroes the weights of a search with no history at all
        # (its softmax over only padding would otherwise be uniform).
        weights = torch.softmax(logits, dim=-1) * mask.unsqueeze(1).to(logits.dtype)
        interest = torch.matmul(weights, self.att_v(hist))  # [B, C, d]
        if self.query_proj is not None:
            q = self.query_proj(query).unsqueeze(1).expand_as(cand)
        else:
            q = torch.zeros_like(cand)
        x = torch.cat([cand, interest, q, cand * interest, cand * q, cand_feat], dim=-1)
        return (self.mlp(x) + self.prior(cand_feat)).squeeze(-1)  # [B, C]
