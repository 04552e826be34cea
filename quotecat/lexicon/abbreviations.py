"""Words written with a full stop that does not end the sentence: "Mr.", "Gen.", "Calif.", "a.m."

Lower case, without the final stop; the sentence splitter and the tokenizer read them.
"""

from typing import Final

ABBREVIATIONS: Final = set(
    """mr mrs ms dr prof sen sens rep reps gov govs col gen lt sgt capt maj adm cmdr cpl pvt
    st jr sr inc corp co ltd no nos vs etc fig jan feb mar apr jun jul aug sep sept oct nov dec
    ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont neb
    nev okla ore pa tenn tex va vt wash wis wyo rev hon pres supt dept gov't mt ft messrs mmes
    a.m p.m u.s u.n u.k e.u d.c n.y l.a i.e e.g approx est""".split()
)
# Abbreviations only when written with a capital ("Mass.", "Ill."): in lower case they are
# words that may end a sentence ("They were attending mass.").
CAPITALISED_ONLY: Final = frozenset({"mass", "ill", "miss", "wash", "ore", "fig", "mar"})
