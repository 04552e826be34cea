"""The catalogue across articles (quotecat.rows ids, quotecat.fold): one person one speaker, with the
forms the articles used; gender from the articles' evidence; organisations canonical; and the fold
giving the same rows on --update as on a full rebuild."""

import json
import random
import re
import sqlite3

import pytest

from quotecat import fold
from quotecat.build import build
from quotecat.extract.sources import UNNAMED
from quotecat.fold import decide_gender, decide_role_class, decide_source_type
from quotecat.rows import clean_name, expansion_in, organization_id, person_key
from collections import Counter


def ignore(message):
    pass


def catalogue(tmp_path, articles: dict[str, str], name="quotes.db", **options) -> sqlite3.Connection:
    folder = tmp_path / "articles"
    folder.mkdir(exist_ok=True)
    for file, body in articles.items():
        (folder / f"{file}.txt").write_text(f"{file.replace('-', ' ').title()}\n\n{body}\n", encoding="utf-8")
    build([folder], tmp_path / name, warn=ignore, **options)
    conn = sqlite3.connect(tmp_path / name)
    conn.row_factory = sqlite3.Row
    return conn


def speaker_of(conn, article: str, words: str) -> sqlite3.Row:
    return conn.execute("select speakers.* from quotes join speakers on speakers.id = quotes.speaker_id "
                        "where quotes.article_id = ? and quotes.text like ?", [article, f"%{words}%"]).fetchone()


# --- names as keys -------------------------------------------------------------------------------


@pytest.mark.parametrize("name, cleaned, key", [
    ("Donald J. Trump", "Donald J. Trump", ("donald j trump", "donald trump", "trump", "j")),
    ("Donald Trump", "Donald Trump", ("donald trump", "donald trump", "trump", "")),
    ("Trump's", "Trump", ("trump", None, "trump", "")),
    ("Rival Hillary Clinton", "Hillary Clinton", ("hillary clinton", "hillary clinton", "clinton", "")),
    ("Former Vice-President Biden", "Biden", ("biden", None, "biden", "")),
    ("Town Manager Greg Pollard", "Greg Pollard", ("greg pollard", "greg pollard", "pollard", "")),
    ("Halden Rovers manager Siobhan Quigley", "Siobhan Quigley",
     ("siobhan quigley", "siobhan quigley", "quigley", "")),
    ("John G. Roberts Jr.", "John G. Roberts", ("john g roberts", "john roberts", "roberts", "g")),
    ("George H. W. Bush", "George H. W. Bush", ("george h w bush", "george bush", "bush", "hw")),
    ("Joost van Leeuwen", "Joost van Leeuwen", ("joost van leeuwen", "joost van leeuwen", "leeuwen", "")),
    ("Joachim Brudziński", "Joachim Brudziński", ("joachim brudzinski", "joachim brudzinski", "brudzinski", "")),
    # A short first name keys as its long form: "Joe Biden" and "Joseph R. Biden" are one person.
    ("Joe Biden", "Joe Biden", ("joe biden", "joseph biden", "biden", "")),
    ("Joseph R. Biden", "Joseph R. Biden", ("joseph r biden", "joseph biden", "biden", "r")),
    # A sentence's opening word is no part of the name.
    ("Despite Ted Cruz", "Ted Cruz", ("ted cruz", "ted cruz", "cruz", "")),
    ("Unlike Marta Quist", "Marta Quist", ("marta quist", "marta quist", "quist", "")),
])
def test_a_persons_name_as_a_key(name, cleaned, key):
    assert clean_name(name) == cleaned
    assert person_key(name) == key


@pytest.mark.parametrize("names", [
    ["Democrats", "the Democratic Party", "Democratic"],
    ["Republicans", "GOP", "the Republican Party"],
    ["the U.S. Army", "US Army"],
    ["Senate Majority", "the Senate"],
])
def test_an_organisation_written_several_ways_has_one_id(names):
    assert len({organization_id(n) for n in names}) == 1


def test_an_acronym_is_spelled_out_where_the_article_gives_both():
    text = "Officials of the World Health Organization (WHO) met. The WHO said so."
    assert expansion_in(text, "WHO") == "World Health Organization"
    assert expansion_in("The WHO said so.", "WHO") is None


@pytest.mark.parametrize("articles, merged", [
    # No article spells it out, and the catalogue has one organisation with those initials.
    ({"levy-a": "The Harbour Traders Association said the levy was unfair.",
      "levy-b": "The HTA said the levy would be challenged in court."}, True),
    # Two organisations with those initials: which one is meant is not known.
    ({"levy-a": "The Harbour Traders Association said the levy was unfair.",
      "levy-b": "The HTA said the levy would be challenged in court.",
      "levy-c": "The Hill Tenants Alliance said rents would rise."}, False),
])
def test_an_acronym_is_the_one_organisation_of_the_catalogue_with_its_initials(tmp_path, articles, merged):
    conn = catalogue(tmp_path, articles)
    names = {row[0] for row in conn.execute("select name from organizations")}
    assert ("HTA" not in names) == merged
    assert "Harbour Traders Association" in names


