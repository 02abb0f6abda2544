from pathlib import Path

import pytest

from claimcheck.errors import ClaimcheckError
from claimcheck.sources import decode, read_sources


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
