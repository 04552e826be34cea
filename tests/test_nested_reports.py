"""A row whose cue only sets the scene for a report its content holds whole.

"Speaking to reporters, X warned that ...": the report is X's "warned"; a row of "Speaking" with the
same words as its content repeats it. Such an outer row is dropped after the cue model's gate; a row
whose cue reports (said, told, ...) keeps the report it holds ("A said B told her ..." is two rows).
The rows are built by hand from sentences written for the test (none comes from PolNeAR or Wikinews).
"""

import pytest

from quotecat.extract.records import _drop_framing
from quotecat.model import Attribution


def row(sentence: str, cue: str, source: str, content: str) -> Attribution:
    start = sentence.index(content)
    cue_start = sentence.index(cue)
    mention_start = sentence.index(source) if source else None
    return Attribution(text=content, start=start, end=start + len(content), type="indirect", cue=cue,
                       cue_start=cue_start, cue_end=cue_start + len(cue), speaker=source or None,
                       speaker_mention=source or None, mention_start=mention_start,
                       mention_end=None if mention_start is None else mention_start + len(source))


@pytest.mark.parametrize("sentence, outer, inner, kept", [
    # The scene-setting participle holds Lund's whole report: only "repeated" stays.
    ("Speaking to reporters in Oslo, Per Lund repeated that the board opposed the plan.",
     ("Speaking", "Per Lund", "Per Lund repeated that the board opposed the plan"),
     ("repeated", "Per Lund", "the board opposed the plan"), ["repeated"]),
    ("Speaking on a harbour radio show on Friday, Mayor Ann Ruiz called the levy a slow poison.",
     ("Speaking", "Mayor Ann Ruiz", "Mayor Ann Ruiz called the levy a slow poison"),
     ("called", "Mayor Ann Ruiz", "the levy a slow poison"), ["called"]),
    # A raising "considered" whose clause holds the critics' report.
    ("It made what was long considered a strength into a weakness by stressing what critics say was his record.",
     ("considered", "", "a strength into a weakness by stressing what critics say was his record"),
     ("say", "critics", "was his record"), ["say"]),
    # A reporting cue keeps the report it holds: two rows.
    ("Ann Ruiz said Per Lund told her the fees would rise.",
     ("said", "Ann Ruiz", "Per Lund told her the fees would rise"),
     ("told", "Per Lund", "the fees would rise"), ["said", "told"]),
    # The participle's content holds no other row's cue and source: it stays.
    ("Speaking softly, Dr. Kim said the trial had ended.",
     ("Speaking", "Dr. Kim", "the trial had ended"),
     ("said", "Dr. Kim", "the trial had ended"), ["Speaking", "said"]),
])
def test_a_scene_setting_row_holding_a_whole_report_is_dropped(sentence, outer, inner, kept):
    rows = [row(sentence, *outer), row(sentence, *inner)]
    assert [a.cue for a in _drop_framing(rows)] == kept
