"""Writes a WordPiece vocabulary as the Hugging Face tokenizer.json that transformers.js loads."""
import json
from pathlib import Path

SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]


def tokenizer_json(vocab: list[str], max_length: int) -> dict:
    ids = {piece: i for i, piece in enumerate(vocab)}
    added = [{"id": ids[s], "content": s, "single_word": False, "lstrip": False, "rstrip": False,
              "normalized": False, "special": True} for s in SPECIALS]
    cls, sep = ["[CLS]", ids["[CLS]"]], ["[SEP]", ids["[SEP]"]]
    return {
        "version": "1.0",
        "truncation": {"direction": "Right", "max_length": max_length, "strategy": "LongestFirst", "stride": 0},
        "padding": None,
        "added_tokens": added,
        "normalizer": {"type": "BertNormalizer", "clean_text": True, "handle_chinese_chars": True,
                       "strip_accents": True, "lowercase": True},
        "pre_tokenizer": {"type": "BertPreTokenizer"},
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                       {"SpecialToken": {"id": "[SEP]", "type_id": 0}}],
            "pair": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                     {"SpecialToken": {"id": "[SEP]", "type_id": 0}}, {"Sequence": {"id": "B", "type_id": 1}},
                     {"SpecialToken": {"id": "[SEP]", "type_id": 1}}],
            "special_tokens": {"[CLS]": {"id": cls[0], "ids": [cls[1]], "tokens": [cls[0]]},
                               "[SEP]": {"id": sep[0], "ids": [sep[1]], "tokens": [sep[0]]}},
        },
        "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": True},
        "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
                  "max_input_chars_per_word": 100, "vocab": ids},
    }


def write_tokenizer(out: Path, vocab: list[str], max_length: int) -> None:
    """tokenizer.json, tokenizer_config.json and vocab.txt, as a BERT checkpoint ships them."""
    (out / "tokenizer.json").write_text(json.dumps(tokenizer_json(vocab, max_length), ensure_ascii=False))
    (out / "vocab.txt").write_text("\n".join(vocab) + "\n")
    config = {"tokenizer_class": "BertTokenizer", "do_lower_case": True, "model_max_length": max_length,
              "unk_token": "[UNK]", "sep_token": "[SEP]", "pad_token": "[PAD]", "cls_token": "[CLS]",
              "mask_token": "[MASK]", "strip_accents": None, "tokenize_chinese_chars": True}
    (out / "tokenizer_config.json").write_text(json.dumps(config, indent=2))
