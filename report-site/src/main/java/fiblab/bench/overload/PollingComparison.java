package fiblab.bench.overload;

import fiblab.bench.cost.PriceList;
import fiblab.bench.http.ApiClient;
import fiblab.bench.stats.Histograms;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * The same jobs polled by clients with different policies (honour Retry-After, a fixed interval,
 * exponential backoff), one policy after the other: time to result and API requests per job, and
 * what the polls cost per million jobs at the dated AWS prices (each poll is one HTTP API request,
 * one ApiFunction invocation and one strongly consistent GetItem; the poll's Lambda duration is
 * left out here and is small beside the request prices).
 */
public final class PollingComparison {

    /**
     * @param policy            the label of the policy
     * @param jobs              jobs submitted
     * @param done              jobs seen DONE with the right value
     * @param p50Millis         time to result, submit to the poll that saw DONE
     * @param p99Millis         idem
     * @param requestsPerJob    submit plus polls, per job
     * @param pollCostPerMillionJobsUsd the polls' HTTP API, Lambda request and GetItem charges per million jobs
     */
    public record Result(
            String policy,
            long jobs,
            long done,
            double p50Millis,
            double p99Millis,
            double requestsPerJob,
            double pollCostPerMillionJobsUsd) {}

    /**
     * Threads shared by the pending jobs' polls, so that one job's slow poll does not hold back the
     * others' (a 10 ms poller still polls only as often as each poll's round trip allows).
     */
    static final int POLL_THREADS = 16;

    private PollingComparison() {}

    public static List<Result> run(
            URI api, int n, double ratePerSecond, int jobs, List<PollingPolicy> policies, Duration patience)
            throws InterruptedException {
        PriceList prices = PriceList.load();
        double perPoll = prices.price("httpApiRequest").costOf(1)
                + prices.price("lambdaRequest").costOf(1)
                + prices.price("dynamoDbRead").costOf(1);
        List<Result> results = new ArrayList<>();
        for (PollingPolicy policy : policies) {
            try (ApiClient client = new ApiClient(api, Duration.ofSeconds(10));
                    AsyncJobs async = new AsyncJobs(client, n, policy, patience, POLL_THREADS)) {
                List<OverloadSample> samples = OpenLoopSchedule.run(async::submit, ratePerSecond, jobs, 4);
                Histogram latency = Histograms.concurrent();
                long done = 0;
                long polls = 0;
                for (OverloadSample s : samples) {
                    polls += s.polls();
                    if (s.ok()) {
                        done++;
                        Histograms.recordNanos(latency, s.latencyNanos());
                    }
                }
                double pollsPerJob = jobs == 0 ? 0 : (double) polls / jobs;
                results.add(new Result(
                        policy.label(),
                        jobs,
                        done,
                        StepStats.millis(latency, 50),
                        StepStats.millis(latency, 99),
                        1 + pollsPerJob,
                        pollsPerJob * perPoll * 1_000_000));
            }
        }
        return List.copyOf(results);
    }
}
