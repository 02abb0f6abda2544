from pathlib import Path

import ftfy
import pytest

from claimcheck.errors import ClaimcheckError
from claimcheck.sources import decode, may_hold_mojibake, read_sources


def test_ids_are_relative_paths_without_extension(tmp_path: Path) -> None:
    (tmp_path / "nested" / "deeper").mkdir(parents=True)
    (tmp_path / "b.txt").write_text("B.", encoding="utf-8")
    (tmp_path / "a.md").write_text("A.", encoding="utf-8")
    (tmp_path / "nested" / "deeper" / "c.txt").write_text("C.", encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"PK")
    found = read_sources(tmp_path, display="sources")
    assert [(s.id, s.path) for s in found.sources] == [
        ("a", "sources/a.md"),
        ("b", "sources/b.txt"),
        ("nested/deeper/c", "sources/nested/deeper/c.txt"),
    ]
    assert found.warnings == ()


def test_a_broken_pdf_is_skipped_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    found = read_sources(tmp_path, display="sources")
    assert found.sources == ()
    (warning,) = found.warnings
    assert str(warning).startswith("sources/broken.pdf: skipped: not a readable PDF")


def test_other_encodings_are_read_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 \u2013 about 500 troops".encode("cp1252"))
    (tmp_path / "bom.txt").write_bytes("\ufeffKant hosts 400.".encode())
    found = read_sources(tmp_path, display="sources")
    texts = {s.id: s.text for s in found.sources}
    assert texts == {"bom": "Kant hosts 400.", "latin": "Café – about 500 troops"}
    (warning,) = found.warnings
    assert str(warning).startswith("sources/latin.txt: not UTF-8; read as cp125")


def test_binary_and_unreadable_files_are_skipped_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\x00\x00\x01")
    (tmp_path / "folder.txt").mkdir()
    (tmp_path / "fine.txt").write_text("Fine.", encoding="utf-8")
    found = read_sources(tmp_path, display="sources")
    assert [s.id for s in found.sources] == ["fine"]
    assert sorted(str(w).split(":")[0] for w in found.warnings) == ["sources/image.txt"]
    assert "binary" in str(found.warnings[0])


def test_a_missing_folder_is_bad_input(tmp_path: Path) -> None:
    with pytest.raises(ClaimcheckError) as caught:
        read_sources(tmp_path / "nope", display="nope")
    assert "sources folder does not exist" in str(caught.value)


def test_decode() -> None:
    assert decode(b"plain") == ("plain", [])
    assert decode(b"\x00\x01")[0] is None


def test_mojibake_is_repaired() -> None:
    text, notes = decode("The â€œ7,500â€\x9d figure".encode())
    assert text == "The \u201c7,500\u201d figure"
    assert notes and "mojibake" in notes[0]


# Legacy code pages ftfy undoes, and text that went through them.
CODE_PAGES = ("latin-1", "windows-1252", "windows-1251", "windows-1250", "windows-1253", "macroman", "cp437")
WORDS = ("café", "naïve — “quoted”", "Москва", "Αθήνα", "Gdańsk", "50 €", "Zürich", "œuvre", "Düsseldorf’s")


@pytest.mark.parametrize("code_page", CODE_PAGES)
def test_mojibake_is_looked_for_wherever_it_stands(code_page: str) -> None:
    # may_hold_mojibake runs ftfy's test only near non-ASCII characters: it must find all ftfy finds.
    for word in WORDS:
        try:
            garbled = word.encode().decode(code_page)
        except UnicodeDecodeError:
            continue
        for padding in (0, 5, 40, 3000):
            text = "— " + "x" * padding + f" The base hosts {garbled} troops. " + "y" * padding
            if ftfy.fix_encoding(text) != text:
                assert may_hold_mojibake(text), (code_page, word, padding)
                assert decode(text.encode())[1], (code_page, word, padding)


def test_clean_text_with_dashes_and_quotes_is_not_taken_for_mojibake() -> None:
    text = "Kant — “about 500” personnel, Gdańsk, Zürich. " * 50
    assert not may_hold_mojibake(text)
    assert decode(text.encode()) == (text, [])


