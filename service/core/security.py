"""Passwords (argon2), opaque API tokens (stored as sha256) and draft encryption (Fernet)."""

from __future__ import annotations

import hashlib
import logging
import os
import secrets
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from service.core.config import Settings
from service.errors import ServiceError

log = logging.getLogger("romnotat.service.security")

_hasher = PasswordHasher()
# A valid hash to verify against when the user does not exist, so that unknown and known
# usernames take the same time.
_DUMMY_HASH = _hasher.hash("romnotat-ingen-bruker")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def password_needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)


def new_token() -> str:
    """An opaque bearer token (256 random bits); only its sha256 is stored."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class DecryptionError(Exception):
    """Stored draft data cannot be decrypted with the configured key(s)."""


_KEY_HINT = (
    'Lag en nøkkel med: python -c "from cryptography.fernet import Fernet; '
    'print(Fernet.generate_key().decode())"'
)


def _file_key(settings: Settings) -> bytes:
    """The embedded default's key: read var/secret.key, or create it (0600) on first use."""
    path = settings.secret_key_file
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        mode = path.stat().st_mode & 0o777
        if mode & 0o077:
            log.warning("Nøkkelfilen var lesbar for andre (%o); tilgangen er strammet inn.", mode)
            path.chmod(0o600)
        return path.read_bytes().strip()
    key = Fernet.generate_key()
    with os.fdopen(fd, "wb") as handle:
        handle.write(key + b"\n")
    log.info("Ny krypteringsnøkkel for utkast laget i %s.", path)
    return key


def _keys(settings: Settings) -> list[bytes]:
    if settings.secret_key is not None:
        raw = settings.secret_key.get_secret_value()
        return [k.strip().encode("utf-8") for k in raw.split(",") if k.strip()]
    if not settings.is_sqlite:
        raise ServiceError(
            "ROMNOTAT_SECRET_KEY må settes når databasen ikke er den innebygde SQLite-filen.",
            _KEY_HINT,
        )
    return [_file_key(settings)]


@lru_cache(maxsize=8)
def _fernet_for(keys: tuple[bytes, ...]) -> MultiFernet:
    try:
        return MultiFernet([Fernet(k) for k in keys])
    except (ValueError, TypeError):
        raise ServiceError(
            "ROMNOTAT_SECRET_KEY er ikke en gyldig Fernet-nøkkel.", _KEY_HINT
        ) from None


class DraftCipher:
    """Encrypts and decrypts draft text at rest."""

    def __init__(self, settings: Settings) -> None:
        keys = tuple(_keys(settings))
        if not keys:
            raise ServiceError("ROMNOTAT_SECRET_KEY er tom.", _KEY_HINT)
        self._fernet = _fernet_for(keys)

    def encrypt(self, text: str) -> bytes:
        return self._fernet.encrypt(text.encode("utf-8"))

    def decrypt(self, token: bytes) -> str:
        try:
            return self._fernet.decrypt(bytes(token)).decode("utf-8")
        except InvalidToken:
            raise DecryptionError() from None
