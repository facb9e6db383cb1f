package fiblab.bench.result;

/** Where and when the numbers were measured. */
public record Environment(String date, String commit, String cpu, int cores, String jdk, String os, long maxHeapMiB) {

    /** The same environment with another date and commit (a kept run's identity). */
    public Environment withDateAndCommit(String date, String commit) {
        return new Environment(date, commit, cpu, cores, jdk, os, maxHeapMiB);
    }
}
