package fiblab.local.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something asynchronous (a queue, a worker) with a bound, then lets the assertion speak. */
public final class Eventually {

    private Eventually() {}

    /** Polls until {@code condition} holds or {@code limit} passes; returns whether it held. */
    public static boolean within(Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }
}
