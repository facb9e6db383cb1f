package fiblab.job;

import fiblab.fib.Algorithm;

/** The SQS message body: {"jobId","n","algorithm","submittedAt"}. */
public record JobMessage(String jobId, int n, Algorithm algorithm, long submittedAt) {

    public static JobMessage of(Job job) {
        return new JobMessage(job.jobId(), job.n(), job.algorithm(), job.submittedAt());
    }
}
