package fiblab.bench.http;

/** One HTTP answer as the benchmark needs it: the status and the body. */
public record ApiResponse(int statusCode, String body) {}
