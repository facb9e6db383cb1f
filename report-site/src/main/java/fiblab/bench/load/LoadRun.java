package fiblab.bench.load;

/**
 * The outcome of one bounded load run.
 *
 * @param mode             {@code closed} or {@code open}
 * @param workers          closed loop: clients; open loop: the most operations in flight at once
 * @param ratePerSecond    open loop: the scheduled rate; closed loop: 0
 * @param planned          operations the run was asked for
 * @param durationNanos    first send to last completion
 * @param stoppedByBudget  true when the time budget ended the run before all planned operations were sent
 * @param clientCpuNanos   CPU time of the load generator's own threads during the run
 */
public record LoadRun(
        String mode,
        int workers,
        double ratePerSecond,
        int planned,
        RunRecorder recorder,
        long durationNanos,
        boolean stoppedByBudget,
        long clientCpuNanos) {}
