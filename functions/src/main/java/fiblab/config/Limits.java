package fiblab.config;

import fiblab.fib.Algorithm;
import fiblab.fib.NaiveRecursion;

/**
 * The largest n each path accepts. The inline naive limit keeps a request well inside API
 * Gateway's 30 s; the async naive limit keeps a job inside the worker's timeout; fast doubling
 * goes far higher, bounded by what fits a 400 KB DynamoDB item.
 */
public record Limits(int inlineNaiveMaxN, int asyncNaiveMaxN, int fastMaxN) {

    public static final int DEFAULT_INLINE_NAIVE_MAX_N = 42;
    public static final int DEFAULT_ASYNC_NAIVE_MAX_N = 51;
    public static final int DEFAULT_FAST_MAX_N = 1_000_000;
    /** fib(1,800,000) has 376,000 digits: with the other attributes it still fits a 400 KB item. */
    public static final int LARGEST_FAST_MAX_N = 1_800_000;

    public Limits {
        if (inlineNaiveMaxN > asyncNaiveMaxN) {
            throw new ConfigurationException(EnvironmentVariables.INLINE_NAIVE_MAX_N + " (" + inlineNaiveMaxN
                    + ") must not exceed " + EnvironmentVariables.ASYNC_NAIVE_MAX_N + " (" + asyncNaiveMaxN + ")");
        }
    }

    public static Limits defaults() {
        return new Limits(DEFAULT_INLINE_NAIVE_MAX_N, DEFAULT_ASYNC_NAIVE_MAX_N, DEFAULT_FAST_MAX_N);
    }

    public static Limits from(Settings settings) {
        return new Limits(
                settings.integer(
                        EnvironmentVariables.INLINE_NAIVE_MAX_N, DEFAULT_INLINE_NAIVE_MAX_N, 0, NaiveRecursion.MAX_N),
                settings.integer(
                        EnvironmentVariables.ASYNC_NAIVE_MAX_N, DEFAULT_ASYNC_NAIVE_MAX_N, 0, NaiveRecursion.MAX_N),
                settings.integer(EnvironmentVariables.FAST_MAX_N, DEFAULT_FAST_MAX_N, 0, LARGEST_FAST_MAX_N));
    }

    /** The largest n a request may compute inside the HTTP request. */
    public int inlineMax(Algorithm algorithm) {
        return algorithm == Algorithm.NAIVE ? inlineNaiveMaxN : fastMaxN;
    }

    /** The largest n a job may compute on the worker. */
    public int asyncMax(Algorithm algorithm) {
        return algorithm == Algorithm.NAIVE ? asyncNaiveMaxN : fastMaxN;
    }
}
