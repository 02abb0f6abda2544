from claimcheck.model import Source, SourceMeta
from claimcheck.prepare import passage_facts, prepare


def test_a_sentence_two_sources_share_is_worked_out_once_with_the_same_figures() -> None:
    shared = "The base hosts about 500 personnel and 20 Su-25 jets."
    first = prepare(Source("a", "a.txt", f"Kant is near Bishkek. {shared}"))
    before = passage_facts.cache_info().hits
    second = prepare(Source("b", "b.txt", f"{shared} It opened in 2003."))
    assert passage_facts.cache_info().hits > before
    assert first.passages[1].text == second.passages[0].text == shared
    assert first.quantities[1] == second.quantities[0]
    assert [q.value for q in second.quantities[0]] == [500.0, 20.0]  # offsets in the passage: the same
    assert first.terms[1] == second.terms[0] and "personnel" in first.terms[1]


def test_an_undated_article_places_its_dates_without_a_year_by_the_latest_date_it_writes() -> None:
    """Rule text-date. crowdstrike-outage/09_epochtimes (a caption "on July 20, 2024", then "On
    July 19, an outage ...") and svb-collapse/14_shaolingongfu (a caption "March 13, 2023", then
    "the collapse of Silicon Valley Bank on March 10")."""
    for text, day in [
        ("Canceled flights at Detroit, on July 20, 2024.\n\nOn July 19, an outage hit computers.", 19),
        ("People queue at Silicon Valley Bank, March 13, 2023.\n\nThe bank collapsed on March 10.", 10),
    ]:
        prepared = prepare(Source("s", "s.txt", text))
        (placed,) = [q for qs in prepared.quantities[1:] for q in qs if q.day == day]
        assert placed.value in (2024.0, 2023.0) and placed.qualifiers == ("article-year",)


def test_an_undated_articles_latest_date_does_not_date_its_sentences_about_earlier_years() -> None:
    """Whether a sentence tells of an earlier year's event is asked of the article's own date
    only: an undated page that writes a 2023 date keeps a 2004 sentence's toll its own."""
    text = "Rescuers worked on through September 10, 2023.\n\nIn 2004, at least 628 people were killed."
    prepared = prepare(Source("s", "s.txt", text))
    (toll,) = [q for q in prepared.quantities[1] if q.unit != "year"]
    assert "earlier-year" not in toll.qualifiers
    dated = prepare(Source("s", "s.txt", text, meta=SourceMeta(date="2023-09-12")))
    (toll,) = [q for q in dated.quantities[1] if q.unit != "year"]
    assert "earlier-year" in toll.qualifiers


def test_an_article_with_no_full_date_leaves_its_dates_without_a_year_unplaced() -> None:
    (figure,) = prepare(Source("s", "s.txt", "On January 5, a door plug flew off.")).quantities[0]
    assert figure.qualifiers == ("no-year",)
