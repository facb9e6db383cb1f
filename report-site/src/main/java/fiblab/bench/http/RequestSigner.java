package fiblab.bench.http;

import java.net.URI;
import java.util.Map;

/** Headers that authorize one request, such as an AWS Signature Version 4; none for an open API. */
public interface RequestSigner {

    /** Signs nothing: for the local stack and APIs without IAM authorization. */
    RequestSigner NONE = (method, url, body) -> Map.of();

    /**
     * @param url  the full URL the request goes to (scheme, host, path and query as sent)
     * @param body the request body, empty when there is none
     * @return the headers to add, by name
     */
    Map<String, String> headers(String method, URI url, byte[] body);
}
