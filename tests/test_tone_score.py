"""The tone component: GDELT-style percentages, negation, names and page furniture left
out, and every counted word kept with an exact span."""

from __future__ import annotations

import msgspec
import pytest

from newsgraph.pipeline.components.tone import ToneScorer
from newsgraph.service import analyze
from newsgraph.store.gkg import COLUMNS, row
from newsgraph.validate import span_problems

GRIM = (
    "Floods killed at least 40 people in the river valley on Sunday, and rescuers warned that the "
    "death toll would rise. Survivors described terrifying scenes as homes collapsed. Officials said "
    "the damage was catastrophic and the response had failed the poorest villages."
)
BRIGHT = (
    "The city celebrated on Sunday as its new children's hospital opened to great praise. Parents "
    "said they were delighted and grateful, and the mayor called it a wonderful success that would "
    "help families for decades."
)


def _tone(text: str, **kw):
    record = analyze(text, **kw)
    assert span_problems(record) == []
    return record.tone


def test_tone_score_grim_story_is_negative_and_bright_story_positive():
    grim, bright = _tone(GRIM), _tone(BRIGHT)
    assert grim.tone < -3 < 3 < bright.tone
    assert {"killed", "death", "failed"} <= {w.text for w in grim.words}
    assert {"great", "delighted", "success"} <= {w.text for w in bright.words}


def test_tone_score_percentages_add_up():
    tone = _tone(GRIM)
    n_pos = sum(1 for w in tone.words if w.valence > 0)
    n_neg = sum(1 for w in tone.words if w.valence < 0)
    assert tone.positive == pytest.approx(100 * n_pos / tone.word_count, abs=1e-3)
    assert tone.negative == pytest.approx(100 * n_neg / tone.word_count, abs=1e-3)
    assert tone.tone == pytest.approx(tone.positive - tone.negative, abs=1e-3)
    assert tone.polarity == pytest.approx(tone.positive + tone.negative, abs=1e-3)
    assert 0 < tone.activity_density < 100 and tone.self_group_density == 0
    assert 30 < tone.word_count < 50


def test_tone_score_negation_flips_the_word():
    tone = _tone("The ceasefire talks were not successful, the envoy said on Monday.")
    (word,) = [w for w in tone.words if w.text == "successful"]
    assert word.negated and word.valence < 0
    assert tone.tone < 0


def test_tone_score_names_topic_words_and_function_words_are_not_tone():
    text = (
        "Hope Mbeki of the Liberty Party met the Justice Minister in Lagos. The party said interest "
        "rates, security and playing football were on the agenda, like last year."
    )
    assert {w.text for w in _tone(text).words} == set()


def test_tone_score_first_person_pronouns_are_the_self_group_density():
    tone = _tone('"We will rebuild our town and I will stay," the mayor told reporters in Kyiv.')
    assert tone.self_group_density == pytest.approx(100 * 3 / tone.word_count, abs=1e-3)  # We, our, I


def test_tone_score_skips_captions_and_credits():
    caption = "Rescuers search the ruins after the deadly attack, Monday, March 3, 2031. (AP Photo/Jo Bloggs)"
    text = f"Talks on the new bridge ended on Tuesday, officials said.\n{caption}"
    tone = _tone(text)
    assert not {"deadly", "attack"} & {w.text for w in tone.words}


def test_tone_score_is_in_the_gkg_export():
    record = analyze(GRIM, published="2031-03-09")
    fields = dict(zip(COLUMNS, row(msgspec.to_builtins(record), 1), strict=True))
    tone, positive, negative, polarity, activity, self_group, wc = fields["V1.5TONE"].split(",")
    assert float(tone) == pytest.approx(record.tone.tone, abs=1e-3) and float(negative) > float(positive)
    assert float(polarity) == pytest.approx(record.tone.polarity, abs=1e-3)
    assert activity and self_group and int(wc) > 0


def test_tone_score_settings_lexicon_and_threshold(tmp_path, make_doc, nlp):
    lexicon = tmp_path / "lexicon.tsv"
    lexicon.write_text("# word\tvalence\nbridge\t2.0\nquiet\t0.2\n", encoding="utf-8")
    doc = make_doc("The bridge was quiet on Tuesday.")
    doc.spacy = nlp(doc.text)
    tone = ToneScorer(lexicon_path=str(lexicon))(doc).tone
    assert [(w.text, w.valence) for w in tone.words] == [("bridge", 2.0)]
    tone = ToneScorer(lexicon_path=str(lexicon), min_valence=0.1)(doc).tone
    assert [w.text for w in tone.words] == ["bridge", "quiet"]
