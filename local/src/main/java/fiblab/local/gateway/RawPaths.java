package fiblab.local.gateway;

/** What a request path may hold as sent on the wire (RFC 3986): visible ASCII, and '%' only as an escape. */
final class RawPaths {

    private RawPaths() {}

    /** True when every character is visible ASCII and every '%' is followed by two hex digits. */
    static boolean isWellFormed(String rawPath) {
        int length = rawPath.length();
        for (int i = 0; i < length; i++) {
            char c = rawPath.charAt(i);
            if (c <= ' ' || c >= 0x7F) {
                return false;
            }
            if (c == '%') {
                if (i + 2 >= length || !isHex(rawPath.charAt(i + 1)) || !isHex(rawPath.charAt(i + 2))) {
                    return false;
                }
                i += 2;
            }
        }
        return true;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
