package fiblab.local.testing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Burns CPU without ever looking at interrupts, as naive recursion does; counts its loops. */
public final class SpinHandler implements RequestHandler<String, String> {

    public static final AtomicLong SPINS = new AtomicLong();

    public SpinHandler(Map<String, String> environment) {}

    @Override
    public String handleRequest(String input, Context context) {
        long x = 0;
        while (x >= 0) {
            x++;
            if ((x & 0xFFFFF) == 0) {
                SPINS.incrementAndGet();
            }
        }
        return Long.toString(x);
    }
}