# --- one person, one speaker ---------------------------------------------------------------------


def test_a_full_name_and_a_surname_in_two_articles_are_one_speaker_with_both_forms(tmp_path):
    conn = catalogue(tmp_path, {
        "plant-stays-open": "Donald J. Trump said the plant would stay open on Monday.",
        "rally-in-iowa": "Mr. Trump said the crowd in Des Moines was the biggest yet.",
    })
    first, second = speaker_of(conn, "plant-stays-open", "plant"), speaker_of(conn, "rally-in-iowa", "crowd")
    assert first["id"] == second["id"] == "donald-trump"
    assert first["name"] == "Donald J. Trump"
    assert json.loads(first["forms"]) == [["Donald J. Trump", 1], ["Trump", 1]]
    assert conn.execute("select count(*) from speakers where name like '%Trump%'").fetchone()[0] == 1


def test_two_middle_initials_are_two_people_and_the_bare_name_stays_apart_when_unsure(tmp_path):
    conn = catalogue(tmp_path, {
        "war-a": "George W. Bush said the war would end soon.",
        "war-b": "George W. Bush said the troops would come home.",
        "gulf": "George H. W. Bush said the coalition would hold.",
        "library": "George Bush said the library would open in May.",
    })
    ids = {speaker_of(conn, a, w)["id"] for a, w in
           (("war-a", "end"), ("war-b", "troops"), ("gulf", "coalition"), ("library", "library"))}
    assert ids == {"george-w-bush", "george-hw-bush", "george-bush"}


def test_an_unresolved_pronoun_gives_a_row_with_no_speaker(tmp_path):
    conn = catalogue(tmp_path, {"storm-coast": '"We are ready for the storm," she said.'})
    row = conn.execute("select speaker_id, speaker_mention from quotes").fetchone()
    assert (row["speaker_id"], row["speaker_mention"]) == (None, "she")
    assert conn.execute("select count(*) from speakers").fetchone()[0] == 0


# --- gender from the articles' evidence ----------------------------------------------------------


def test_gender_from_the_evidence_of_several_articles_and_unknown_when_they_disagree(tmp_path):
    conn = catalogue(tmp_path, {
        "vote-ahead": "Mrs. Ana Ruiz said the vote would go ahead on Tuesday.",
        "budget-fine": "Ana Ruiz said the budget was sound. She said taxes would not rise.",
        "no-evidence": "Ana Ruiz said the bridge would reopen in June.",
        "port-a": "Sam Lee, the port's spokeswoman, said the strike was over.",
        "port-b": "Mr. Sam Lee said the ships would sail at dawn.",
    })
    ruiz, lee = speaker_of(conn, "vote-ahead", "vote"), speaker_of(conn, "port-a", "strike")
    assert (ruiz["gender"], ruiz["pronoun"]) == ("woman", "she")
    assert json.loads(ruiz["gender_evidence"]) == {"articles": {"woman": 2}, "named_articles": {"woman": 1},
                                                   "words": {"mrs.": 1, "she": 1}}
    assert lee["gender"] == "unknown" and lee["pronoun"] is None
    assert json.loads(lee["gender_evidence"])["articles"] == {"man": 1, "woman": 1}


@pytest.mark.parametrize("votes, named, gender", [
    ({"woman": 9}, {}, "woman"),
    ({"woman": 9, "man": 1}, {}, "woman"),       # nine in ten agree
    ({"woman": 8, "man": 2}, {}, "unknown"),     # conflicting evidence
    ({"woman": 2, "man": 17}, {"woman": 2}, "woman"),  # "Mrs." outweighs pronouns resolved to her by mistake
    ({}, {}, "unknown"),                          # no article says
])
def test_gender_decided_across_articles(votes, named, gender):
    assert decide_gender(Counter(votes), Counter(named)) == gender


# --- kinds of source ------------------------------------------------------------------------------


