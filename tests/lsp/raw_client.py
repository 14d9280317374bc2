"""A client that speaks JSON-RPC frames itself, for what a well-behaved client
library would refuse to send (parameters of the wrong shape) and for looking at
the server's process (its memory).

A reader thread files every message the server sends; the test waits on
those messages (a response by id, a notification that matches), never for a
fixed time. WAIT_SECONDS only bounds how long a broken server can hang a test.
"""

from __future__ import annotations

import itertools
import json
import subprocess
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lsp_session import SERVER_COMMAND, WAIT_SECONDS, uri_of

Message = dict[str, Any]


class RawClient:
    def __init__(self, log_path: Path) -> None:
        self._log = log_path.open("wb")
        self.process = subprocess.Popen(SERVER_COMMAND, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        stderr=self._log)
        self._ids = itertools.count(1)
        self._changed = threading.Condition()
        self._sending = threading.Lock()
        self.responses: dict[int | str | None, Message] = {}
        self.notifications: list[Message] = []
        self.arrivals: list[Message] = []   # responses and notifications, in the order they came
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    # ------------------------------------------------------------ sending

    def send(self, message: Any) -> None:
        """One frame; `message` may be anything JSON can hold (or bytes, sent as the body)."""
        body = message if isinstance(message, bytes) else json.dumps(message).encode("utf-8")
        with self._sending:
            self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            self.process.stdin.flush()

    def request(self, method: str, params: Any) -> int:
        """Send a request; its id, to wait for its response."""
        message_id = next(self._ids)
        self.send({"jsonrpc": "2.0", "id": message_id, "method": method, "params": params})
        return message_id

    def notify(self, method: str, params: Any) -> None:
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def call(self, method: str, params: Any) -> Message:
        return self.response(self.request(method, params))

    # ------------------------------------------------------------ waiting

    def response(self, message_id: int) -> Message:
        return self._wait(lambda: self.responses.get(message_id))

    def notification(self, where: Callable[[Message], bool]) -> Message:
        """The first notification received so far, or still to come, that satisfies `where`."""
        return self._wait(lambda: next((message for message in self.notifications if where(message)), None))

    def _wait(self, found: Callable[[], Message | None]) -> Message:
        with self._changed:
            if not self._changed.wait_for(lambda: found() is not None or self.process.poll() is not None,
                                          timeout=WAIT_SECONDS):
                raise TimeoutError("the server did not send the message awaited")
            message = found()
            if message is None:
                raise EOFError(f"the server exited with {self.process.returncode}")
            return message

    def _read(self) -> None:
        stream = self.process.stdout
        while True:
            length = None
            while (line := stream.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("ascii").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            if not line or length is None:
                break
            self._file(json.loads(stream.read(length)))
        with self._changed:
            self._changed.notify_all()

    def _file(self, message: Message) -> None:
        if "method" in message and "id" in message:
            self.send({"jsonrpc": "2.0", "id": message["id"], "result": None})  # a request of the server's
            return
        with self._changed:
            if "method" in message:
                self.notifications.append(message)
            else:
                self.responses[message.get("id")] = message
            self.arrivals.append(message)
            self._changed.notify_all()

    # ------------------------------------------------------------ the session

    def initialize(self, root: Path, **options: Any) -> Message:
        answer = self.call("initialize", {"processId": None, "rootUri": uri_of(root), "capabilities": {},
                                          "initializationOptions": options or None})
        self.notify("initialized", {})
        return answer

    def open(self, uri: str, text: str, version: int = 1) -> None:
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "segquery", "version": version, "text": text}})

    def close(self, uri: str) -> None:
        self.notify("textDocument/didClose", {"textDocument": {"uri": uri}})

    def diagnostics(self, uri: str, version: int | None = 1) -> list[Message]:
        """The diagnostics published for a version of a document."""
        return self.notification(lambda message: message["method"] == "textDocument/publishDiagnostics"
                                 and message["params"]["uri"] == uri
                                 and message["params"].get("version") == version)["params"]["diagnostics"]

    def rss_kib(self) -> int:
        """The server process's resident memory (Linux), in KiB."""
        status = Path(f"/proc/{self.process.pid}/status").read_text(encoding="ascii")
        return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:")))

    def shutdown(self) -> int:
        """End the session; the server's exit code."""
        try:
            if self.process.poll() is None:
                self.call("shutdown", None)
                self.notify("exit", None)
                self.process.stdin.close()
            return self.process.wait(timeout=WAIT_SECONDS)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
            self._log.close()
