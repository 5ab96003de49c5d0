"""A PostgreSQL server that accepts connections but never answers (hung, overloaded) costs a
connection attempt a few seconds, not forever."""

import socket
import threading

import pytest
from sqlalchemy.exc import OperationalError

from app.core.db import CONNECT_TIMEOUT_SECONDS, create_database_engine

pytestmark = pytest.mark.backend_independent


def test_connecting_to_a_silent_server_gives_up() -> None:
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen()  # the kernel accepts; nothing ever answers the startup message
    port = silent.getsockname()[1]
    engine = create_database_engine(f"postgresql://nobody@127.0.0.1:{port}/none")
    outcome: dict[str, BaseException] = {}

    def connect() -> None:
        try:
            engine.connect().close()
        except BaseException as error:
            outcome["error"] = error

    attempt = threading.Thread(target=connect, daemon=True)
    attempt.start()
    attempt.join(timeout=CONNECT_TIMEOUT_SECONDS * 4)
    try:
        assert not attempt.is_alive(), "the connection attempt hung"
        assert isinstance(outcome.get("error"), OperationalError)
    finally:
        engine.dispose()
        silent.close()