@pytest.mark.parametrize("sentence, source_type, role_class, anonymous", [
    ("Ana Ruiz, a professor of economics at the University of Leeds, said the plan would fail.",
     "person", "expert", 0),
    ("A senior official said the talks had stalled.", "unnamed individual", "official", 1),
    ("Residents said the water was brown for days.", "unnamed group", "citizen", 1),
    ("The Interior Ministry said the border would stay closed.", "government", "official", 0),
    ("Tesco said its profits rose.", "organization", "unknown", 0),
    ("The BBC reported that the match was called off.", "media", "media", 0),
    ("Sen. Jane Ortiz said the bill would pass.", "person", "politician", 0),
    ("Tom Lee, chief executive of Harbour Foods, said sales had doubled.", "person", "business", 0),
])
def test_each_row_and_its_speaker_store_the_kind_of_source(tmp_path, sentence, source_type, role_class, anonymous):
    conn = catalogue(tmp_path, {"one-story": sentence})
    row = conn.execute("select quotes.source_type, quotes.role_class, quotes.anonymous, speakers.source_type, "
                       "speakers.role_class, speakers.anonymous, speakers.kind from quotes "
                       "join speakers on speakers.id = quotes.speaker_id").fetchone()
    assert tuple(row)[:6] == (source_type, role_class, anonymous) * 2
    assert row["kind"] == {"person": "person", "unnamed individual": "person", "unnamed group": "group",
                           "document": "other"}.get(source_type, "organization")


@pytest.mark.parametrize("types, decided", [
    ({"person": 1, "organization": 3}, "person"),     # "Trump said" read as a body where nothing says who
    ({"organization": 2, "government": 1}, "organization"),
    ({"organization": 1, "government": 1}, "government"),  # of equals, the more specific
    ({"unnamed group": 1, "unnamed individual": 1}, "unnamed individual"),
    ({None: 2}, None),                                # no source
])
def test_source_type_decided_across_articles(types, decided):
    assert decide_source_type(Counter(types)) == decided


@pytest.mark.parametrize("classes, decided", [
    ({"expert": 2, "unknown": 5}, "expert"),          # a class over no class: the most specific
    ({"official": 3, "politician": 1}, "official"),   # the majority
    ({"official": 2, "politician": 2}, "unknown"),    # conflicting evidence
    ({"unknown": 3}, "unknown"),
    ({}, "unknown"),
])
def test_role_class_decided_across_articles(classes, decided):
    assert decide_role_class(Counter(classes)) == decided


def test_a_persons_role_class_is_what_most_of_their_articles_say(tmp_path):
    conn = catalogue(tmp_path, {
        "plan-a": "Ana Ruiz, a professor of economics at the University of Leeds, said the plan would fail.",
        "plan-b": "Ana Ruiz, an economist, said the plan was too costly.",
        "plan-c": "Ana Ruiz said the figures did not add up.",
        "port-a": "Sam Okoro, a union organiser, said the strike was over.",
        "port-b": "Sam Okoro, a shipping analyst, said the ships would sail at dawn.",
    })
    ruiz, okoro = speaker_of(conn, "plan-c", "figures"), speaker_of(conn, "port-a", "strike")
    assert (ruiz["source_type"], ruiz["role_class"]) == ("person", "expert")
    # The rows keep what their own article says; the speaker what the catalogue decides.
    assert conn.execute("select role_class from quotes where article_id = 'plan-c'").fetchone()[0] == "unknown"
    assert {r[0] for r in conn.execute("select role_class from quotes where article_id like 'port-%'")} == {
        "civil society", "expert"}
    assert okoro["role_class"] == "unknown"  # one article each way: conflicting evidence


def test_anonymous_is_exactly_the_unnamed_kinds_in_both_tables(db):
    for table in ("quotes", "speakers"):
        rows = db.execute(f"select source_type, anonymous from {table} where source_type is not null").fetchall()
        assert rows
        assert all(anonymous == int(source_type in UNNAMED) for source_type, anonymous in rows), table


# --- organisations -------------------------------------------------------------------------------


def test_an_acronym_and_its_expansion_are_one_organisation(tmp_path):
    conn = catalogue(tmp_path, {
        "virus-spreads": "Maria Kerkhove, an expert at the World Health Organization (WHO), said the virus spread.",
        "tests-work": "Tom Abel, an expert at the WHO, said the tests worked.",
    })
    organizations = conn.execute("select id, name, forms from organizations").fetchall()
    assert [(o["id"], o["name"]) for o in organizations] == [("world-health-organization", "World Health Organization")]
    assert {tuple(f) for f in json.loads(organizations[0]["forms"])} == {("World Health Organization", 1), ("WHO", 1)}
    assert {r[0] for r in conn.execute("select affiliation_id from quotes")} == {"world-health-organization"}


def test_a_persons_name_is_no_affiliation(tmp_path):
    conn = catalogue(tmp_path, {
        "campaign-a": "Hillary Clinton said the plan was fair.",
        "campaign-b": "Clinton spokesman Brian Fallon said the plan was fair.",
    })
    assert speaker_of(conn, "campaign-b", "fair")["affiliation_id"] is None
    assert conn.execute("select count(*) from organizations").fetchone()[0] == 0


