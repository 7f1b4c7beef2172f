"""Decodes an OTLP ExportTraceServiceRequest (protobuf, stdin) with the official opentelemetry-proto classes and
prints it as OTLP/JSON (ids as hex, as the OTLP JSON encoding specifies)."""

import json
import sys

from google.protobuf.json_format import MessageToDict
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest

request = ExportTraceServiceRequest()
request.ParseFromString(sys.stdin.buffer.read())
data = MessageToDict(request)
for rs in data.get("resourceSpans", []):
    for ss in rs.get("scopeSpans", []):
        for span in ss.get("spans", []):
            for key in ("traceId", "spanId", "parentSpanId"):
                if span.get(key):
                    span[key] = __import__("base64").b64decode(span[key]).hex()
print(json.dumps(data))
