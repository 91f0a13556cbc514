#!/usr/bin/env python3
"""Print a CoachStream topic as JSON lines: {"partition", "offset", "key", "value"}.

  python3 docs/examples/read_topic.py --bootstrap-servers localhost:9092 --topic coaching.alerts.v1 \
      --schemas schemas/released

Reads every partition from the beginning up to its current end, then stops. Values are decoded by the
fingerprint in their first 10 bytes; -X passes any librdkafka setting (SASL, TLS), e.g. -X security.protocol=SSL.
"""
import argparse
import sys

from confluent_kafka import OFFSET_BEGINNING, Consumer, KafkaError, TopicPartition

from coachstream_avro import Decoder, dumps


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bootstrap-servers", required=True)
    parser.add_argument("--topic", required=True)
    parser.add_argument("--schemas", default="schemas/released", help="folder with the .avsc files")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for the end of the topic")
    parser.add_argument("-X", dest="extra", action="append", default=[], metavar="KEY=VALUE")
    args = parser.parse_args()

    decoder = Decoder(args.schemas)
    config = {
        "bootstrap.servers": args.bootstrap_servers,
        "group.id": "coachstream-example-reader",  # offsets are never committed: assign() reads from the start
        "enable.auto.commit": False,
        "enable.partition.eof": True,
        "isolation.level": "read_committed",  # the streams processor writes in transactions
    }
    config.update(kv.split("=", 1) for kv in args.extra)
    consumer = Consumer(config)
    partitions = consumer.list_topics(args.topic, timeout=args.timeout).topics[args.topic].partitions
    consumer.assign([TopicPartition(args.topic, p, OFFSET_BEGINNING) for p in partitions])
    at_end = set()
    try:
        while len(at_end) < len(partitions):
            message = consumer.poll(args.timeout)
            if message is None:
                sys.exit(f"no end of {args.topic} within {args.timeout} s")
            if message.error():
                if message.error().code() == KafkaError._PARTITION_EOF:
                    at_end.add(message.partition())
                    continue
                sys.exit(str(message.error()))
            at_end.discard(message.partition())
            print(dumps({"partition": message.partition(), "offset": message.offset(),
                         "key": decoder.decode_key(message.key()), "value": decoder.decode(message.value())}))
    finally:
        consumer.close()


if __name__ == "__main__":
    main()