CORPUS = Path(__file__).parent / "corpus"


def test_the_same_article_as_txt_html_and_pdf_gives_the_same_verdicts() -> None:
    from claimcheck import check, read_claims

    claims = read_claims(CORPUS / "claims.yaml").claims
    found = read_sources(CORPUS / "articles", display="articles")
    assert [s.id for s in found.sources] == ["kant_report.html", "kant_report.pdf", "kant_report.txt"]
    report = check(claims, found.sources)
    for result in report.results:
        verdicts = {finding.verdict for finding in result.findings}
        assert len(verdicts) == 1, (result.claim.id, [f.verdict for f in result.findings])
    statuses = {result.claim.id: result.status.value for result in report.results}
    assert statuses == {
        "kant-personnel": "conflict",
        "kant-established": "agree",
        "kant-bishkek": "agree",
        "manas-personnel": "agree",
        "kant-helicopters": "agree",
        "kyrgyz-afghan-border": "conflict",
        "gyumri": "gap",
    }
    meta = {source.id: source.meta for source in found.sources}
    for kind in ("kant_report.html", "kant_report.pdf"):
        assert meta[kind].title == "Russia Expands Its Air Base at Kant"
        assert meta[kind].date == "2009-05-12" and not meta[kind].date_guessed
    assert meta["kant_report.html"].outlet == "Central Asia Wire"
    pdf_pages = [
        f.page for r in report.results for f in r.findings if f.source_id == "kant_report.pdf" and f.line
    ]
    assert set(pdf_pages) == {1, 2}


def test_html_comments_navigation_and_scripts_are_not_read() -> None:
    found = read_sources(CORPUS / "articles", display="articles")
    page = next(s for s in found.sources if s.id == "kant_report.html")
    for junk in ("900 people", "Subscribe", "cookies", "dataLayer", "All rights reserved"):
        assert junk not in page.text


def test_files_differing_only_in_extension_keep_it_in_their_id(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A.", encoding="utf-8")
    (tmp_path / "a.md").write_text("A.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("B.", encoding="utf-8")
    found = read_sources(tmp_path, display="s")
    assert [s.id for s in found.sources] == ["a.md", "a.txt", "b"]
    assert len(found.warnings) == 2


def test_sources_yaml_outranks_front_matter_and_guess(tmp_path: Path) -> None:
    (tmp_path / "sources.yaml").write_text("a:\n  outlet: Annotated\n  date: 2009\nghost:\n  date: 2001\n")
    (tmp_path / "a.txt").write_text(
        "---\noutlet: Front\ntitle: Front title\n---\nLast Updated: 07/27/2016\nText.\n"
    )
    found = read_sources(tmp_path, display="s")
    (source,) = found.sources
    assert (source.meta.outlet, source.meta.title, source.meta.date, source.meta.date_guessed) == (
        "Annotated",
        "Front title",
        "2009",
        False,
    )
    assert [str(w) for w in found.warnings] == ["s/sources.yaml: 'ghost' matches no source file"]


def test_an_empty_file_is_skipped_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("  \n")
    found = read_sources(tmp_path, display="s")
    assert found.sources == () and str(found.warnings[0]) == "s/empty.txt: skipped: it is empty"


def test_a_page_nested_too_deep_for_the_extractor_is_read_as_its_visible_text(tmp_path: Path) -> None:
    pytest.importorskip("trafilatura")
    depth = 100_000
    page = (
        "<html><head><title>T</title><script>var x = 900;</script></head><body>"
        + "<div>" * depth
        + "The Kant air base hosts about 500 personnel."
        + "</div>" * depth
        + "</body></html>"
    )
    (tmp_path / "deep.html").write_text(page, encoding="utf-8")
    found = read_sources(tmp_path, display="sources")
    (source,) = found.sources
    assert source.text.strip() == "The Kant air base hosts about 500 personnel."
    (warning,) = found.warnings
    assert "read the page's visible text instead" in str(warning)
