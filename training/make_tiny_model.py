"""Makes the tiny, randomly initialised encoder the tests use: same code path as the real one, seconds to build.

Usage: /usr/bin/python3 training/make_tiny_model.py [OUT_DIR]
OUT_DIR defaults to test/fixtures/models/tiny-encoder, the committed copy the tests load (so they need no PyTorch).
"""
import string
import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).parent))
from aisle_encoder.export import export_model  # noqa: E402
from aisle_encoder.model import Encoder, EncoderConfig  # noqa: E402
from aisle_encoder.tokenizer_json import SPECIALS  # noqa: E402

WORDS = """the a and with for in of to on by from sofa couch chair table bed lamp rug desk shirt dress jacket
shoe shoes boot boots sneaker sneakers sock socks hat bag phone laptop headphones speaker camera watch kettle pan
pot knife mug toy toys game ball dog cat pet leash bowl blue red green black white grey gray navy brown pink
linen cotton wool leather oak walnut steel glass plastic wood velvet small medium large cheap under over dollars
price wireless waterproof kids women men outdoor kitchen office garden modern classic soft comfortable""".split()


def tiny_vocab() -> list[str]:
    chars = list(string.ascii_lowercase + string.digits + string.punctuation)
    return SPECIALS + chars + ["##" + c for c in string.ascii_lowercase + string.digits] + WORDS


def main(out: Path) -> None:
    torch.manual_seed(7)
    vocab = tiny_vocab()
    config = EncoderConfig(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=1,
                           num_attention_heads=2, intermediate_size=64, max_position_embeddings=64)
    export_model(Encoder(config), vocab, out, {"aisle_model_id": "aisle-tiny-test"})
    print(f"tiny encoder written to {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parents[1] / "test/fixtures/models/tiny-encoder")