@pytest.mark.parametrize("sentence, affiliation", [
    # an unnamed source's "name" is their description, which names whom they speak for
    ("A senior fellow at the Halden Institute said the plan was fair.", "Halden Institute"),
    ("A spokesman for Platte Shipping said the plan was fair.", "Platte Shipping"),
    # a named person's own name is still no affiliation
    ("Pope Francis said the plan was fair.", None),
])
def test_an_unnamed_source_keeps_the_body_its_description_names(tmp_path, sentence, affiliation):
    conn = catalogue(tmp_path, {"plan-a": sentence})
    row = conn.execute("select o.name from quotes q left join organizations o on o.id = q.affiliation_id "
                       "where q.article_id = 'plan-a'").fetchone()
    assert row["name"] == affiliation


@pytest.mark.parametrize("articles, acronym, merged_into", [
    # Two organisations with the initials: the one the acronym's article writes out.
    ({"levy-a": "The Harbour Traders Association said the levy was unfair.",
      "levy-b": "The Hill Tenants Alliance said rents would rise.",
      "levy-c": "Mina Dore, an HTA spokeswoman, said the levy was unfair. The Harbour Traders Association had "
                "opposed it for years."}, "HTA", "Harbour Traders Association"),
    # A show's name is no body's: "RT" stays itself where no article writes "Real Time" with it.
    ({"show-a": "Real Time host Ola Brandt said the show would go on.",
      "show-b": "Ivo Kern, an RT host, said the channel was growing."}, "RT", None),
])
def test_an_acronym_is_the_organisation_its_articles_write_out(tmp_path, articles, acronym, merged_into):
    conn = catalogue(tmp_path, articles)
    forms = {o["name"]: [f for f, _ in json.loads(o["forms"])] for o in conn.execute("select * from organizations")}
    owner = next(name for name, names in forms.items() if acronym in names)
    assert owner == (merged_into or acronym)


@pytest.mark.parametrize("name, canonical", [
    ("the Vatican's", "Vatican"),
    ("Norland’s", "Norland"),
    ("Lionel Dray's presidential campaign", "Lionel Dray campaign"),
    ("Dray’s 2008 campaign", "Dray campaign"),
    ("Indiana University's Law School", "Indiana University's Law School"),  # a possessive inside a name stays
    ("Reuters", "Reuters"),
    ("the Department of Harbour Affairs", "Harbour Affairs Department"),
    ("Department of the Interior", "Department of the Interior"),
    ("2014 Harbour Department", "Harbour Department"),
])
def test_an_organisations_name_as_the_catalogue_gives_it(name, canonical):
    from quotecat.rows import organization_name
    assert organization_name(name) == canonical


@pytest.mark.parametrize("articles, article, words, affiliation", [
    # "<First Last>'s campaign" is the catalogue's "<Last> campaign"
    ({"fund-a": "Pia Salo, a spokeswoman for Lionel Dray's presidential campaign, said the plan was fair.",
      "fund-b": "A spokesman for the Dray campaign said the plan was fair.",
      "fund-c": "Lionel Dray said the plan was fair."}, "fund-a", "fair", "Dray campaign"),
    # a country speaking is its government, where the catalogue names that
    ({"talks-a": "Chile said the talks would resume.",
      "talks-b": "Marta Soto, a spokeswoman for the Chilean government, said the talks would resume."},
     "talks-a", "talks", "Chilean government"),
    # a body every town has is the catalogue's one such body of a named place
    ({"hall-a": "In Eastport, City Council president Jo Bell said the budget was late.",
      "hall-b": "Ravi Nair, a member of the Eastport City Council, said the budget was fine."},
     "hall-a", "late", "Eastport City Council"),
    # ... not another town's: the article of the short name must name the place
    ({"hall-a": "In Westfield, City Council president Jo Bell said the budget was late.",
      "hall-b": "Ravi Nair, a member of the Eastport City Council, said the budget was fine."},
     "hall-a", "late", None),
    # ... and no organisation where the catalogue has none
    ({"hall-a": "City Council president Jo Bell said the budget was late."}, "hall-a", "late", None),
])
def test_an_organisation_written_several_ways_is_one(tmp_path, articles, article, words, affiliation):
    conn = catalogue(tmp_path, articles)
    row = conn.execute("select o.name from quotes q left join organizations o on o.id = q.affiliation_id "
                       "where q.article_id = ? and q.text like ?", [article, f"%{words}%"]).fetchone()
    assert row["name"] == affiliation


