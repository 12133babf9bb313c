"""Client CAs a server trusts beyond its own: the CA certificates of federation's active peers.

With mTLS on (`tls_client_ca_file`), the server's credentials are dynamic
(grpc's certificate-config fetcher, called by gRPC core on every new
connection): the roots a client certificate must chain to are the configured
client CA plus whatever the federation service put here from its ACTIVE
peers' trust bundles (x509-svid entries). A peer activated, refreshed or
suspended changes the set for the next handshake, with no restart. The
fetcher runs on gRPC's thread: it only compares a version number.
"""

from __future__ import annotations

import threading


class PeerClientRoots:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pem = b""
        self._version = 0

    def set(self, pem: bytes) -> None:
        """Trust exactly these (PEM) CA certificates besides the server's own client CA."""
        with self._lock:
            if pem != self._pem:
                self._pem = pem
                self._version += 1

    def snapshot(self) -> tuple[int, bytes]:
        with self._lock:
            return self._version, self._pem


PEER_CLIENT_ROOTS = PeerClientRoots()
"""The process's set (one server per process)."""
