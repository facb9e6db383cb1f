package fiblab.observe;

import fiblab.fib.Algorithm;

/** What the functions measure about themselves. */
public interface Metrics {

    /** Does nothing: for tests that do not look at metrics. */
    Metrics NONE = new Metrics() {
        @Override
        public void computed(String path, Algorithm algorithm, long computeMicros) {}

        @Override
        public void waited(long queueMillis) {}
    };

    /** One computation on the inline or async path. */
    void computed(String path, Algorithm algorithm, long computeMicros);

    /** How long a job waited between submission and its first start on a worker. */
    void waited(long queueMillis);
}
