package fiblab.bench.publish;

import java.util.Locale;
import java.util.Map;

/**
 * What each file of the site is served as, and for how long a browser or CloudFront may keep it.
 * Pages and the top-level data change with every run, so they are revalidated on every visit; a kept
 * run's folder and the assets change only with a new benchmark version, so they are cached for a day.
 */
final class ContentTypes {

    static final String REVALIDATE = "no-cache";
    static final String ONE_DAY = "public, max-age=86400";

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("md", "text/markdown; charset=utf-8"),
            Map.entry("log", "text/plain; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("hlog", "text/plain; charset=utf-8"),
            Map.entry("png", "image/png"),
            Map.entry("svg", "image/svg+xml"));

    private ContentTypes() {}

    /** @param key the object key relative to the site's root, with forward slashes */
    static String contentType(String key) {
        int dot = key.lastIndexOf('.');
        String extension = dot < 0 ? "" : key.substring(dot + 1).toLowerCase(Locale.ROOT);
        return BY_EXTENSION.getOrDefault(extension, "application/octet-stream");
    }

    /** @param key the object key relative to the site's root, with forward slashes */
    static String cacheControl(String key) {
        if (key.startsWith("runs/") && !key.endsWith(".html")) {
            return ONE_DAY;
        }
        if (key.endsWith(".html") || key.startsWith("data/")) {
            return REVALIDATE;
        }
        return ONE_DAY;
    }
}
