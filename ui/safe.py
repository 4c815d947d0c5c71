"""User text shown as text: escaped for the Markdown that Streamlit renders in messages, captions and labels."""
from __future__ import annotations

import re

# Any ASCII punctuation may be backslash-escaped in CommonMark, and escaped it is literal. These are the ones that
# can start Markdown: link, image, emphasis, heading, list, table, HTML, entity, LaTeX ($), colour directive
# (:red[...]). Commas, quotes and the like stay as they are.
_PUNCTUATION = re.compile(r"([!#$&()*+\-./:<=>@\[\\\]^_`{|}~])")
# Bare URLs and e-mail addresses are linked after parsing, escapes or not: an invisible word joiner (U+2060)
# after "http:", "www" and "@" stops that and changes nothing a reader sees.
_AUTOLINK = re.compile(r"(?<=:)(?=//)|(?<=\bwww)(?=\.)|(?<=@)", re.IGNORECASE)
WORD_JOINER = "\u2060"


def md(text) -> str:
    """`text` escaped for st.markdown, st.caption, messages and widget labels: shown exactly as typed."""
    return _PUNCTUATION.sub(r"\\\1", _AUTOLINK.sub(WORD_JOINER, str(text))).replace("\n", "  \n")


def error(where, exc: Exception) -> None:
    """Show an error message (it may quote user text: file names, headlines) as plain text."""
    where.error(md(exc))
