package fiblab.local.runtime;

/**
 * Ends the thread of an instance whose invocation timed out, as Lambda ends the execution
 * environment. Java has no safe way to do that: the thread is interrupted first, and if it is still
 * running (a CPU-bound loop ignores interrupts) it is stopped with {@code Thread.stop()}, which Java
 * 17 to 19 still honour. On Java 20+ that call is refused, and the thread runs to its end in the
 * background, using CPU that Lambda would have freed.
 */
final class EnvironmentShutdown {

    private EnvironmentShutdown() {}

    static void stop(Thread thread) {
        if (!thread.isAlive()) {
            return;
        }
        try {
            // by reflection: the method is deprecated for removal, and gone in effect on newer JDKs
            Thread.class.getMethod("stop").invoke(thread);
        } catch (ReflectiveOperationException | UnsupportedOperationException e) {
            // Java 20+: nothing more can be done from inside the JVM
        }
    }
}
