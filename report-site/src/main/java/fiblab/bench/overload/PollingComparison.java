package fiblab.bench.overload;

import fiblab.bench.cost.PriceList;
import fiblab.bench.http.ApiClient;
import fiblab.bench.model.AwsQuotas;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Clients with different polling policies (honour Retry-After, a fixed interval, exponential
 * backoff) measured side by side: one open-loop schedule of submits whose jobs go to the policies
 * in turn (job i to policy i mod P), so that every policy meets the same backlog, the same machine
 * load and the same n. Per policy: time to result (intended submit to the poll that saw DONE),
 * API requests per job, and what the polls cost per million jobs at the dated AWS prices
 * ({@link PollCost}: HTTP API request, ApiFunction request and duration, GetItem; the submit and
 * the worker are the same for every policy and are left out).
 */
public final class PollingComparison {

    /**
     * @param policy            the label of the policy
     * @param jobs              jobs submitted
     * @param done              jobs seen DONE with the right value
     * @param p50Millis         time to result, intended submit to the poll that saw DONE
     * @param p99Millis         idem
     * @param requestsPerJob    submit plus polls, per job
     * @param pollCostPerMillionJobsUsd the polls' HTTP API, Lambda request and duration and GetItem charges per million jobs
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
     * Threads shared by the pending jobs' polls of one policy, so that one job's slow poll does not
     * hold back the others' (a 10 ms poller still polls only as often as each poll's round trip allows).
     */
    static final int POLL_THREADS = 16;

    /** Threads that keep the submit schedule. */
    static final int SUBMIT_THREADS = 4;

    private PollingComparison() {}

    /**
     * @param ratePerSecond submits per second of all policies together (each policy gets rate / P)
     * @param jobs          jobs per policy
     */
    public static List<Result> run(
            URI api, int n, double ratePerSecond, int jobs, List<PollingPolicy> policies, Duration patience)
            throws InterruptedException {
        double perPoll = PollCost.onAws(AwsQuotas.load()).usd(PriceList.load());
        int p = policies.size();
        List<AsyncJobs> clients = new ArrayList<>();
        try (ApiClient client = new ApiClient(api, Duration.ofSeconds(10))) {
            try {
                for (PollingPolicy policy : policies) {
                    clients.add(new AsyncJobs(client, n, policy, patience, POLL_THREADS));
                }
                List<OverloadSample> samples = OpenLoopSchedule.run(
                        (index, start, startMillis, intended) ->
                                clients.get(index % p).submit(start, startMillis, intended),
                        ratePerSecond,
                        jobs * p,
                        SUBMIT_THREADS);
                List<Result> results = new ArrayList<>();
                for (int k = 0; k < p; k++) {
                    List<OverloadSample> mine = new ArrayList<>();
                    for (int i = k; i < samples.size(); i += p) {
                        mine.add(samples.get(i));
                    }
                    results.add(result(policies.get(k).label(), mine, perPoll));
                }
                return List.copyOf(results);
            } finally {
                clients.forEach(AsyncJobs::close);
            }
        }
    }

    static Result result(String policy, List<OverloadSample> samples, double usdPerPoll) {
        OverloadStep tally = StepStats.of("async", 0, 1, 1, samples);
        double pollsPerJob = samples.isEmpty() ? 0 : tally.apiRequestsPerJob() - 1;
        return new Result(
                policy,
                samples.size(),
                tally.goodput(),
                tally.p50Millis(),
                tally.p99Millis(),
                1 + pollsPerJob,
                pollsPerJob * usdPerPoll * 1_000_000);
    }
}
