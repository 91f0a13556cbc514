#!/bin/sh
# Two everyday looks at CoachStream topics with kcat (Debian package kcat), no decoder needed:
#   docs/examples/kcat_examples.sh BOOTSTRAP dead-letters [TOPIC]      why records were rejected
#   docs/examples/kcat_examples.sh BOOTSTRAP alerts-per-agent [TOPIC]  how many alerts each agent got
# Each reads the topic from the beginning (-o beginning) to its current end (-e) and stops. Pass SASL or TLS
# settings through KCAT_OPTS, e.g. KCAT_OPTS="-X security.protocol=SSL -X ssl.ca.location=ca.pem".
set -eu
BOOTSTRAP=${1:?usage: $0 BOOTSTRAP_SERVERS dead-letters|alerts-per-agent [TOPIC]}
case "${2:-}" in
  dead-letters)
    # A dead letter keeps the rejected record's original bytes; its headers (%h, name=value pairs) say where it
    # came from (coachstream.source.*) and why it was rejected (coachstream.error.*).
    kcat ${KCAT_OPTS:-} -b "$BOOTSTRAP" -C -t "${3:-coaching.dead-letter.v1}" -o beginning -e -q -f '%p:%o %h\n'
    ;;
  alerts-per-agent)
    # Alerts are keyed by agent id (UTF-8), so the key alone answers this.
    kcat ${KCAT_OPTS:-} -b "$BOOTSTRAP" -C -t "${3:-coaching.alerts.v1}" -o beginning -e -q -f '%k\n' \
      | sort | uniq -c | awk '{print $2, $1}'
    ;;
  *)
    echo "usage: $0 BOOTSTRAP_SERVERS dead-letters|alerts-per-agent [TOPIC]" >&2
    exit 2
    ;;
esac
