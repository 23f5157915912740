"""Text that came from a user (a box, a link, a file) shown as the text it is, never as markup.

Streamlit renders Markdown in errors, captions and labels (images, links, ``$…$`` LaTeX,
``:red[…]`` colours), KaTeX renders LaTeX, and Plotly renders a subset of HTML in chart labels
(``<a href>``, ``<b>``, ``<br>``). A shared link must not make a visitor's browser fetch an image
or show a link inside the app's own error box, so every such text passes through one of these.
"""

from __future__ import annotations

import html
import re

_BACKTICKS = re.compile(r"`+")
_LATEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "#": r"\#",
    "%": r"\%",
    "_": r"\_",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
}
_MARKDOWN_SPECIAL = re.compile(r"([!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])")


def code(text: str) -> str:
    """Return ``text`` as a Markdown code span: shown literally, in a monospace font.

    >>> code("![x](http://a.invalid/x.png)")
    '`![x](http://a.invalid/x.png)`'
    >>> code("a`b")
    '``a`b``'
    """
    text = " ".join(str(text).splitlines())
    fence = "`" * (max((len(run) for run in _BACKTICKS.findall(text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or not text.strip() else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def markdown(text: str) -> str:
    """Return ``text`` with every Markdown punctuation mark escaped, for running text.

    Colons are escaped too (Streamlit's ``:red[…]`` and ``:material/…:`` directives), and
    ``$`` (LaTeX). Prefer :func:`code` for a quoted token.

    >>> markdown("**bold** $x$")
    '\\\\*\\\\*bold\\\\*\\\\* \\\\$x\\\\$'
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(text).splitlines()))


def latex(text: str) -> str:
    r"""Return ``text`` for LaTeX's ``\text{…}``: every special character escaped.

    >>> latex("a_b {c}")
    'a\\_b \\{c\\}'
    """
    return "".join(_LATEX_SPECIAL.get(ch, ch) for ch in " ".join(str(text).splitlines()))


def chart_label(text: str) -> str:
    """Return ``text`` for a Plotly label or hover text, where ``<b>`` or ``<a>`` would render.

    >>> chart_label('<a href="http://a.invalid">x</a>')
    '&lt;a href=&quot;http://a.invalid&quot;&gt;x&lt;/a&gt;'
    """
    return html.escape(str(text), quote=True)
