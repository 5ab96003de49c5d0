"""A TCP proxy that can freeze: while frozen it accepts connections and reads every byte but
forwards nothing, as a stopped server looks from the network (its kernel still answers)."""

import socket
import threading
import time


class FreezableProxy:
    def __init__(self, target: tuple[str, int]) -> None:
        self._target = target
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self._listener.getsockname()[1]
        self._frozen = threading.Event()
        self._closed = threading.Event()
        self._sockets: list[socket.socket] = [self._listener]
        threading.Thread(target=self._accept, daemon=True).start()

    def freeze(self) -> None:
        self._frozen.set()

    def thaw(self) -> None:
        self._frozen.clear()

    def _accept(self) -> None:
        while not self._closed.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            self._sockets.append(client)
            if self._frozen.is_set():
                continue  # kept open, never answered: the connection attempt waits
            upstream = socket.create_connection(self._target)
            self._sockets.append(upstream)
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                while self._frozen.is_set() and not self._closed.is_set():
                    time.sleep(0.05)  # held back: nothing reaches the other side
                sink.sendall(data)
        except OSError:
            pass
        finally:
            sink.close()

    def __enter__(self) -> "FreezableProxy":
        return self

    def __exit__(self, *_exception: object) -> None:
        self._closed.set()
        for each in self._sockets:
            each.close()
