package fiblab.bench.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLSocketFactory;

/**
 * One keep-alive HTTP/1.1 connection, used by one load thread at a time. It writes a request and
 * reads the status line, the headers and a Content-Length or chunked body — all a load generator
 * needs, at a few tens of microseconds of CPU per request where java.net.http spends hundreds,
 * so the generator takes as little as it can from the cores the server under test shares.
 */
final class HttpConnection implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String hostHeader;
    private boolean open = true;
    private int answered;

    HttpConnection(URI base) throws IOException {
        boolean tls = "https".equalsIgnoreCase(base.getScheme());
        int port = base.getPort() > 0 ? base.getPort() : tls ? 443 : 80;
        Socket plain = new Socket();
        try {
            plain.setTcpNoDelay(true);
            plain.connect(new InetSocketAddress(base.getHost(), port), CONNECT_TIMEOUT_MILLIS);
            this.socket = tls
                    ? ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(plain, base.getHost(), port, true)
                    : plain;
        } catch (IOException e) {
            plain.close();
            throw e;
        }
        this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        this.out = socket.getOutputStream();
        boolean defaultPort = base.getPort() <= 0;
        this.hostHeader = base.getHost() + (defaultPort ? "" : ":" + port);
    }

    boolean isOpen() {
        return open;
    }

    /** True once this connection carried a whole exchange: a failure after that may be a stale keep-alive. */
    boolean wasUsedBefore() {
        return answered > 0;
    }

    /** One request and its response, which must arrive within {@code timeout} of the call. */
    ApiResponse exchange(
            String method,
            String pathAndQuery,
            String contentType,
            String body,
            java.util.Map<String, String> extraHeaders,
            Duration timeout)
            throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(160)
                .append(method)
                .append(' ')
                .append(pathAndQuery)
                .append(" HTTP/1.1\r\n")
                .append("Host: ")
                .append(hostHeader)
                .append("\r\n")
                .append("User-Agent: fiblab-bench\r\n")
                .append("Accept: application/json\r\n");
        extraHeaders.forEach(
                (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
            head.append("Content-Type: ")
                    .append(contentType)
                    .append("\r\n")
                    .append("Content-Length: ")
                    .append(payload.length)
                    .append("\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(payload);
        out.flush();
        long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
        if (remainingMillis <= 0) {
            throw new SocketTimeoutException("no answer within " + timeout.toMillis() + " ms");
        }
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, remainingMillis));
        ApiResponse response = readResponse(!method.equals("HEAD"));
        answered++;
        return response;
    }

    private ApiResponse readResponse(boolean hasBody) throws IOException {
        String statusLine = readLine();
        if (statusLine == null) {
            throw new EOFException("the server closed the connection before answering");
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP status line: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        long contentLength = -1;
        boolean chunked = false;
        boolean close = parts[0].equals("HTTP/1.0");
        int retryAfter = -1;
        for (String line = readLine(); line != null && !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> contentLength = Long.parseLong(value);
                case "transfer-encoding" ->
                    chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "retry-after" -> retryAfter = seconds(value);
                case "connection" ->
                    close = value.equalsIgnoreCase("close") || (close && !value.equalsIgnoreCase("keep-alive"));
                default -> {}
            }
        }
        byte[] bytes;
        if (!hasBody || status == 204 || status == 304 || status / 100 == 1) {
            bytes = new byte[0];
        } else if (chunked) {
            bytes = readChunked();
        } else if (contentLength >= 0) {
            bytes = in.readNBytes((int) contentLength);
            if (bytes.length < contentLength) {
                throw new EOFException("the body ended after " + bytes.length + " of " + contentLength + " bytes");
            }
        } else {
            bytes = in.readAllBytes();
            close = true;
        }
        if (close) {
            close();
        }
        return new ApiResponse(status, new String(bytes, StandardCharsets.UTF_8), retryAfter);
    }

    /** Retry-After as delay-seconds; an HTTP-date (also allowed by RFC 9110) reads as -1. */
    private static int seconds(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private byte[] readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine();
            if (sizeLine == null) {
                throw new EOFException("the chunked body ended early");
            }
            int size = Integer.parseInt(sizeLine.split(";", 2)[0].trim(), 16);
            if (size == 0) {
                for (String trailer = readLine(); trailer != null && !trailer.isEmpty(); trailer = readLine()) {
                    // trailers are not needed
                }
                return body.toByteArray();
            }
            byte[] chunk = in.readNBytes(size);
            if (chunk.length < size) {
                throw new EOFException("a chunk ended early");
            }
            body.write(chunk);
            readLine();
        }
    }

    /** A CRLF-terminated line in ISO-8859-1, without the line end; null at the end of the stream. */
    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder(64);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) c);
        }
        return line.length() == 0 ? null : line.toString();
    }

    @Override
    public void close() {
        open = false;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is best effort
        }
    }
}
