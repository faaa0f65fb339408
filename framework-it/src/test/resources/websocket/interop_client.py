"""A real third-party WebSocket client (the Python 'websockets' library) against a Brisk server.

Usage: interop_client.py PORT. Prints one line per check, "ok <name>" or "FAIL <name>: <why>",
and exits 0 only when every check passed. Used by PythonClientInteropTest.
"""
import json
import sys

from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

PORT = int(sys.argv[1])
BASE = f"ws://127.0.0.1:{PORT}"
failures = 0


def check(name, fn):
    global failures
    try:
        fn()
        print(f"ok {name}", flush=True)
    except Exception as e:  # report and go on with the next check
        failures += 1
        print(f"FAIL {name}: {type(e).__name__}: {e}", flush=True)


def expect(actual, wanted):
    if actual != wanted:
        raise AssertionError(f"expected {wanted!r}, got {actual!r}")


def echo_text_and_binary():
    with connect(f"{BASE}/interop/echo", compression=None) as ws:
        ws.send("héllo")
        expect(ws.recv(timeout=5), "héllo")
        ws.send(bytes(range(256)))
        expect(ws.recv(timeout=5), bytes(range(256)))
        big = ["x" * 40_000] * 5                 # 200 kB in frames under the 64 KiB frame limit
        ws.send(big)
        expect(ws.recv(timeout=5), "".join(big))
        ws.send(["frag", "mented ", "message"])  # a list is sent as one fragmented message
        expect(ws.recv(timeout=5), "fragmented message")
        pong = ws.ping(b"are you there")
        if not pong.wait(5):
            raise AssertionError("no pong")


def frame_limit():
    with connect(f"{BASE}/interop/echo", compression=None) as ws:
        ws.send("y" * 70_000)                    # one frame over the 64 KiB limit
        try:
            ws.recv(timeout=5)
            raise AssertionError("not closed")
        except ConnectionClosed as e:
            expect(e.rcvd.code, 1009)


def compression_agreed():
    with connect(f"{BASE}/interop/echo") as ws:  # offers permessage-deflate by default
        extensions = ws.response.headers.get("Sec-WebSocket-Extensions", "")
        if "permessage-deflate" not in extensions:
            raise AssertionError(f"compression not agreed: {extensions!r}")
        text = "compress me " * 1000
        ws.send(text)
        expect(ws.recv(timeout=5), text)


def json_and_validation_close():
    with connect(f"{BASE}/interop/orders", compression=None) as ws:
        ws.send(json.dumps({"item": "tea", "quantity": 2}))
        expect(json.loads(ws.recv(timeout=5)), {"item": "tea", "quantity": 2})
        ws.send(json.dumps({"item": "tea", "quantity": 0}))
        try:
            ws.recv(timeout=5)
            raise AssertionError("not closed")
        except ConnectionClosed as e:
            expect(e.rcvd.code, 1008)
            if not e.rcvd.reason.startswith("invalid message: quantity"):
                raise AssertionError(f"reason {e.rcvd.reason!r}")


def subprotocol_and_query():
    with connect(f"{BASE}/interop/hello?name=ann", subprotocols=["v1", "v2"], compression=None) as ws:
        expect(ws.subprotocol, "v2")
        expect(ws.recv(timeout=5), "hello ann")


def refused_handshake():
    try:
        with connect(f"{BASE}/interop/hello", compression=None):
            raise AssertionError("the handshake without a name was accepted")
    except Exception as e:
        status = getattr(getattr(e, "response", None), "status_code", None)
        expect(status, 422)


def client_close():
    with connect(f"{BASE}/interop/echo", compression=None) as ws:
        ws.close(code=4000, reason="bye")
        expect(ws.close_code, 4000)


check("echo text, binary, a large message, a fragmented one, ping", echo_text_and_binary)
check("1009 for a frame over the limit", frame_limit)
check("permessage-deflate", compression_agreed)
check("JSON messages, and 1008 for an invalid one", json_and_validation_close)
check("sub-protocol and query parameter", subprotocol_and_query)
check("a 422 before the handshake", refused_handshake)
check("the client's close handshake", client_close)
sys.exit(1 if failures else 0)
