#!/usr/bin/env bash
# Regenerates deploy/validate/schemas/strimzi-<version>/*.schema.json from Maven Central: Strimzi's api jar holds
# the model classes and its crd-generator writes the same CRDs Strimzi ships. Needs Java 17 and Maven; CI does not
# run this (the schemas are vendored), only whoever moves to another Strimzi version (change pom.xml and the
# folder name in deploy/validate/validate.mjs).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
VERSION="$(sed -n 's:.*<strimzi.version>\(.*\)</strimzi.version>.*:\1:p' "$HERE/pom.xml")"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mvn -q -f "$HERE/pom.xml" dependency:copy-dependencies -DoutputDirectory="$WORK/lib"
run() { java -cp "$WORK/lib/*" io.strimzi.crdgenerator.CrdGenerator --target-kube 1.16+ --crd-api-version v1 "$@" 2>/dev/null; }
run --api-versions v1beta2 --storage-version v1beta2 --yaml \
  "io.strimzi.api.kafka.model.kafka.Kafka=$WORK/Kafka.yaml" \
  "io.strimzi.api.kafka.model.nodepool.KafkaNodePool=$WORK/KafkaNodePool.yaml"
run --api-versions v1alpha1,v1beta1,v1beta2 --storage-version v1beta2 --yaml \
  "io.strimzi.api.kafka.model.topic.KafkaTopic=$WORK/KafkaTopic.yaml"
OUT="$ROOT/deploy/validate/schemas/strimzi-$VERSION"
mkdir -p "$OUT"
cd "$ROOT" && node deploy/validate/strimzi/extract-schema.mjs "$VERSION" "$OUT" "$WORK"/Kafka.yaml "$WORK"/KafkaNodePool.yaml "$WORK"/KafkaTopic.yaml
npx prettier --write "$OUT" >/dev/null
echo "strimzi $VERSION schemas written to $OUT"
