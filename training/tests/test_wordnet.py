"""WordNet reader: the file format on hand-made lines, then the real WordNet 3.0 (apt-get install wordnet-base)."""
import tempfile
import unittest
from pathlib import Path

from training.aisle_encoder.wordnet import (
    gloss_pairs, hypernym_chain, hypernym_pairs, load_synsets, parse_line, similar_pairs, split_by_synset,
    synonym_pairs,
)

WORDNET = Path("/usr/share/wordnet")
FIXTURE = {
    "data.noun": [
        "  1 This software and database is being provided to you, the LICENSEE  ",
        "00000010 06 n 02 sofa 0 couch 1 001 @ 00000020 n 0000 | an upholstered seat; \"sit on the sofa\"  ",
        "00000020 06 n 01 seat 0 001 @ 00000030 n 0000 | furniture for sitting  ",
        "00000030 06 n 03 furniture 0 piece_of_furniture 0 article_of_furniture 0 000 | furnishings  ",
        "00000040 18 n 02 Hegira 1 Hejira 1 001 @i 00000030 n 0000 | a flight  ",
    ],
    "data.verb": ["00000010 29 v 02 lounge 0 loll 0 001 @ 00000020 v 0000 01 + 02 00 | sit lazily  ",
                  "00000020 29 v 01 sit 0 000 01 + 02 00 | be seated  "],
    "data.adj": ["00000010 00 a 01 able 0 001 & 00000020 a 0000 | having the means; \"able to swim\"; \"able men\"  ",
                 "00000020 00 s 02 capable(a) 0 galore(ip) 0 001 & 00000010 a 0000 | having capacity  "],
    "data.adv": ["00000010 02 r 01 a_cappella 0 000 | without accompaniment  "],
}


class WordNetFormatTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        for name, lines in FIXTURE.items():
            (Path(cls.tmp.name) / name).write_text("\n".join(lines) + "\n")
        cls.synsets = load_synsets(cls.tmp.name)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_reads_lemmas_pos_and_definition_without_examples(self):
        sofa = self.synsets["00000010-n"]
        self.assertEqual(sofa.lemmas, ("sofa", "couch"))
        self.assertEqual(sofa.gloss, "an upholstered seat")
        self.assertEqual(self.synsets["00000010-r"].lemmas, ("a cappella",))
        self.assertEqual(len(self.synsets), 9)  # the licence header is not a synset

    def test_hypernyms_include_instance_hypernyms(self):
        self.assertEqual(self.synsets["00000010-n"].hypernyms, ("00000020-n",))
        self.assertEqual(self.synsets["00000040-n"].hypernyms, ("00000030-n",))
        self.assertEqual(self.synsets["00000010-v"].hypernyms, ("00000020-v",))

    def test_satellites_are_adjectives_with_markers_removed_and_similar_links(self):
        capable = self.synsets["00000020-a"]
        self.assertEqual((capable.pos, capable.lemmas), ("a", ("capable", "galore")))
        self.assertEqual(capable.similar, ("00000010-a",))
        self.assertIn(("able", "capable"), similar_pairs(self.synsets))

    def test_pairs(self):
        self.assertIn(("sofa", "couch"), synonym_pairs(self.synsets))
        self.assertIn(("couch", "sofa"), synonym_pairs(self.synsets))
        self.assertIn(("couch", "furniture"), hypernym_pairs(self.synsets, max_depth=2))
        self.assertNotIn(("couch", "furniture"), hypernym_pairs(self.synsets, max_depth=1))
        self.assertIn(("sofa", "an upholstered seat"), gloss_pairs(self.synsets))

    def test_a_hex_word_count_and_pointer_fields_parse(self):
        line = ("00074790 04 n 0b a 0 b 0 c 0 d 0 e 0 f 0 g 0 h 0 i 0 j 0 boo-boo 0 002 @ 00070965 n 0000 "
                "+ 02229001 a 0901 | an embarrassing mistake  ")
        s = parse_line(line)
        self.assertEqual(len(s.lemmas), 11)
        self.assertEqual(s.hypernyms, ("00070965-n",))

    def test_missing_files_name_the_package(self):
        with self.assertRaisesRegex(FileNotFoundError, "wordnet-base"):
            load_synsets(self.tmp.name + "/nowhere")


class RealWordNetTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.synsets = load_synsets(WORDNET)

    def by_lemma(self, lemma: str, pos: str = "n"):
        return [s for s in self.synsets.values() if lemma in s.lemmas and s.pos == pos]

    def test_all_of_wordnet_3_0(self):
        self.assertEqual(len(self.synsets), 117659)

    def test_couch_and_sofa_share_a_synset(self):
        self.assertTrue(any("sofa" in s.lemmas for s in self.by_lemma("couch")))

    def test_couch_reaches_furniture_within_three_steps(self):
        sofa = next(s for s in self.by_lemma("couch") if "sofa" in s.lemmas)
        up = {lemma: depth for key, depth in hypernym_chain(self.synsets, sofa.key, 3)
              for lemma in self.synsets[key].lemmas}
        self.assertEqual(up["seat"], 1)
        self.assertLessEqual(up["furniture"], 3)

    def test_training_pairs(self):
        self.assertIn(("couch", "sofa"), synonym_pairs(self.synsets))
        self.assertIn(("couch", "furniture"), hypernym_pairs(self.synsets, max_depth=2))
        self.assertIn(("sofa", "an upholstered seat for more than one person"), gloss_pairs(self.synsets))
        self.assertFalse([s for s in self.synsets.values() for x in s.lemmas if "(" in x or "_" in x])

    def test_split_holds_out_whole_synsets_deterministically(self):
        train, held = split_by_synset(self.synsets, 0.1, seed=3)
        self.assertEqual(len(train) + len(held), len(self.synsets))
        self.assertFalse(train.keys() & held.keys())
        self.assertAlmostEqual(len(held) / len(self.synsets), 0.1, delta=0.01)
        reversed_input = dict(reversed(list(self.synsets.items())))
        self.assertEqual(split_by_synset(reversed_input, 0.1, seed=3)[1].keys(), held.keys())
        self.assertNotEqual(split_by_synset(self.synsets, 0.1, seed=4)[1].keys(), held.keys())


if __name__ == "__main__":
    unittest.main()
