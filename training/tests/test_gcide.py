"""GCIDE reader and the dictionary pools, on a hand-made dictd file in the dictionary's own layout."""
import gzip
import random
import tempfile
import unittest
from pathlib import Path

from training.aisle_encoder.gcide import load_pairs, senses
from training.aisle_encoder.pair_pools import few_words

# Entries as dict-gcide prints them: header with pronunciation and an etymology that spans lines,
# numbered senses, indented quotations with citations, notes, obsolete senses, run-on phrases.
DICTIONARY = """00-database-info
   This file was converted from the original database.

Faucet \\Fau"cet\\, n. [F. fausset, fr. OF. faulser to falsify,
   to make a breach in.]
   A fixture for drawing a liquid, as water, from a pipe; a tap.
   [1913 Webster]

         Draw the wine from the faucet.  --Shak.
   [1913 Webster]

Hedge \\Hedge\\, n. [OE. hegge, AS. hecg; akin to [root]12.]
   1. A thicket of bushes, usually thorn bushes; especially, such a
      thicket planted as a fence.
      [1913 Webster]

   2. (Obs.) A hedge priest.
      [1913 Webster]

   Note: Hedge, when used adjectively, often means rustic.
         [1913 Webster]

   {Hedge bill}, a long-handled billhook.

SCUBA \\SCUBA\\ n.
   self-contained underwater breathing apparatus.

Sofa \\So"fa\\, n.; pl. {Sofas}. [Ar. soffah.]
   A long seat, usually with a cushioned bottom, back, and ends;
   -- much used as a comfortable piece of furniture.
   [1913 Webster]
"""


class GcideTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        with gzip.open(Path(cls.tmp.name) / "gcide.dict.dz", "wt", encoding="utf-8") as out:
            out.write(DICTIONARY)
        cls.pairs = load_pairs(cls.tmp.name)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_reads_the_first_clause_of_each_live_sense_without_etymology_or_quotations(self):
        defs = dict(self.pairs)
        self.assertEqual(defs["faucet"], "A fixture for drawing a liquid, as water, from a pipe")
        self.assertEqual(defs["sofa"], "A long seat, usually with a cushioned bottom, back, and ends")
        self.assertEqual([d for w, d in self.pairs if w == "hedge"], ["A thicket of bushes, usually thorn bushes"])

    def test_skips_headers_abbreviations_notes_and_quotations(self):
        words = {w for w, _ in self.pairs}
        self.assertEqual(words, {"faucet", "hedge", "sofa"})
        self.assertFalse(any("Shak" in d or "rustic" in d or "priest" in d for _, d in self.pairs))

    def test_missing_dictionary_says_how_to_install_it(self):
        with self.assertRaisesRegex(FileNotFoundError, "apt-get install dict-gcide"):
            load_pairs(self.tmp.name + "/nowhere")

    def test_senses_of_an_entry_without_body_is_empty(self):
        self.assertEqual(senses("Word \\Word\\, n."), [])

    def test_few_words_takes_content_words_of_the_text(self):
        rng = random.Random(3)
        for _ in range(50):
            query = few_words("A fixture for drawing a liquid from a pipe or cask", rng, keep_order=True)
            self.assertTrue(2 <= len(query.split()) <= 5)
            self.assertNotIn("for", query.split())


if __name__ == "__main__":
    unittest.main()
