#!/usr/bin/env python3
"""buf plugin bridge: Python messages and gRPC stubs from grpcio-tools' protoc.

buf runs plugins as separate executables, but grpcio-tools ships its Python and
gRPC generators compiled into `grpc_tools.protoc`, not as plugins. This bridge
reads buf's CodeGeneratorRequest, hands the exact descriptors buf compiled to
the bundled protoc (`--descriptor_set_in`, so protoc parses nothing itself),
and returns the files it wrote. Nothing is downloaded; the generated code
matches the grpcio-tools version pinned in pyproject.toml.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from google.protobuf import descriptor_pb2
from google.protobuf.compiler import plugin_pb2
from grpc_tools import protoc


def main() -> int:
    request = plugin_pb2.CodeGeneratorRequest.FromString(sys.stdin.buffer.read())
    response = plugin_pb2.CodeGeneratorResponse(
        supported_features=plugin_pb2.CodeGeneratorResponse.FEATURE_PROTO3_OPTIONAL
    )
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        descriptors = descriptor_pb2.FileDescriptorSet(file=request.proto_file)
        (work / "set.binpb").write_bytes(descriptors.SerializeToString())
        out = work / "out"
        out.mkdir()
        argv = [
            "grpc_tools.protoc",
            f"--descriptor_set_in={work / 'set.binpb'}",
            f"--python_out={out}",
            f"--grpc_python_out={out}",
            *request.file_to_generate,
        ]
        if protoc.main(argv) != 0:
            response.error = "grpc_tools.protoc failed on " + " ".join(request.file_to_generate)
        else:
            for path in sorted(out.rglob("*.py")):
                response.file.add(name=str(path.relative_to(out)), content=path.read_text())
    sys.stdout.buffer.write(response.SerializeToString())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
