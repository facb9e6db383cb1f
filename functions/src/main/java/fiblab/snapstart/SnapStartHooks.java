package fiblab.snapstart;

import java.util.ArrayList;
import java.util.List;
import org.crac.Core;
import org.crac.Resource;

/**
 * Registers the functions' SnapStart hooks with CRaC, and remembers them so that a host without a
 * CRaC JDK (the local stack, the cold-start benchmark) can run the same priming at init, as
 * SnapStart does before it takes its snapshot. On Lambda only {@code Core.getGlobalContext()} calls them.
 */
public final class SnapStartHooks {

    private static final List<Resource> REGISTERED = new ArrayList<>();

    private SnapStartHooks() {}

    public static synchronized void register(Resource resource) {
        Core.getGlobalContext().register(resource);
        REGISTERED.add(resource);
    }

    /** How many hooks are registered so far: a mark for {@link #primeSince(int)}. */
    public static synchronized int mark() {
        return REGISTERED.size();
    }

    /**
     * Runs beforeCheckpoint, then afterRestore, of every hook registered after {@code mark}, in
     * registration order: what one execution environment's init does under SnapStart.
     */
    public static void primeSince(int mark) throws Exception {
        List<Resource> hooks;
        synchronized (SnapStartHooks.class) {
            hooks = List.copyOf(REGISTERED.subList(mark, REGISTERED.size()));
        }
        for (Resource hook : hooks) {
            hook.beforeCheckpoint(null);
        }
        for (Resource hook : hooks) {
            hook.afterRestore(null);
        }
    }
}
