"""Who may change an added article: the person who added it (by the private owner key in their browser) or the
teacher (by the password the server was started with)."""
from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass

from analysis.text.textio import InputError


class NotYours(InputError):
    """An article someone else added."""


@dataclass(frozen=True)
class Editor:
    """Who asks to change an article: the owner id of their private key, and whether they are the teacher."""
    owner: str = ""
    teacher: bool = False


def owner_id(key: str) -> str:
    """The id stored with an article for an owner key (a hash: the corpus files never hold the key itself)."""
    return hashlib.sha256(f"framing-lens-owner:{key}".encode()).hexdigest()[:32]


def may_change(article_owner: str, editor: Editor | None) -> bool:
    """Whether `editor` may edit or delete an article with this owner id (None: a command run on the server)."""
    if editor is None or editor.teacher:
        return True
    return bool(article_owner) and bool(editor.owner) and hmac.compare_digest(article_owner, editor.owner)


def check_may_change(article_id: str, article_owner: str, editor: Editor | None) -> None:
    """NotYours unless `editor` may change the article."""
    if not may_change(article_owner, editor):
        raise NotYours(f"{article_id!r} was added by someone else: only they, or the teacher, can change or delete it")


def is_teacher(password: str, expected: str) -> bool:
    """Whether `password` is the teacher password the server was started with (never true when none was set)."""
    return bool(expected) and hmac.compare_digest(password.encode("utf-8"), expected.encode("utf-8"))
