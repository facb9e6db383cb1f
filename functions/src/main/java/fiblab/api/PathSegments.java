package fiblab.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a request path into its non-empty segments in one pass: {@code //jobs///x/} gives
 * {@code [jobs, x]}. Runs in time linear in the path's length, whatever it holds (a regular
 * expression that trimmed and split runs of slashes took time quadratic in their number).
 */
final class PathSegments {

    private PathSegments() {}

    static List<String> of(String path) {
        List<String> segments = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                if (start >= 0) {
                    segments.add(path.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
        }
        if (start >= 0) {
            segments.add(path.substring(start));
        }
        return segments;
    }
}
