"""Reads a .wandb file and prints its records as JSON lines, parsing every payload with the official
wandb_internal_pb2 (wandb 0.31 no longer ships its Python datastore reader; the framing below follows the
documented LevelDB-log layout with W&B's header and IEEE CRC-32, and checks every CRC and the zero padding)."""

import json
import struct
import sys
import zlib

from google.protobuf.json_format import MessageToDict
from wandb.proto import wandb_internal_pb2 as pb

BLOCK = 32768


def records(path):
    with open(path, "rb") as f:
        data = f.read()
    ident, magic, version = struct.unpack("<4sHB", data[:7])
    assert (ident, magic, version) == (b":W&B", 0xBEE1, 0), f"bad header {data[:7]!r}"
    pos, pending = 7, b""
    while pos < len(data):
        left = BLOCK - pos % BLOCK
        if left < 7:
            assert data[pos : pos + left] == b"\0" * left, f"non-zero padding at {pos}"
            pos += left
            continue
        crc, length, kind = struct.unpack("<IHB", data[pos : pos + 7])
        payload = data[pos + 7 : pos + 7 + length]
        assert zlib.crc32(bytes([kind]) + payload) & 0xFFFFFFFF == crc, f"bad crc at {pos}"
        pos += 7 + length
        if kind == 1:
            yield payload
        elif kind == 2:
            pending = payload
        elif kind == 3:
            pending += payload
        elif kind == 4:
            yield pending + payload
            pending = b""
        else:
            raise AssertionError(f"record type {kind} at {pos}")


for payload in records(sys.argv[1]):
    rec = pb.Record()
    rec.ParseFromString(payload)
    kind = rec.WhichOneof("record_type")
    print(json.dumps({"num": rec.num, "kind": kind, "body": MessageToDict(getattr(rec, kind), preserving_proto_field_name=True) if kind else {}}))
