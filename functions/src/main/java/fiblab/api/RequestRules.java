package fiblab.api;

import fiblab.config.Limits;
import fiblab.fib.Algorithm;
import java.math.BigInteger;

/** The validation rules for n and algorithm on both paths, with messages that say what is allowed. */
public final class RequestRules {

    private final Limits limits;

    public RequestRules(Limits limits) {
        this.limits = limits;
    }

    public Limits limits() {
        return limits;
    }

    /** The algorithm named by a query parameter or body field; naive when absent. */
    public Algorithm algorithm(Object value) {
        if (value == null) {
            return Algorithm.NAIVE;
        }
        if (value instanceof String name) {
            return Algorithm.fromWireName(name)
                    .orElseThrow(() -> new ApiException(
                            ApiError.INVALID_ALGORITHM,
                            "algorithm \"" + name + "\" is not known; use one of: " + Algorithm.allowedNames()));
        }
        throw new ApiException(
                ApiError.INVALID_ALGORITHM, "algorithm must be a string, one of: " + Algorithm.allowedNames());
    }

    /** n from a URL path segment: decimal digits only. */
    public BigInteger nFromPath(String text) {
        if (text == null || text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ApiException(
                    ApiError.INVALID_N,
                    "n must be a whole number written in digits, such as /fib/30; got \"" + abbreviate(text) + "\"");
        }
        return new BigInteger(text);
    }

    /** n from a JSON body: a JSON integer, not a string, fraction or boolean. */
    public BigInteger nFromJson(Object value) {
        if (value == null) {
            throw new ApiException(ApiError.INVALID_N, "n is required: a whole number such as {\"n\": 30}");
        }
        if (value instanceof Integer || value instanceof Long) {
            return BigInteger.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger big) {
            return big;
        }
        throw new ApiException(
                ApiError.INVALID_N, "n must be a JSON integer such as {\"n\": 30}, not " + describe(value));
    }

    /** Checks n for GET /fib/{n}: 422 with a pointer to POST /jobs when only the async path allows it. */
    public int checkInline(BigInteger n, Algorithm algorithm) {
        int value = checkAsync(n, algorithm);
        int inlineMax = limits.inlineMax(algorithm);
        if (value > inlineMax) {
            throw new ApiException(
                    ApiError.N_TOO_LARGE_FOR_INLINE,
                    "n=" + value + " is above the inline limit of " + inlineMax + " for algorithm="
                            + algorithm.wireName() + ": GET /fib answers " + algorithm.wireName() + " n up to "
                            + inlineMax + " inline, so that each request stays short. Submit it as a job instead: "
                            + "POST /jobs {\"n\": " + value + ", \"algorithm\": \"" + algorithm.wireName()
                            + "\"}, then poll the job at its Location.");
        }
        return value;
    }

    /** Checks n for POST /jobs. */
    public int checkAsync(BigInteger n, Algorithm algorithm) {
        int max = limits.asyncMax(algorithm);
        if (n.signum() < 0 || n.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new ApiException(
                    ApiError.N_OUT_OF_RANGE,
                    "n must be from 0 to " + max + " for algorithm=" + algorithm.wireName() + ", was "
                            + abbreviate(n.toString()) + hint(algorithm));
        }
        return n.intValueExact();
    }

    private String hint(Algorithm algorithm) {
        return algorithm == Algorithm.NAIVE ? "; algorithm=fast goes up to " + limits.asyncMax(Algorithm.FAST) : "";
    }

    private static String describe(Object value) {
        if (value instanceof String text) {
            return "the string \"" + abbreviate(text) + "\"";
        }
        if (value instanceof Number number) {
            return "the fraction " + abbreviate(number.toString());
        }
        return value instanceof Boolean
                ? "a boolean"
                : "a " + (value instanceof java.util.Map ? "JSON object" : "JSON array");
    }

    static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
