package fiblab.fib;

/**
 * Times naive fib(n) in this JVM, first call and repeats, so that fresh JVMs started with Lambda's
 * default JIT flags ({@code -XX:TieredStopAtLevel=1}) and with full tiered compilation can be
 * compared. Not a test: the README says how to run it. Prints one line per n with the thread's CPU
 * time of each call (less disturbed than wall time on a shared machine):
 * {@code n=40 first=812.3ms repeats=[640.1, 633.0, ...]ms}.
 */
public final class JitProbe {

    private JitProbe() {}

    public static void main(String[] args) {
        int repeats = Integer.getInteger("repeats", 5);
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        for (String arg : args) {
            int n = Integer.parseInt(arg);
            StringBuilder line = new StringBuilder("n=" + n);
            for (int i = 0; i <= repeats; i++) {
                long start = cpu.getCurrentThreadCpuTime();
                long value = NaiveRecursion.fib(n);
                double millis = (cpu.getCurrentThreadCpuTime() - start) / 1e6;
                if (value < 0) {
                    throw new AssertionError("overflow");
                }
                line.append(i == 0 ? " first=" : i == 1 ? " repeats=[" : ", ").append(String.format("%.1f", millis));
            }
            System.out.println(line.append(repeats > 0 ? "]ms" : "ms"));
        }
    }
}
