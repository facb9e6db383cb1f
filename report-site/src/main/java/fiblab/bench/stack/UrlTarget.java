package fiblab.bench.stack;

import java.net.URI;
import java.util.Map;

/** A stack that is already running somewhere: a deployed API, or a local one started by hand. */
public record UrlTarget(URI apiUrl, String kind, String description, Map<String, String> parameters) implements Target {

    public static UrlTarget of(URI url, Map<String, String> statedParameters) {
        return new UrlTarget(url, "url", "the API at " + url, Map.copyOf(statedParameters));
    }

    @Override
    public void close() {
        // Nothing was started, so nothing is stopped.
    }
}
