#!/usr/bin/env python3
"""Small helpers for kafka.sh that would otherwise need a JVM start each.

  kafka_probe.py free-ports N          N distinct free TCP ports on 127.0.0.1, one a line
  kafka_probe.py cluster-id            a random KRaft cluster id (16 random bytes, base64url)
  kafka_probe.py metadata HOST:PORT [--timeout S] [--interval S] [--pid P]
        Sends a real Kafka Metadata request (API key 3, version 4) until a response lists the
        broker at HOST:PORT, or the timeout passes, or process P (the broker) exits.
        Exit 0 ready, 1 timed out, 2 process P exited.

Why a raw protocol probe and not kafka-topics.sh or an Admin client: one JVM start costs about
1-2 s of CPU on the 2-core CI machine while the broker itself is starting, and a loop of them
would slow the start it is waiting for. This probe sends the same request a client sends first
(Metadata for all topics) and checks that the broker returns itself in the broker list, which a
KRaft broker does only once it has caught up with the metadata log and been unfenced. Metadata
v4 is the oldest version Kafka 4.x still accepts (KIP-896 removed v0-v3) and uses the classic,
non-flexible encoding, so the request is a few fixed bytes.
"""

import argparse
import base64
import os
import socket
import struct
import sys
import time

_API_METADATA = 3
_METADATA_VERSION = 4
_CLIENT_ID = b"paxscreen-probe"


def free_ports(n):
    # Hold every socket until all are bound so the N ports are distinct. A port can still be
    # taken between this and the broker's bind; kafka.sh retries the start on a bind failure.
    socks = []
    try:
        for _ in range(n):
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.bind(("127.0.0.1", 0))
            socks.append(s)
        return [s.getsockname()[1] for s in socks]
    finally:
        for s in socks:
            s.close()


def cluster_id():
    # Same form as `kafka-storage random-uuid`: 16 random bytes, URL-safe base64, no padding,
    # and like Kafka's Uuid.randomUuid() never starting with '-' (a command line would take it
    # for an option).
    while True:
        cid = base64.urlsafe_b64encode(os.urandom(16)).rstrip(b"=").decode()
        if not cid.startswith("-"):
            return cid


def _recv_exact(sock, n):
    buf = bytearray()
    while len(buf) < n:
        chunk = sock.recv(n - len(buf))
        if not chunk:
            raise ConnectionError("connection closed by the broker")
        buf.extend(chunk)
    return bytes(buf)


class _Reader:
    def __init__(self, data):
        self.data, self.pos = data, 0

    def take(self, fmt):
        vals = struct.unpack_from(fmt, self.data, self.pos)
        self.pos += struct.calcsize(fmt)
        return vals[0] if len(vals) == 1 else vals

    def string(self):
        n = self.take(">h")
        if n < 0:
            return None
        s = self.data[self.pos:self.pos + n].decode("utf-8", "replace")
        self.pos += n
        return s


def metadata_once(host, port, timeout):
    """One Metadata v4 round trip. Returns (brokers [(id, host, port)], cluster_id)."""
    correlation_id = 0x5041
    header = struct.pack(">hhih", _API_METADATA, _METADATA_VERSION, correlation_id,
                         len(_CLIENT_ID)) + _CLIENT_ID
    body = struct.pack(">i?", -1, False)  # topics = null (all), allow_auto_topic_creation
    request = header + body
    with socket.create_connection((host, port), timeout=timeout) as sock:
        sock.settimeout(timeout)
        sock.sendall(struct.pack(">i", len(request)) + request)
        size = struct.unpack(">i", _recv_exact(sock, 4))[0]
        r = _Reader(_recv_exact(sock, size))
    if r.take(">i") != correlation_id:
        raise ValueError("correlation id mismatch")
    r.take(">i")  # throttle_time_ms
    brokers = []
    for _ in range(r.take(">i")):
        node_id = r.take(">i")
        bhost = r.string()
        bport = r.take(">i")
        r.string()  # rack
        brokers.append((node_id, bhost, bport))
    return brokers, r.string()


def _alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has exited
    except OSError:
        return False


def wait_ready(address, timeout, interval, pid=None):
    host, _, port = address.rpartition(":")
    port = int(port)
    deadline = time.monotonic() + timeout
    last = "no attempt"
    while True:
        try:
            brokers, cid = metadata_once(host, port, timeout=2.0)
            if any(p == port for _, _, p in brokers):
                print(f"ready: cluster {cid}, brokers {brokers}", file=sys.stderr)
                return 0
            last = f"metadata lists brokers {brokers}, not port {port} yet"
        except (OSError, ValueError, struct.error) as e:
            last = f"{type(e).__name__}: {e}"
        if pid is not None and not _alive(pid):
            print(f"broker process {pid} exited before it was ready ({last})", file=sys.stderr)
            return 2
        if time.monotonic() >= deadline:
            print(f"not ready after {timeout:.0f} s ({last})", file=sys.stderr)
            return 1
        time.sleep(interval)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    fp = sub.add_parser("free-ports")
    fp.add_argument("n", type=int)
    sub.add_parser("cluster-id")
    md = sub.add_parser("metadata")
    md.add_argument("address")
    md.add_argument("--timeout", type=float, default=60.0)
    md.add_argument("--interval", type=float, default=0.2)
    md.add_argument("--pid", type=int, default=None)
    args = ap.parse_args()
    if args.cmd == "free-ports":
        print("\n".join(str(p) for p in free_ports(args.n)))
        return 0
    if args.cmd == "cluster-id":
        print(cluster_id())
        return 0
    return wait_ready(args.address, args.timeout, args.interval, args.pid)


if __name__ == "__main__":
    sys.exit(main())
