"""Write the same article as articles/kant_report.{txt,html,pdf} from kant_report.txt.

Run by hand after editing the article (``pip install fpdf2`` first); the outputs are
committed so the tests need no PDF writer:  python tests/corpus/make_corpus.py
"""

from __future__ import annotations

import datetime
import html
from pathlib import Path

HERE = Path(__file__).parent
TITLE = "Russia Expands Its Air Base at Kant"
OUTLET = "Central Asia Wire"
DATE = datetime.datetime(2009, 5, 12, 9, 30, tzinfo=datetime.timezone.utc)


def main() -> None:
    text = (HERE / "kant_report.txt").read_text(encoding="utf-8")
    headline, body = text.split("\n\n", 1)
    paragraphs = [p.strip() for p in body.split("\n\n") if p.strip()]
    out = HERE / "articles"
    out.mkdir(exist_ok=True)
    (out / "kant_report.txt").write_text(text, encoding="utf-8")
    (out / "kant_report.html").write_text(page(headline, paragraphs), encoding="utf-8")
    write_pdf(out / "kant_report.pdf", headline, paragraphs)


def page(headline: str, paragraphs: list[str]) -> str:
    """A saved news page: navigation, scripts, a cookie banner, share buttons, comments."""
    body = "\n".join(f"      <p>{html.escape(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{html.escape(headline)} | {OUTLET}</title>
  <meta property="og:title" content="{html.escape(headline)}">
  <meta property="og:site_name" content="{OUTLET}">
  <meta property="article:published_time" content="{DATE.isoformat()}">
  <meta name="author" content="Staff Reporter">
  <link rel="canonical" href="https://wire.example/2009/05/kant-expands">
  <script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}}</script>
  <script src="/static/app.js"></script>
</head>
<body>
  <div class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>
  <header><nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/subscribe">Subscribe</a> | <a href="/login">Log in</a></nav></header>
  <main>
    <article>
      <h1>{html.escape(headline)}</h1>
      <p class="byline">By Staff Reporter, <time datetime="{DATE.date().isoformat()}">May 12, 2009</time></p>
{body}
    </article>
    <aside class="share">Share this article: <a href="#">Facebook</a> <a href="#">Twitter</a></aside>
    <section class="comments">
      <h2>Comments (2)</h2>
      <div class="comment">I heard the base has 900 people now. Who knows.</div>
      <div class="comment">Great article!</div>
    </section>
  </main>
  <footer>&copy; 2009 {OUTLET}. All rights reserved. <a href="/privacy">Privacy policy</a></footer>
  <!-- tracking pixel: 1x1 -->
</body>
</html>
"""


def write_pdf(path: Path, headline: str, paragraphs: list[str]) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_title(headline)
    pdf.set_author(OUTLET)
    pdf.set_creation_date(DATE)
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    pdf.multi_cell(0, 6, headline + "\n\n" + "\n\n".join(paragraphs[:2]))
    pdf.add_page()  # the rest on page 2, so findings there say p. 2
    pdf.multi_cell(0, 6, "\n\n".join(paragraphs[2:]))
    pdf.output(str(path))


if __name__ == "__main__":
    main()
