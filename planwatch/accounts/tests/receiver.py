"""A webhook receiver on 127.0.0.1 for the tests: records every request it gets and
answers by path — /ok (200), /robot (a robot's {"errcode": 0}), /refuse (a robot's
error code), /broken (500), /slow (answers after the client has given up)."""

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Receiver:
    url: str
    received: list[Received] = field(default_factory=list)

    def json(self, index: int = -1) -> dict:
        return json.loads(self.received[index].body)


@contextmanager
def receiver(slow_seconds: float = 2.0) -> Iterator[Receiver]:
    record = Receiver(url="")

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            record.received.append(Received(self.path, dict(self.headers), body))
            path = self.path.split("?")[0]
            if path == "/slow":
                time.sleep(slow_seconds)
            status, answer = {
                "/robot": (200, {"errcode": 0, "errmsg": "ok"}),
                "/refuse": (200, {"errcode": 310000, "errmsg": "sign not match"}),
                "/broken": (500, {"error": "down"}),
            }.get(path, (200, {"ok": True}))
            payload = json.dumps(answer).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    record.url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield record
    finally:
        server.shutdown()
        server.server_close()
