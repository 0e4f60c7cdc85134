"""Makes an untrained encoder with the exact shape of all-MiniLM-L6-v2 (6 layers, hidden 384,
12 heads, intermediate 1536, 30522-piece vocabulary): the speed reference our default encoder is
compared with. Its vocabulary is ours padded with unused pieces, so tokenisation costs the same
and the benchmark isolates the model's compute.

Usage: /usr/bin/python3 training/make_reference_model.py OUR_MODEL_DIR OUT_DIR
"""
import json
import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).parent))
from aisle_encoder.export import export_model  # noqa: E402
from aisle_encoder.model import Encoder, EncoderConfig  # noqa: E402
from aisle_encoder.tokenizer_json import write_tokenizer  # noqa: E402

MINILM_VOCAB = 30522


def main(ours: Path, out: Path) -> None:
    vocab = (ours / "vocab.txt").read_text().splitlines()
    vocab += [f"[unused{i}]" for i in range(MINILM_VOCAB - len(vocab))]
    torch.manual_seed(0)
    config = EncoderConfig(vocab_size=MINILM_VOCAB, hidden_size=384, num_hidden_layers=6, num_attention_heads=12,
                           intermediate_size=1536, max_position_embeddings=512)
    export_model(Encoder(config), vocab, out, {"aisle_model_id": "minilm-l6-shape-untrained"})
    # Same truncation as our encoder, so both models see identical token sequences.
    max_length = json.loads((ours / "tokenizer_config.json").read_text())["model_max_length"]
    write_tokenizer(out, vocab, max_length)
    print(f"reference model written to {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
