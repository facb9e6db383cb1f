package fiblab.snapstart;

import java.util.List;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * The SnapStart hooks of one handler: the hooks of the adapters it was built with (each primes the
 * client it owns), run in the order given, then the handler's own. The handler registers itself
 * once with CRaC; a host without a CRaC JDK (the cold-start benchmark) calls the handler's hooks
 * directly, as SnapStart would before its snapshot. Nothing is kept beyond the handler's lifetime.
 */
public final class SnapStartHooks {

    private final List<Resource> adapters;

    public SnapStartHooks(List<? extends Resource> adapters) {
        this.adapters = List.copyOf(adapters);
    }

    /** Registers the handler with CRaC's global context (a no-op on a JDK without CRaC). */
    public static void register(Resource handler) {
        Core.getGlobalContext().register(handler);
    }

    public void beforeCheckpoint(Context<? extends Resource> context) throws Exception {
        for (Resource adapter : adapters) {
            adapter.beforeCheckpoint(context);
        }
    }

    public void afterRestore(Context<? extends Resource> context) throws Exception {
        for (Resource adapter : adapters) {
            adapter.afterRestore(context);
        }
    }
}
