#!/usr/bin/env python3
"""Print a CoachStream topic as JSON lines: {"partition", "offset", "key", "value"}.

  python3 docs/examples/read_topic.py --bootstrap-servers localhost:9092 --topic coaching.alerts.v1 \
      --schemas schemas/released

Reads every partition from the beginning up to its current end, then stops. Values are decoded by the
fingerprint in their first 10 bytes; -X passes any librdkafka setting (SASL, TLS), e.g. -X security.protocol=SSL.
"""
import argparse

from coachstream_avro import Decoder, dumps, read_to_end


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bootstrap-servers", required=True)
    parser.add_argument("--topic", required=True)
    parser.add_argument("--schemas", default="schemas/released", help="folder with the .avsc files")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for the end of the topic")
    parser.add_argument("-X", dest="extra", action="append", default=[], metavar="KEY=VALUE")
    args = parser.parse_args()

    decoder = Decoder(args.schemas)
    config = {"bootstrap.servers": args.bootstrap_servers, **dict(kv.split("=", 1) for kv in args.extra)}
    for message in read_to_end(config, args.topic, args.timeout):
        print(dumps({"partition": message.partition(), "offset": message.offset(),
                     "key": decoder.decode_key(message.key()), "value": decoder.decode(message.value())}))


if __name__ == "__main__":
    main()
