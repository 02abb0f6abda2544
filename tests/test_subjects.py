from claimcheck.model import Passage, Source
from claimcheck.passages import split_passages
from claimcheck.quantities import extract_quantities
from claimcheck.subjects import SubjectIndex, belongs_to, make_subject, named_things


def index_of(*articles: str) -> SubjectIndex:
    index = SubjectIndex()
    for number, text in enumerate(articles):
        index.add(split_passages(Source(f"s{number}", f"s{number}.txt", text)))
    return index


def test_a_subject_is_found_by_alias_and_possessive() -> None:
    index = index_of("Russia's Kant airbase is near Bishkek. The weather was fine.")
    subject = make_subject("Kant air base", ["Kant"])
    assert [m.passage.index for m in index.mentions(subject)] == [0]


def test_a_misspelt_name_is_found_when_the_right_spelling_is_absent() -> None:
    index = index_of("The Kyrgyzstn parliament met.")
    assert index.mentions(make_subject("Kyrgyzstan"))


def test_a_similar_name_is_not_taken_when_the_exact_one_is_there() -> None:
    index = index_of("Fort Lorrek is large. Fort Lorarek is small.")
    assert [m.passage.index for m in index.mentions(make_subject("Fort Lorrek"))] == [0]


def test_the_base_refers_back_to_the_subject_named_just_before() -> None:
    index = index_of("The air base in Kant hosts some 400 personnel. The base was established in 2003.")
    mentions = index.mentions(make_subject("Kant air base", ["Kant"]))
    assert [(m.passage.index, m.referred_back) for m in mentions] == [(0, False), (1, True)]


def test_the_words_of_a_name_must_stand_together() -> None:
    text = (
        "Russia sent about 1,500 troops, while Kazakhstan contributed roughly 400 and Kyrgyzstan "
        "some 300 to the drills; Tajikistan sent fewer."
    )
    assert not index_of(text).mentions(make_subject("Russian military base in Tajikistan"))


def mention_and_figures(text: str, subject: str, *aliases: str):
    index = index_of(text)
    (mention,) = index.mentions(make_subject(subject, aliases))
    return mention, extract_quantities(mention.passage.text)


def test_a_figure_goes_to_the_nearest_subject_not_to_another_base() -> None:
    text = (
        "Not far from the Russian air base in Kant, Kyrgyzstan hosts a U.S. military base at its "
        "Manas International Airport that has some 1,000 personnel."
    )
    mention, (figure,) = mention_and_figures(text, "Kant air base", "Kant")
    assert not belongs_to(mention, figure)
    mention, (figure,) = mention_and_figures(text, "Manas base", "Manas")
    assert belongs_to(mention, figure)


def test_two_subjects_with_the_same_unit_in_one_sentence() -> None:
    text = "The Kant air base has about 550 personnel, while the nearby Manas transit center has about 1,200."
    mention, figures = mention_and_figures(text, "Kant air base", "Kant")
    assert [f.value for f in figures if belongs_to(mention, f, figures=figures)] == [550]
    mention, figures = mention_and_figures(text, "Manas", "Manas transit center")
    assert [f.value for f in figures if belongs_to(mention, f, figures=figures)] == [1200]


def test_an_aside_does_not_take_the_figure_away() -> None:
    text = "Kant, some 30 km east of Bishkek, now hosts nearly 700 Russian servicemen."
    mention, figures = mention_and_figures(text, "Kant air base", "Kant")
    assert [f.value for f in figures if belongs_to(mention, f, figures=figures)] == [30, 700]


def test_a_relative_clause_belongs_to_its_antecedent() -> None:
    text = "Russia's 201st military base, which has some seven thousand troops in Dushanbe, sent tanks."
    mention, (figure,) = mention_and_figures(text, "201st military base", "201st")
    assert belongs_to(mention, figure)


def test_a_count_belongs_to_the_place_after_it() -> None:
    text = "Korzun said Moscow intends to station up to twelve helicopters at Kant by the end of the year."
    mention, (figure,) = mention_and_figures(text, "Kant air base", "Kant")
    assert belongs_to(mention, figure)


def test_named_things_skip_function_words_and_months() -> None:
    text = "The six remaining members agreed in May in Moscow to establish the Organization of the Treaty."
    assert [text[a:b] for a, b in named_things(text)] == ["Moscow", "Organization of the Treaty"]


def test_only_passages_that_hold_the_name_are_mentions() -> None:
    index = index_of("Kant hosts 400.", *["Nothing to see here." for _ in range(50)])
    passages: list[Passage] = [m.passage for m in index.mentions(make_subject("Kant"))]
    assert [p.source_id for p in passages] == ["s0"]
