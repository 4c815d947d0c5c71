"""Private keys that only this server makes (for drafts, and for the articles a browser added): random, and signed
with a secret kept on the server, so that a key typed by hand (`?draft=aaaaaaaaaaaaaaaa`) is refused."""
from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import os
import re
import secrets
from pathlib import Path

SECRET_FILE = ".server-secret"
KEY_RE = re.compile(r"[A-Za-z0-9_-]{40}")


def _secret(folder: Path) -> bytes:
    """This server's secret (made once, readable by the server's user only)."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = folder / SECRET_FILE
    with contextlib.suppress(FileExistsError):
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(secrets.token_bytes(32))
            fh.flush()
            os.fsync(fh.fileno())
    secret = path.read_bytes()
    if len(secret) != 32:
        raise RuntimeError(f"{path.name} is damaged: delete it (every private link made before stops working)")
    return secret


def _sign(kind: str, token: str, folder: Path) -> str:
    mac = hmac.new(_secret(folder), f"{kind}:{token}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(mac).decode()[:16]


def new_key(kind: str, folder: Path) -> str:
    """A fresh key of this kind ('draft' or 'owner'), signed with the secret kept in `folder`."""
    token = secrets.token_urlsafe(18)
    return token + _sign(kind, token, folder)


def is_key(kind: str, key: str, folder: Path) -> bool:
    """Whether `key` is a key of this kind that this server made."""
    if not KEY_RE.fullmatch(key or ""):
        return False
    return hmac.compare_digest(key[24:], _sign(kind, key[:24], folder))
