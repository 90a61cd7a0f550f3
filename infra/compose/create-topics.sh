#!/bin/sh
# Creates Centinela's topics where missing, as bin/centinela and infra/kafka/CreateTopics.java do for the local run:
# CENTINELA_PARTITIONS partitions each (default 6), kept forever (retention -1) so that read models can be rebuilt.
# Run in the apache/kafka image by docker-compose.yml (service kafka-topics) and by deploy/kubernetes/topics-job.yaml.
set -eu

BOOTSTRAP=${KAFKA_BOOTSTRAP_SERVERS:?KAFKA_BOOTSTRAP_SERVERS is required}
PARTITIONS=${CENTINELA_PARTITIONS:-6}
REPLICATION=${CENTINELA_TOPIC_REPLICATION_FACTOR:-1}

for topic in ${CENTINELA_TOPICS:?CENTINELA_TOPICS is required}; do
  /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic "$topic" \
    --partitions "$PARTITIONS" --replication-factor "$REPLICATION" \
    --config retention.ms=-1 --config retention.bytes=-1
done
/opt/kafka/bin/kafka-topics.sh --bootstrap-server "$BOOTSTRAP" --describe --topic "$(echo "$CENTINELA_TOPICS" | tr ' ' ',')" \
  | grep -E '^Topic:' || true
