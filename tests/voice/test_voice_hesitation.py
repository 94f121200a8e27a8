"""Hesitations found among the decoder's noises (simulator/voice/hesitation.py), and the
decoder set up to hear them. Pure logic and a fake decoder: no pocketsphinx needed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from simulator.engine.insights.delivery import TimedWord, delivery, delivery_from_json
from simulator.voice.hesitation import NOISE_ENTRIES, Segment, heard_words, noise_dictionary
from simulator.voice.sphinx import PocketSphinx, _decoder_with_fillers
from simulator.voice.transcript import Transcript, transcript_from_json


def segments(*parts: tuple[str, float, float]) -> list[Segment]:
    return [Segment(word, start, end) for word, start, end in parts]


def test_a_sound_set_off_by_silence_is_a_guessed_um() -> None:
    heard = heard_words(
        segments(
            ("<s>", 0.0, 0.26),
            ("well", 0.26, 0.75),
            ("<sil>", 0.75, 0.92),
            ("[SPEECH]", 0.92, 1.27),
            ("<sil>", 1.27, 1.41),
            ("every(2)", 1.41, 1.8),
            ("</s>", 1.8, 2.0),
        )
    )
    assert heard == [
        TimedWord("well", 0.26, 0.75),
        TimedWord("um", 0.92, 1.27, guessed=True),
        TimedWord("every", 1.41, 1.8),
    ]


def test_the_tail_of_a_word_is_not_a_filler() -> None:
    # "... using it too." once came out as "using it to um": the sound runs straight on
    # from the word, with no silence between.
    heard = heard_words(
        segments(("it", 1.0, 1.2), ("to(2)", 1.2, 1.4), ("[SPEECH]", 1.4, 1.64), ("</s>", 1.64, 2))
    )
    assert [word.word for word in heard] == ["it", "to"]
    glued_at_start = segments(("<s>", 0, 0.3), ("[SPEECH]", 0.3, 0.5), ("wherever", 0.5, 1))
    assert [word.word for word in heard_words(glued_at_start)] == ["wherever"]


@pytest.mark.parametrize("length", [0.05, 0.11, 1.3, 3.0])
def test_too_short_or_too_long_a_sound_is_not_a_filler(length: float) -> None:
    heard = heard_words(
        segments(
            ("a", 0, 0.5), ("<sil>", 0.5, 0.7), ("[SPEECH]", 0.7, 0.7 + length), ("<sil>", 5, 6)
        )
    )
    assert [word.word for word in heard] == ["a"]


def test_a_sound_alone_in_its_utterance_is_a_filler() -> None:
    heard = heard_words(segments(("<s>", 0, 0.3), ("[SPEECH]", 0.3, 0.7), ("</s>", 0.7, 1.0)))
    assert heard == [TimedWord("um", 0.3, 0.7, guessed=True)]
    assert heard_words(segments(("[SPEECH]", 0.3, 0.7))) == heard


def test_one_sound_split_in_two_counts_once() -> None:
    heard = heard_words(
        segments(
            ("<sil>", 0, 0.3),
            ("++UH++", 0.3, 0.38),
            ("[SPEECH]", 0.4, 0.6),
            ("we", 0.6, 0.8),
        )
    )
    assert heard == [TimedWord("uh", 0.3, 0.6, guessed=True), TimedWord("we", 0.6, 0.8)]


def test_the_added_fillers_are_written_as_um_and_uh() -> None:
    heard = heard_words(
        segments(
            ("<sil>", 0, 0.2),
            ("++UM++", 0.2, 0.5),
            ("<sil>", 0.5, 0.7),
            ("++UH++", 0.7, 0.9),
            ("<sil>", 0.9, 1.0),
        )
    )
    assert [(word.word, word.guessed) for word in heard] == [("um", True), ("uh", True)]


def test_a_filler_word_is_kept_when_it_stands_apart_and_is_not_a_guess() -> None:
    apart = segments(("<sil>", 0, 0.3), ("ah", 0.3, 0.55), ("<sil>", 0.55, 0.7), ("we", 0.7, 1))
    assert heard_words(apart)[0] == TimedWord("ah", 0.3, 0.55)
    # A short "ah" inside "... and the ah understood ..." was a misheard word.
    inside = segments(("the", 0, 0.2), ("ah", 0.2, 0.37), ("understood", 0.37, 1))
    assert [word.word for word in heard_words(inside)] == ["the", "understood"]


def test_other_markers_are_left_out_and_words_spelt_plainly() -> None:
    heard = heard_words(
        segments(("[NOISE]", 0, 0.4), ("+COUGH+", 0.4, 0.6), ("WE", 0.6, 0.8), ("and(2)", 0.8, 1))
    )
    assert [word.word for word in heard] == ["we", "and"]


def test_the_noise_dictionary_gains_um_and_uh_once() -> None:
    model = "<s> SIL\n</s> SIL\n<sil> SIL\n[NOISE] +NSN+\n[SPEECH] +SPN+\n"
    made = noise_dictionary(model)
    assert made.splitlines() == [*model.splitlines(), *NOISE_ENTRIES]
    assert noise_dictionary(made) == made


class FakeDecoder:
    def __init__(self, **config: Any) -> None:
        self.config = {"frate": 100, **config}
        noise = config.get("fdict")
        # Read now, as pocketsphinx does: the file may be gone once the decoder is made.
        self.noise = Path(noise).read_text("utf-8") if noise and Path(noise).is_file() else None
        self.segments: Any = None

    def start_utt(self) -> None:
        pass

    def process_raw(self, pcm: bytes, full_utt: bool) -> None:
        pass

    def end_utt(self) -> None:
        pass

    def seg(self) -> Any:
        return self.segments


class FakePocketSphinx:
    def __init__(self, folder: Path) -> None:
        model = folder / "en-us" / "en-us"
        model.mkdir(parents=True)
        (model / "noisedict").write_text("<sil> SIL\n[SPEECH] +SPN+\n", "utf-8")
        self.folder = folder

    def get_model_path(self) -> str:
        return str(self.folder)

    def Decoder(self, **config: Any) -> FakeDecoder:  # pocketsphinx's own name
        return FakeDecoder(**config)


def test_the_decoder_hears_um_and_uh_from_a_file_that_is_gone_afterwards(tmp_path: Path) -> None:
    fake = FakePocketSphinx(tmp_path)
    decoder = _decoder_with_fillers(fake, {"lw": 6.5})
    assert decoder.config["lw"] == 6.5
    assert decoder.noise == "<sil> SIL\n[SPEECH] +SPN+\n" + "\n".join(NOISE_ENTRIES) + "\n"
    assert not Path(decoder.config["fdict"]).exists()


@pytest.mark.parametrize("options", [{"fdict": "/mine/noisedict"}, {"hmm": "/mine/model"}])
def test_a_noise_dictionary_or_model_of_the_users_own_is_left_alone(
    tmp_path: Path, options: dict[str, str]
) -> None:
    decoder = _decoder_with_fillers(FakePocketSphinx(tmp_path), options)
    assert decoder.config == {"frate": 100, "loglevel": "FATAL", **options}


def test_an_utterance_without_a_best_path_has_no_words() -> None:
    recogniser = PocketSphinx()
    decoder = FakeDecoder()
    recogniser._decoder = decoder  # as if loaded
    assert recogniser.decode(b"\0\0" * 1600) == []
    decoder.segments = []
    assert recogniser.decode(b"\0\0" * 1600, offset=2.0) == []


def test_guessed_fillers_are_counted_and_said_to_be_a_guess() -> None:
    words = [
        TimedWord("we", 0.0, 0.3),
        TimedWord("um", 0.5, 0.8, guessed=True),
        TimedWord("uh", 1.0, 1.3),
        TimedWord("shipped", 1.5, 2.0),
    ]
    measured = delivery(words, 3.0)
    assert measured.fillers == {"uh": 1, "um": 1}
    assert measured.guessed_fillers == 1
    why = {measure.name: measure for measure in measured.measures}["fillers_per_minute"]
    assert why.certainty == "low"
    assert "of the 2 counted, 1 is a sound with no word" in why.why
    assert "a guess" in why.why
    assert delivery_from_json(measured.to_json()) == measured
    alone = delivery(words[:2], 3.0)
    alone_why = {m.name: m for m in alone.measures}["fillers_per_minute"].why
    assert "the one counted is a sound with no word" in alone_why
    plain = delivery([TimedWord("uh", 1.0, 1.3)], 3.0)
    assert plain.guessed_fillers == 0
    assert "guess" not in {m.name: m for m in plain.measures}["fillers_per_minute"].why


def test_stored_measures_from_before_guessing_still_load() -> None:
    data = delivery([TimedWord("um", 0.5, 0.8)], 3.0).to_json()
    del data["guessed_fillers"]
    assert delivery_from_json(data).guessed_fillers == 0


def test_a_transcript_keeps_which_fillers_were_guessed() -> None:
    words = (TimedWord("well", 0.2, 0.5), TimedWord("um", 0.9, 1.2, guessed=True))
    transcript = Transcript(words, 2.0, "pocketsphinx")
    data = transcript.to_json()
    assert data["words"] == [
        {"word": "well", "start": 0.2, "end": 0.5},
        {"word": "um", "start": 0.9, "end": 1.2, "guessed": True},
    ]
    assert transcript_from_json(data) == transcript


def test_the_screens_and_the_command_line_say_how_many_were_guessed() -> None:
    from simulator.commands.voice import _guessed
    from simulator.services.delivery_view import delivery_rows

    words = [TimedWord("um", 0.5, 0.8, guessed=True), TimedWord("uh", 1.0, 1.3)]
    rows = {row.label: row for row in delivery_rows(delivery(words, 3.0))}
    assert rows["Fillers said"].value.endswith(": uh, um (1 guessed from sounds)")
    assert rows["Fillers said"].certainty == "low"
    plain = {row.label: row for row in delivery_rows(delivery(words[1:], 3.0))}
    assert "guessed" not in plain["Fillers said"].value
    assert _guessed(0) == ""
    assert _guessed(2) == "; 2 guessed from sounds that had no word"
