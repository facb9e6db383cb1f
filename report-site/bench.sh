#!/bin/sh
# The benchmark's one command: builds what it needs, starts the local stack in-process, runs the
# seed scenario and the open loop (add --sweep for the sweep over n and concurrency and the fast
# algorithm), writes the report site and prints the path of its index.html.
#
#   report-site/bench.sh            # seed + open loop, about 2 minutes on 2 cores after the build
#   report-site/bench.sh --sweep    # everything
#   report-site/bench.sh --peers    # also Flask and Express (report-site/peers/) with the seed's own spec,
#                                   # about 1.5-2 minutes more at the defaults (Flask's single thread: ~85 ms a request)
#   report-site/bench.sh --scenario seed,open,coldstart,throughput
#                                   # also cold starts (8 configurations x 10 fresh JVMs, about 1 min 45 s) and
#                                   # the throughput goals (inline vs compute limit, submit flatness, about a minute)
#   report-site/bench.sh --scenario overload,polling
#                                   # also overload steps at multiples of each path's capacity with the queueing
#                                   # model beside them and its AWS projection (about 4.5 min), and the polling
#                                   # policies (about 1 min); local stack only
#   report-site/bench.sh --publish s3://BUCKET/
#                                   # also upload the site (the bucket of report-site/publish-template.yaml)
#   report-site/bench.sh --help     # all options (--url, --stack-name, --out, --requests, ...)
#
# Each run is also kept in <site>/runs/<date>-<commit>/, and <site>/history.html compares the runs.
#
# Needs a JDK 17+ and Node.js (Maven comes through ./mvnw, the Maven Wrapper; the local DynamoDB,
# dynalite, is a Node.js process); --peers also
# needs Flask for python3 (sudo apt-get install -y python3-flask).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
echo "Building (./mvnw -pl report-site -am package, tests skipped)..." >&2
./mvnw -B -q -DskipTests -pl report-site -am package >&2
exec java -jar report-site/target/fiblab-bench.jar "$@"