@pytest.mark.parametrize("articles, article, words, affiliation", [
    # a place is where a financial adviser works, not whom she speaks for ...
    ({"rates-a": "Ana Reyes, an Eastport financial adviser, said rates would rise. Shops in Eastport closed. "
                 "Rents in Eastport rose.",
      "rates-b": "Eastport Mayor Tom Bell said rates would fall. Schools in Eastport opened."},
     "rates-a", "rise", None),
    # ... but its government, which its mayor speaks for
    ({"rates-a": "Ana Reyes, an Eastport financial adviser, said rates would rise. Shops in Eastport closed. "
                 "Rents in Eastport rose.",
      "rates-b": "Eastport Mayor Tom Bell said rates would fall. Schools in Eastport opened."},
     "rates-b", "fall", "Eastport"),
])
def test_a_place_is_an_affiliation_only_of_those_who_govern_it(tmp_path, articles, article, words, affiliation):
    conn = catalogue(tmp_path, articles)
    row = conn.execute("select o.name from quotes q left join organizations o on o.id = q.affiliation_id "
                       "where q.article_id = ? and q.text like ?", [article, f"%{words}%"]).fetchone()
    assert row["name"] == affiliation


def _not_organizations(mentions: list[tuple], people: list[str] = (), text: str = "") -> dict:
    """What the fold makes of organisation names the articles gave (``mentions``: (article, name[, id])),
    in a catalogue that quotes ``people`` (one article each) and whose articles read ``text``."""
    import sqlite_utils
    from quotecat.fold import no_organizations
    from quotecat.schema import create_tables
    db = sqlite_utils.Database(memory=True)
    create_tables(db)
    articles = {m[0] for m in mentions} | {f"person-{i}" for i in range(len(people))}
    db["articles"].insert_all({"id": a, "text": text, "word_count": 1, "content_hash": a} for a in sorted(articles))
    db["_organization_mentions"].insert_all(
        {"source_article": m[0], "id": m[2] if len(m) > 2 else organization_id(m[1]), "name": m[1]} for m in mentions)
    db["_speaker_mentions"].insert_all(
        {"source_article": f"person-{i}", "id": f"p{i}", "name": n, "kind": "person", "person_key": person_key(n)[1],
         "surname": person_key(n)[2]} for i, n in enumerate(people))
    return dict(no_organizations(db))


_JOS = ["Jo Quist", "Jo Lund", "Jo Moe"]
_DRAY = ["Lionel Dray"] * 5  # named in five articles


@pytest.mark.parametrize("name, people, text, becomes", [
    # a person described, not a body: a title inside the name, text run together
    ("Texas and Gov. Jo Bell of Ohio", [], "", ""),
    ("Harbour City Mayor Jo Bell", [], "", ""),
    ("VikASSOCIATED PRESSNorland", [], "", ""),
    ("Jo Bell failed to win the Senate", [], "", ""),
    ("Ferry fares rise again for the Harbour Traders Association", [], "", ""),
    ("FARES RISE AGAIN Harbour Traders Association", [], "", ""),
    # a person: named as one by the catalogue, a first name and a surname, a first name alone
    ("Jo R. Quist", _JOS, "", ""),
    ("Jo Lindqvist", _JOS, "", ""),
    ("Jo", _JOS, "", ""),
    ("Quist", ["Rachel Lund", "Rachel Moe"], "The host, Rachel Quist, agreed with a Quist producer.", ""),
    ("Los Angeles-area Dray", _DRAY, "", ""),
    ("Dray's Indiana", _DRAY, "", ""),
    ("State Lionel Dray Department", _DRAY, "", ""),
    # a common word, people, a document
    ("Budget", [], "The Budget office said the budget was late.", ""),
    ("Americans", [], "", ""),
    # a sentence's first word: a function word, a number, a verb or adverb form
    ("Asked", [], "Asked about it, she laughed.", ""),
    ("Virtually", [], "Virtually all of them agreed.", ""),
    ("Twenty-four", [], "", ""),
    ("Another", [], "", ""),
    ("15-count complaint by Norland", [], "", ""),
    # a body every place has; a country where the catalogue names its government
    ("City Council", [], "", ""),
    # names of bodies stay, in lower case only in an address
    ("Harbour Traders Association", _JOS, "", None),
    ("Quillo", [], "Users of Quillo, at quillo.com, said so.", None),
    ("Quillo", [], "Quillo said so.", None),  # a name written only at a sentence's start
    ("Jo Quist Foundation", _JOS, "", None),
    ("Norland foreign affairs ministry", [], "", None),
    ("Tax Policy Center at the Urban Institute", [], "", None),
    ("AFL-CIO", [], "", None),
])
def test_what_the_catalogue_shows_is_no_organisation(name, people, text, becomes):
    assert _not_organizations([("a", name)], people, text).get(organization_id(name)) == becomes


