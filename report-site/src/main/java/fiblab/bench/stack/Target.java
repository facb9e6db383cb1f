package fiblab.bench.stack;

import fiblab.bench.http.RequestSigner;
import fiblab.bench.http.SigV4Signer;
import java.net.URI;
import java.util.Map;

/** The stack under test: where its API answers, and what it is (for the environment record). */
public interface Target extends AutoCloseable {

    /** Base URL without a trailing slash, e.g. {@code http://127.0.0.1:3000}. */
    URI apiUrl();

    /** {@code local}, {@code url} or {@code stack}. */
    String kind();

    /** A sentence for the report: what was measured. */
    String description();

    /**
     * What authorizes each request: SigV4 for a deployed API (an execute-api URL, whose routes need
     * IAM authorization in the template's default AdmissionMode), nothing otherwise. Resolves
     * credentials once, so missing ones fail before any load.
     */
    default RequestSigner signer() {
        return SigV4Signer.forApi(apiUrl()).orElse(RequestSigner.NONE);
    }

    /** Template parameter values in effect, as far as they are known. */
    Map<String, String> parameters();

    @Override
    void close();
}
