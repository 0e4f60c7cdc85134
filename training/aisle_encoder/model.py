"""A BERT-style encoder in plain PyTorch whose ONNX export transformers.js loads as `bert`."""
from dataclasses import dataclass, asdict

import torch
from torch import nn


@dataclass
class EncoderConfig:
    vocab_size: int
    hidden_size: int = 256
    num_hidden_layers: int = 4
    num_attention_heads: int = 4
    intermediate_size: int = 1024
    max_position_embeddings: int = 128
    type_vocab_size: int = 2
    layer_norm_eps: float = 1e-12
    pad_token_id: int = 0

    def hf_config(self) -> dict:
        """config.json as Hugging Face (and transformers.js) read it for model_type bert."""
        return {
            "model_type": "bert", "architectures": ["BertModel"], "hidden_act": "gelu",
            "hidden_dropout_prob": 0.0, "attention_probs_dropout_prob": 0.0,
            "initializer_range": 0.02, **asdict(self),
        }


class EncoderLayer(nn.Module):
    def __init__(self, c: EncoderConfig):
        super().__init__()
        self.heads = c.num_attention_heads
        self.qkv = nn.Linear(c.hidden_size, 3 * c.hidden_size)
        self.out = nn.Linear(c.hidden_size, c.hidden_size)
        self.ln1 = nn.LayerNorm(c.hidden_size, eps=c.layer_norm_eps)
        self.ff = nn.Sequential(nn.Linear(c.hidden_size, c.intermediate_size), nn.GELU(),
                                nn.Linear(c.intermediate_size, c.hidden_size))
        self.ln2 = nn.LayerNorm(c.hidden_size, eps=c.layer_norm_eps)

    def forward(self, x: torch.Tensor, bias: torch.Tensor) -> torch.Tensor:
        b, t, h = x.shape
        q, k, v = self.qkv(x).view(b, t, 3, self.heads, h // self.heads).permute(2, 0, 3, 1, 4)
        att = (q @ k.transpose(-1, -2)) / (h // self.heads) ** 0.5 + bias
        ctx = (att.softmax(-1) @ v).transpose(1, 2).reshape(b, t, h)
        x = self.ln1(x + self.out(ctx))
        return self.ln2(x + self.ff(x))


class Encoder(nn.Module):
    """Token, position and type embeddings, then post-norm transformer layers (BERT layout)."""

    def __init__(self, c: EncoderConfig):
        super().__init__()
        self.config = c
        self.tok = nn.Embedding(c.vocab_size, c.hidden_size, padding_idx=c.pad_token_id)
        self.pos = nn.Embedding(c.max_position_embeddings, c.hidden_size)
        self.typ = nn.Embedding(c.type_vocab_size, c.hidden_size)
        self.ln = nn.LayerNorm(c.hidden_size, eps=c.layer_norm_eps)
        self.layers = nn.ModuleList(EncoderLayer(c) for _ in range(c.num_hidden_layers))

    def forward(self, input_ids, attention_mask, token_type_ids):
        positions = torch.arange(input_ids.shape[1], device=input_ids.device).unsqueeze(0)
        x = self.ln(self.tok(input_ids) + self.pos(positions) + self.typ(token_type_ids))
        # Padding gets a large negative bias so softmax ignores it; shape (b, 1, 1, t).
        bias = (1.0 - attention_mask[:, None, None, :].to(x.dtype)) * -1e4
        for layer in self.layers:
            x = layer(x, bias)
        return x


def mean_pool(hidden: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """Mean over real tokens, L2-normalised: what the TypeScript Embedder computes."""
    m = mask.unsqueeze(-1).to(hidden.dtype)
    pooled = (hidden * m).sum(1) / m.sum(1).clamp(min=1e-9)
    return nn.functional.normalize(pooled, dim=-1)