@pytest.mark.parametrize("mentions, org_id, becomes, text", [
    ([("a", "City Council"), ("b", "Eastport City Council")], "city-council", "eastport-city-council",
     "In Eastport, the City Council met."),
    ([("a", "City Council"), ("b", "Eastport City Council")], "city-council", "", "In Westfield, the City Council met."),
    ([("a", "City Council"), ("b", "Eastport City Council"), ("c", "Westport City Council")], "city-council", "",
     ""),
    ([("a", "Chile"), ("b", "Chilean government")], "chile", "chilean-government", ""),
    ([("a", "Chile")], "chile", None, ""),
    # an id not made from the name (a group's, "the-harbour-post") is the organisation of the name
    ([("a", "Harbour Post"), ("b", "The Harbour Post", "the-harbour-post")], "the-harbour-post", "harbour-post", ""),
])
def test_a_generic_or_country_name_is_the_one_organisation_it_is_short_for(mentions, org_id, becomes, text):
    assert _not_organizations(mentions, text=text).get(org_id) == becomes


# --- the fold is the same on --update ------------------------------------------------------------


def test_update_folds_to_the_rows_a_rebuild_writes_when_who_is_who_changes(tmp_path):
    """Adding articles about another Trump makes a bare "Trump" nobody's in particular: the updated
    catalogue must take the ids back from before the last fold, not keep the old merge."""
    first = {"plant-stays-open": "Donald J. Trump said the plant would stay open on Monday.",
             "rally-in-iowa": "Mr. Trump said the crowd in Des Moines was the biggest yet."}
    catalogue(tmp_path, first).close()
    more = {f"ivanka-{n}": f"Ivanka Trump said the {word} would open." for n, word in enumerate(("shop", "hotel"))}
    updated = catalogue(tmp_path, {**first, **more}, update=True)
    rebuilt = catalogue(tmp_path, {**first, **more}, name="rebuilt.db")  # the same folder, built anew
    for table in ("quotes", "speakers", "organizations"):
        assert [tuple(r) for r in updated.execute(f"select * from {table} order by id")] == \
            [tuple(r) for r in rebuilt.execute(f"select * from {table} order by id")], table
    # No longer Donald Trump's: he is named in 1 of the 3 articles that name a Trump in full.
    assert speaker_of(updated, "rally-in-iowa", "crowd")["id"] == "trump"


# --- rows checked against what the whole catalogue knows ------------------------------------------


ANA_AND_TOM = {
    "vote-a": "Mrs. Ana Ruiz said the vote would go ahead on Tuesday.",
    "vote-b": "Ana Ruiz said the budget was sound. She said taxes would not rise.",
    "bell-a": "Mr. Tom Bell said the harvest was late.",
    "bell-b": "Tom Bell said the rain had stopped. He said the barley was fine.",
}


def test_he_given_to_a_woman_of_the_catalogue_gives_the_row_no_speaker(tmp_path):
    """The article has no evidence of Ana Ruiz's gender and gives her its "he"; the catalogue knows her as a woman."""
    conn = catalogue(tmp_path, {**ANA_AND_TOM, "market": 'Ana Ruiz said the market would open. "It was a long wait," he said.'})
    row = conn.execute("select speaker_id, speaker_mention from quotes where text like 'It was a long wait'").fetchone()
    assert (row["speaker_id"], row["speaker_mention"]) == (None, "he")
    assert conn.execute("select count(*) from quotes q join speakers s on s.id = q.speaker_id "
                        "where lower(q.speaker_mention) = 'he' and s.gender = 'woman'").fetchone()[0] == 0


@pytest.mark.parametrize("mention, given, expected", [
    ("he", "Ana Ruiz", "Tom Bell"),  # the man named after her, before the row
    ("she", "Tom Bell", None),  # the woman was named before him: no one
    ("he", "Tom Bell", "Tom Bell"),  # the right gender: left alone
    ("Mrs. Ruiz", "Tom Bell", "Ana Ruiz"),  # an honorific says the gender as a pronoun does
    ("Mr. Ruiz", "Ana Ruiz", None),  # no man named Ruiz: no one
])
def test_he_she_and_honorifics_relinked_to_the_person_of_their_gender(tmp_path, mention, given, expected):
    import sqlite_utils

    from quotecat.fold import relink_pronouns
    conn = catalogue(tmp_path, {**ANA_AND_TOM, "fair": "Ana Ruiz said the fair was a success. Tom Bell said "
                                "prices were high. \"It was a long wait,\" they said."})
    conn.execute("update quotes set speaker_mention = ?, speaker_id = (select id from speakers where name = ?) "
                 "where article_id = 'fair' and text like 'It was a long wait'", [mention, given])
    relink_pronouns(sqlite_utils.Database(conn))
    row = conn.execute("select s.name from quotes q left join speakers s on s.id = q.speaker_id "
                       "where q.text like 'It was a long wait'").fetchone()
    assert row["name"] == expected


