"""Starts `phoenix serve` with its OTLP gRPC server bound to loopback.

Phoenix binds its gRPC port on every interface ("[::]:PORT") with no setting to change it; tests must listen on
127.0.0.1 only, so this launcher rewrites that one address before Phoenix starts. Everything else is Phoenix as shipped.
"""

import sys

from grpc.aio import _server

_add_insecure_port = _server.Server.add_insecure_port


def _loopback_only(self, address):
    return _add_insecure_port(self, address.replace("[::]:", "127.0.0.1:"))


# The concrete class grpc.aio.server() instantiates (grpc.aio.Server is only its abstract base).
_server.Server.add_insecure_port = _loopback_only

from phoenix.server.main import main  # noqa: E402

sys.argv = ["phoenix", "serve", *sys.argv[1:]]
main()
