package fiblab.bench.overload;

/**
 * Latency of the requests or jobs whose intended send fell in one second of a step, for a
 * latency-over-time chart.
 *
 * @param second   seconds since the step started
 * @param answered right answers among them
 * @param p99Millis p99 of their latencies (from intended send), 0 when none was answered
 */
public record SecondPoint(int second, long answered, double p99Millis) {}
