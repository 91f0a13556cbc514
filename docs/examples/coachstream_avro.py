"""Decode CoachStream records (Avro single-object encoding) with no schema registry.

Every CoachStream value, and the key of coaching.skill-scores.v1, is: the marker bytes C3 01, the 8-byte
little-endian CRC-64-AVRO fingerprint of the writer's schema, then the Avro binary body. This module reads the
.avsc files of the repository (schemas/released/v*/ holds every released version), computes each schema's
fingerprint, and decodes a record with the schema its fingerprint names.

Needs Debian's python3-avro (or `pip install avro`).
"""
import datetime
import io
import json
import pathlib

import avro.io
import avro.schema

MARKER = b"\xc3\x01"
_EMPTY = 0xC15D213AA4D7A795


def _crc64_table():
    table = []
    for i in range(256):
        fp = i
        for _ in range(8):
            fp = (fp >> 1) ^ (_EMPTY if fp & 1 else 0)
        table.append(fp)
    return table


_TABLE = _crc64_table()


_PRIMITIVES = {"null", "boolean", "int", "long", "float", "double", "bytes", "string"}


def canonical_form(schema, namespace=None, seen=None):
    """The Parsing Canonical Form of a schema given as parsed JSON (the Avro specification's rules: full names,
    only the attributes that matter for reading, in a fixed order, no white space). Written out here because
    some Avro libraries keep primitive types as objects, which changes the fingerprint."""
    seen = set() if seen is None else seen
    if isinstance(schema, list):
        return "[" + ",".join(canonical_form(s, namespace, seen) for s in schema) + "]"
    if isinstance(schema, str):
        if schema in _PRIMITIVES or "." in schema or namespace is None:
            return json.dumps(schema)
        return json.dumps(namespace + "." + schema)
    kind = schema["type"]
    if kind in _PRIMITIVES:  # {"type": "long", "logicalType": ...} reads as a plain long
        return json.dumps(kind)
    if kind == "array":
        return '{"type":"array","items":' + canonical_form(schema["items"], namespace, seen) + "}"
    if kind == "map":
        return '{"type":"map","values":' + canonical_form(schema["values"], namespace, seen) + "}"
    if not isinstance(kind, str) or kind not in ("record", "error", "enum", "fixed"):
        return canonical_form(kind, namespace, seen)  # {"type": {...}} or {"type": "SomeName"}
    name = schema["name"]
    space = schema.get("namespace", namespace)
    full = name if "." in name or not space else space + "." + name
    if full in seen:
        return json.dumps(full)
    seen.add(full)
    inner = full.rsplit(".", 1)[0] if "." in full else None
    text = '{"name":' + json.dumps(full) + ',"type":' + json.dumps(kind)
    if kind in ("record", "error"):
        text += ',"fields":[' + ",".join(
            '{"name":' + json.dumps(f["name"]) + ',"type":' + canonical_form(f["type"], inner, seen) + "}"
            for f in schema["fields"]) + "]"
    elif kind == "enum":
        text += ',"symbols":[' + ",".join(json.dumps(s) for s in schema["symbols"]) + "]"
    else:
        text += ',"size":' + str(int(schema["size"]))
    return text + "}"


def fingerprint(schema_json):
    """CRC-64-AVRO of the schema's Parsing Canonical Form: the 8 bytes after the C3 01 marker."""
    fp = _EMPTY
    for byte in canonical_form(schema_json).encode("utf-8"):
        fp = (fp >> 8) ^ _TABLE[(fp ^ byte) & 0xFF]
    return fp


class Decoder:
    """Knows every schema found under the given folders, by fingerprint."""

    def __init__(self, *folders):
        self.schemas = {}
        for folder in folders:
            for path in sorted(pathlib.Path(folder).rglob("*.avsc")):
                text = path.read_text(encoding="utf-8")
                self.schemas[fingerprint(json.loads(text))] = avro.schema.parse(text)
        if not self.schemas:
            raise SystemExit(f"no .avsc files under {folders}")

    def decode(self, data):
        """The record as a JSON-ready dict, or None for a tombstone. Raises ValueError for foreign bytes."""
        if data is None:
            return None
        if len(data) < 10 or data[:2] != MARKER:
            raise ValueError("not a single-object encoded Avro record (no C3 01 marker)")
        fp = int.from_bytes(data[2:10], "little")
        schema = self.schemas.get(fp)
        if schema is None:
            raise ValueError(f"unknown writer schema, fingerprint {fp:016x}: use newer .avsc files")
        reader = avro.io.DatumReader(schema)
        return _json_ready(reader.read(avro.io.BinaryDecoder(io.BytesIO(data[10:]))))

    def decode_key(self, data):
        """Keys are UTF-8 agent ids, except the Avro AgentWindowKey of coaching.skill-scores.v1."""
        if data is not None and data[:2] == MARKER:
            return self.decode(data)
        return None if data is None else data.decode("utf-8")


def _json_ready(value):
    if isinstance(value, datetime.datetime):
        # the same text as CoachStream's own JSON: ISO-8601 in UTC, milliseconds only when there are some
        value = value.astimezone(datetime.timezone.utc)
        text = value.strftime("%Y-%m-%dT%H:%M:%S")
        millis = value.microsecond // 1000
        return text + (f".{millis:03d}Z" if millis else "Z")
    if isinstance(value, dict):
        return {k: _json_ready(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_ready(v) for v in value]
    if isinstance(value, bytes):
        return value.hex()
    return value


def read_to_end(config, topic, timeout=30.0):
    """Every record of the topic, from the beginning of each partition to its end at the time of reading.

    `config` is a confluent-kafka consumer configuration; records are read with read_committed isolation (the
    streams processor writes in transactions) and no consumer group offsets are used or committed."""
    from confluent_kafka import OFFSET_BEGINNING, Consumer, KafkaError, TopicPartition

    consumer = Consumer({"group.id": "coachstream-example", "enable.auto.commit": False,
                         "isolation.level": "read_committed", **config, "enable.partition.eof": True})
    try:
        partitions = consumer.list_topics(topic, timeout=timeout).topics[topic].partitions
        consumer.assign([TopicPartition(topic, p, OFFSET_BEGINNING) for p in partitions])
        at_end = set()
        while len(at_end) < len(partitions):
            message = consumer.poll(timeout)
            if message is None:
                raise SystemExit(f"no end of {topic} within {timeout} s")
            if message.error():
                if message.error().code() != KafkaError._PARTITION_EOF:
                    raise SystemExit(str(message.error()))
                at_end.add(message.partition())
                continue
            at_end.discard(message.partition())
            yield message
    finally:
        consumer.close()


def dumps(value):
    return json.dumps(value, ensure_ascii=False, sort_keys=False)
