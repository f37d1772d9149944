"""A flaky network on loopback: a small asyncio TCP forwarder between the client and nginx that, request by request,
drops the connection before the request reaches the server, drops it after the server has handled it (the answer is
lost), cuts the answer midway, or answers 503 itself. It is the network, not the API: every request it lets through
is served by the real stack.
"""

from __future__ import annotations

import asyncio
import random
import threading
from collections import Counter

FAULTS = ("drop_before", "drop_after", "cut_midway", "status_503")


async def _read_message(reader: asyncio.StreamReader, is_response: bool, method: str = "") -> bytes | None:
    """One HTTP/1.1 message (head and body), or None at end of stream."""
    try:
        head = await reader.readuntil(b"\r\n\r\n")
    except (asyncio.IncompleteReadError, ConnectionError):
        return None
    lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            name, value = line.split(":", 1)
            headers[name.strip().lower()] = value.strip()
    if is_response:
        status = int(lines[0].split()[1])
        if method == "HEAD" or status in (204, 304) or 100 <= status < 200:
            return head
    if headers.get("transfer-encoding", "").lower() == "chunked":
        body = b""
        while True:
            size_line = await reader.readuntil(b"\r\n")
            size = int(size_line.split(b";")[0], 16)
            chunk = await reader.readexactly(size + 2)
            body += size_line + chunk
            if size == 0:
                break
        return head + body
    length = int(headers.get("content-length", "0") or 0)
    if not is_response or "content-length" in headers:
        return head + (await reader.readexactly(length) if length else b"")
    return head + await reader.read()  # body until close


class FaultProxy:
    """``with FaultProxy(port, rates, seed) as proxy: proxy.url`` — faults drawn per request with the given rates."""

    def __init__(self, upstream_port: int, rates: dict[str, float] | None = None, seed: int = 7):
        self.upstream_port = upstream_port
        self.rates = dict(rates or {})
        self.random = random.Random(seed)
        self.counts: Counter = Counter()
        self.port = 0
        self._loop = asyncio.new_event_loop()
        self._server = None
        self._tasks: set = set()
        self._thread = threading.Thread(target=self._loop.run_forever, name="fault-proxy", daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _draw(self) -> str:
        roll = self.random.random()
        for fault in FAULTS:
            roll -= self.rates.get(fault, 0.0)
            if roll < 0:
                return fault
        return "pass"

    async def _handle(self, client_reader, client_writer):
        self._tasks.add(asyncio.current_task())
        upstream = None
        try:
            while True:
                request = await _read_message(client_reader, is_response=False)
                if request is None:
                    return
                method = request.split(b" ", 1)[0].decode("latin-1")
                fault = self._draw()
                self.counts[fault] += 1
                self.counts["requests"] += 1
                if fault == "drop_before":
                    return
                if fault == "status_503":
                    body = b"<html><body>503 Service Temporarily Unavailable</body></html>"
                    client_writer.write(b"HTTP/1.1 503 Service Temporarily Unavailable\r\nContent-Type: text/html\r\n"
                                        b"Content-Length: %d\r\nConnection: close\r\n\r\n%s" % (len(body), body))
                    await client_writer.drain()
                    return
                if upstream is None:
                    upstream = await asyncio.open_connection("127.0.0.1", self.upstream_port)
                up_reader, up_writer = upstream
                up_writer.write(request)
                await up_writer.drain()
                response = await _read_message(up_reader, is_response=True, method=method)
                if response is None:
                    return
                if fault == "drop_after":
                    return
                if fault == "cut_midway":
                    client_writer.write(response[: max(1, len(response) // 2)])
                    await client_writer.drain()
                    return
                client_writer.write(response)
                await client_writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError):
            return
        finally:
            if upstream is not None:
                upstream[1].close()
            client_writer.close()
            self._tasks.discard(asyncio.current_task())

    def __enter__(self) -> FaultProxy:
        self._thread.start()

        async def serve():
            return await asyncio.start_server(self._handle, "127.0.0.1", 0)

        self._server = asyncio.run_coroutine_threadsafe(serve(), self._loop).result(10)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    def __exit__(self, *exc) -> None:
        async def close():
            self._server.close()
            for task in list(self._tasks):
                task.cancel()
            await asyncio.gather(*self._tasks, return_exceptions=True)
            await self._server.wait_closed()

        asyncio.run_coroutine_threadsafe(close(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