def test_a_description_the_article_left_unresolved_goes_to_the_person_the_catalogue_describes_so(tmp_path):
    conn = catalogue(tmp_path, {
        "vote": "Florida Sen. Dale Harmon said the vote was close.",
        "tax": "Florida Sen. Dale Harmon said the tax plan was fair.",
        "bill": "Dale Harmon said the plan was bold. Ohio Gov. Reed Tanner said it was late. "
                "The Florida senator said it would pass.",
        "roads": "Dale Harmon said the roads were bad. The Texas senator said they were fine.",
    })
    assert speaker_of(conn, "bill", "would pass")["name"] == "Dale Harmon"
    assert speaker_of(conn, "roads", "fine")["name"] == "the Texas senator"  # not a word the catalogue says of him
    assert conn.execute("select count(*) from speakers where name = 'the Florida senator'").fetchone()[0] == 0
    # The row's source is a named person now: not an unnamed individual, not anonymous.
    row = conn.execute("select source_type, anonymous from quotes where text like '%would pass%'").fetchone()
    assert (row["source_type"], row["anonymous"]) == ("person", 0)
    # The unresolved one keeps the kind its article gave it.
    row = conn.execute("select source_type, anonymous from quotes where text like '%fine%'").fetchone()
    assert (row["source_type"], row["anonymous"]) == ("unnamed individual", 1)


def test_update_keeps_the_kind_of_source_a_row_had_before_the_fold(tmp_path):
    """A row the fold gave to a person is folded again from what its article said: with fewer articles
    describing Dale Harmon as the Florida senator, the updated catalogue is the rebuilt one."""
    first = {
        "vote": "Florida Sen. Dale Harmon said the vote was close.",
        "tax": "Florida Sen. Dale Harmon said the tax plan was fair.",
        "bill": "Dale Harmon said the plan was bold. The Florida senator said it would pass.",
    }
    catalogue(tmp_path, first).close()
    fewer = {name: text for name, text in first.items() if name != "tax"}
    fewer["tax"] = "Dale Harmon said the tax plan was fair."
    updated = catalogue(tmp_path, fewer, update=True)
    rebuilt = catalogue(tmp_path, fewer, name="rebuilt.db")
    select = "select id, speaker_id, source_type, anonymous from quotes order by id"
    assert [tuple(r) for r in updated.execute(select)] == [tuple(r) for r in rebuilt.execute(select)]
    row = updated.execute("select source_type, anonymous from quotes where text like '%would pass%'").fetchone()
    assert (row["source_type"], row["anonymous"]) == ("unnamed individual", 1)


@pytest.mark.parametrize("articles, article, words, affiliation", [
    # "Ignatius said" reads as an organisation speaking for itself; the catalogue knows Pope Ignatius
    ({"pope-a": "Pope Ignatius said the church would help.", "pope-b": "Pope Ignatius said the poor come first.",
      "pope-c": "Ignatius said peace was near."}, "pope-c", "peace", None),
    # one article reading "Wilayat Twitter" as a person's name does not make Twitter no organisation
    ({"app-a": "Wilayat Twitter said the account was back.",
      "app-b": "Mara Quill, a spokeswoman for Twitter, said the account was closed.",
      "app-c": "Ivo Kern, Twitter's head of policy, said the rules were clear."}, "app-b", "closed", "Twitter"),
    # a document, a day, a sentence's determiner are no organisations
    ({"poll": "Polls said the race was close."}, "poll", "race", None),
    ({"vote": "Several party officials said on Saturday that the vote was near."}, "vote", "vote", None),
    # a surname the article writes after a first name the catalogue's people have
    ({"show-a": "Ivo Kern, a Quist producer, said the show was over. The host, Rachel Quist, agreed.",
      "show-b": "Rachel Lund said the show was over.", "show-c": "Rachel Moe said the show was over."},
     "show-a", "over", None),
    # a common word the article writes in lower case, a demonym for people
    ({"fund": "Ivo Kern, a Budget spokesman, said the budget would grow. The budget is large."}, "fund", "grow", None),
    ({"fare": "Ivo Kern, an Americans spokesman, said the fares would rise."}, "fare", "rise", None),
    # a title inside the name: a person described, not a body
    ({"ferry": "Lars Berg, a spokesman for Harbour City Mayor Jon Vik, said the fares would rise."},
     "ferry", "rise", None),
])
def test_what_is_no_affiliation(tmp_path, articles, article, words, affiliation):
    conn = catalogue(tmp_path, articles)
    row = conn.execute("select o.name from quotes q left join organizations o on o.id = q.affiliation_id "
                       "where q.article_id = ? and q.text like ?", [article, f"%{words}%"]).fetchone()
    assert row["name"] == affiliation


def test_a_candidates_surname_as_an_affiliation_is_their_campaign_where_the_catalogue_names_it(tmp_path):
    campaign = {f"trail-{n}": f"A spokesman for the Dray campaign said ${n} million had been raised." for n in range(5)}
    conn = catalogue(tmp_path, {
        **campaign,
        "dray": "Lionel Dray said the plan was fair.",
        "aide": "On Monday, Dray spokesman Ivo Kern said the plan was fair.",
        "full": "Pia Salo, a Lionel Dray campaign aide, said the plan was fair.",
    })
    names = [r[0] for r in conn.execute(
        "select o.name from quotes q left join organizations o on o.id = q.affiliation_id "
        "where q.article_id in ('aide', 'full') order by q.article_id, q.start")]
    assert names == ["Dray campaign", "Dray campaign"]


def test_a_headline_run_into_a_name_is_the_person_it_ends_with(tmp_path):
    conn = catalogue(tmp_path, {
        "vote": "Lionel Dray said the vote was close.",
        "tax": "Lionel Dray said the tax plan was fair.",
        "headline": "Ferry Fares Rise Again Lionel Dray said the campaign was over.",
    })
    assert speaker_of(conn, "headline", "over")["name"] == "Lionel Dray"


@pytest.mark.parametrize("articles, expected", [
    # Two articles say whom Dale Harmon speaks for; the third says only "Dale Harmon said".
    ({"a": "Dale Harmon, a spokesman for the Harbor Trust, said the pier would reopen.",
      "b": "Dale Harmon, a spokesman for the Harbor Trust, said the fees would rise.",
      "c": "Dale Harmon said the ferry was late."}, "Harbor Trust"),
    # One article is not enough: the catalogue does not agree on anything yet.
    ({"a": "Dale Harmon, a spokesman for the Harbor Trust, said the pier would reopen.",
      "c": "Dale Harmon said the ferry was late."}, None),
    # Two articles for two bodies: no agreement, nothing filled.
    ({"a": "Dale Harmon, a spokesman for the Harbor Trust, said the pier would reopen.",
      "b": "Dale Harmon, a spokesman for the Coast Guild, said the fees would rise.",
      "c": "Dale Harmon said the ferry was late."}, None),
])
def test_an_affiliation_the_catalogue_agrees_on_fills_the_rows_whose_article_gives_none(tmp_path, articles, expected):
    conn = catalogue(tmp_path, articles)
    row = conn.execute("select o.name from quotes q left join organizations o on o.id = q.affiliation_id "
                       "where q.article_id = 'c'").fetchone()
    assert row["name"] == expected


@pytest.mark.parametrize("text, name, spans", [
    ("Twitter said; twitter.com and TWITTER too", "Twitter", [(0, 7), (14, 21), (30, 37)]),
    ("Twitters and ATwitter are other words", "Twitter", []),
    ("U.S. and U.S.A", "U.S.", [(9, 13)]),  # "\b" after a "." wants a word character next
    ("the \u212aelvin sign, ſaid", "Kelvin", [(4, 10)]),  # the regex's own folding: it runs here
])
def test_names_are_found_as_whole_words_the_way_the_regex_finds_them(text, name, spans):
    assert list(fold._whole_words(text, name)) == spans
    assert spans == [m.span() for m in re.finditer(rf"\b{re.escape(name)}\b", text, re.IGNORECASE)]


@pytest.mark.parametrize("text, name, opened", [
    ("in Cleveland and Cleveland's, in Clevelander", "Cleveland", [True, False]),
    ("Lin Cleveland; min Cleveland", "Cleveland", [False, False]),
    ("She lives in Eau Claire", "Eau Claire", [True]),
])
def test_a_name_written_after_in_is_counted_the_way_the_regex_counts_it(text, name, opened):
    assert list(fold._written(text, name)) == opened
    assert opened == [m.group(1) is not None for m in re.finditer(rf"\b(in )?{re.escape(name)}\b", text)]


def test_the_name_search_agrees_with_the_regex_on_random_text():
    # Letters that fold to ASCII ones, accents, "_", digits of another script, "in " and marks.
    rng = random.Random(11)
    alphabet = "aAbBiInN _.-'s,@Kk1\u0130\u0131\u017f\u212aéÉ’ß١"
    for _ in range(20_000):
        name = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 4)))
        text = "".join(rng.choice(alphabet + "in ") for _ in range(rng.randint(0, 30)))
        assert list(fold._whole_words(text, name)) == [
            m.span() for m in re.finditer(rf"\b{re.escape(name)}\b", text, re.IGNORECASE)], (text, name)
        assert list(fold._written(text, name)) == [
            m.group(1) is not None for m in re.finditer(rf"\b(in )?{re.escape(name)}\b", text)], (text, name)
