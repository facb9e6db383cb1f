package fiblab.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import fiblab.local.DeployLimits;
import fiblab.local.LocalStack;
import fiblab.local.LocalStackOptions;
import fiblab.local.servers.DynaliteServer;
import fiblab.local.servers.ElasticMqServer;
import fiblab.local.testing.ApiClient;
import fiblab.local.testing.Templates;
import fiblab.testing.IterativeFibonacci;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fault soak on the local stack, with no help from outside: thousands of jobs from many clients
 * while the DynamoDB child is killed by its PID (the stack restarts it by itself) and SQS is
 * unreachable for a while. Afterwards every accepted job has ended DONE with the right value
 * (checked against an independent iterative Fibonacci) or FAILED with a reason, within five
 * minutes of the kill; none is PENDING or RUNNING. The template is the project's own, with its
 * 300 s worker timeout and 1,800 s visibility timeout; only the retry and replay delays are
 * shortened (2 s, 10 s) so the soak drains in about a minute. The counts and the time to drain go
 * to {@code target/fault-soak.txt}.
 */
class FaultSoakIT {

    private static final int CLIENTS = 20;
    private static final int JOBS = 2_000;
    /** The clients submit at about this rate in all, so the faults land mid-run. */
    private static final int SUBMITS_PER_SECOND = 50;

    private static final Duration KILL_AT = Duration.ofSeconds(10);
    private static final Duration SQS_DOWN_AT = Duration.ofSeconds(20);
    private static final Duration SQS_DOWN_FOR = Duration.ofSeconds(8);
    private static final Duration ENDED_WITHIN_OF_KILL = Duration.ofMinutes(5);

    @TempDir
    Path dir;

    private record Accepted(String jobId, int n, String algorithm) {}

    @Test
    void everyAcceptedJob_shouldEndDoneOrFailedWithAReason_despiteTheFaults() throws Exception {
        Path template = Templates.copyWith(
                Templates.project(),
                dir,
                "FAST_MAX_N: !Ref FastMaxN",
                "FAST_MAX_N: !Ref FastMaxN\n        REPLAY_AFTER_SECONDS: 10\n        RETRY_FIRST_SECONDS: 2");
        // faults, not spend limits: the throttles and reserved concurrency are lifted (DeployLimitsIT has those)
        try (LocalStack stack = LocalStack.start(DeployLimits.lift(
                LocalStackOptions.defaults(template).withPort(0).withLogFile(dir.resolve("stack.log"))))) {
            ApiClient api = new ApiClient(stack.apiUrl());
            DynaliteServer dynalite = stack.servers().orElseThrow().dynamoDb();
            ElasticMqServer sqs = stack.servers().orElseThrow().sqs();

            // Given many clients submitting jobs at a steady pace
            Map<String, Accepted> accepted = new ConcurrentHashMap<>();
            Map<String, AtomicInteger> refused = new ConcurrentHashMap<>();
            AtomicInteger next = new AtomicInteger();
            long start = System.nanoTime();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                running.add(clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < JOBS; i = next.getAndIncrement()) {
                        pace(start, i);
                        int n = i % 10 == 0 ? 1_000 + i : 5 + i % 23;
                        String algorithm = i % 10 == 0 ? "fast" : "naive";
                        HttpResponse<String> response = submit(api, n, algorithm);
                        if (response == null) {
                            refused.computeIfAbsent("no answer", k -> new AtomicInteger())
                                    .incrementAndGet();
                        } else if (response.statusCode() == 202) {
                            String jobId =
                                    String.valueOf(ApiClient.json(response).get("jobId"));
                            accepted.put(jobId, new Accepted(jobId, n, algorithm));
                        } else {
                            refused.computeIfAbsent(
                                            response.statusCode() + " "
                                                    + ApiClient.json(response).get("error"),
                                            k -> new AtomicInteger())
                                    .incrementAndGet();
                        }
                    }
                    return null;
                }));
            }

            // When the DynamoDB child is killed by its PID, and later SQS is unreachable for a while
            sleepUntil(start, KILL_AT);
            long killedPid = dynalite.pid();
            ProcessHandle.of(killedPid).orElseThrow().destroyForcibly();
            long killedAt = System.currentTimeMillis();
            while (dynalite.restarts() == 0 && System.currentTimeMillis() - killedAt < 9_000) {
                Thread.sleep(20);
            }
            long backAfter = System.currentTimeMillis() - killedAt;
            sleepUntil(start, SQS_DOWN_AT);
            sqs.stop();
            Thread.sleep(SQS_DOWN_FOR.toMillis());
            sqs.restart();
            for (Future<?> client : running) {
                client.get(5, TimeUnit.MINUTES);
            }
            clients.shutdown();
            long submitsEnded = System.nanoTime();

            // Then every accepted job ends, polled as a client would (Retry-After: 1 s)
            Map<String, Map<String, Object>> ended = new ConcurrentHashMap<>();
            long deadline = killedAt + ENDED_WITHIN_OF_KILL.toMillis();
            ExecutorService pollers = Executors.newFixedThreadPool(8);
            while (ended.size() < accepted.size() && System.currentTimeMillis() < deadline) {
                List<Future<?>> round = new ArrayList<>();
                for (Accepted job : accepted.values()) {
                    if (!ended.containsKey(job.jobId())) {
                        round.add(pollers.submit(() -> {
                            Map<String, Object> status = status(api, job.jobId());
                            if (status != null
                                    && ("DONE".equals(status.get("status")) || "FAILED".equals(status.get("status")))) {
                                ended.put(job.jobId(), status);
                            }
                        }));
                    }
                }
                for (Future<?> poll : round) {
                    poll.get();
                }
                Thread.sleep(1_000);
            }
            pollers.shutdown();
            Duration drained = Duration.ofNanos(System.nanoTime() - submitsEnded);

            Map<String, Integer> outcomes = new TreeMap<>();
            List<String> wrong = new ArrayList<>();
            long lastEnd = 0;
            for (Accepted job : accepted.values()) {
                Map<String, Object> status = ended.get(job.jobId());
                if (status == null) {
                    outcomes.merge("not ended", 1, Integer::sum);
                    continue;
                }
                lastEnd = Math.max(lastEnd, ((Number) status.get("completedAt")).longValue());
                if ("DONE".equals(status.get("status"))) {
                    outcomes.merge("DONE", 1, Integer::sum);
                    if (!IterativeFibonacci.fib(job.n()).toString().equals(status.get("value"))) {
                        wrong.add(job.jobId() + " n=" + job.n());
                    }
                } else {
                    outcomes.merge("FAILED", 1, Integer::sum);
                    String error = String.valueOf(status.get("error"));
                    if (status.get("error") == null || error.isBlank() || error.contains("table")) {
                        wrong.add(job.jobId() + " FAILED without a client-facing reason: " + error);
                    }
                }
            }
            String report = "fault soak: " + JOBS + " submits from " + CLIENTS + " clients at ~" + SUBMITS_PER_SECOND
                    + "/s; dynalite pid " + killedPid + " SIGKILLed at " + KILL_AT.toSeconds() + " s (restarted by"
                    + " the stack: " + dynalite.restarts() + ", back after " + backAfter + " ms), SQS unreachable from "
                    + SQS_DOWN_AT.toSeconds()
                    + " s for " + SQS_DOWN_FOR.toSeconds() + " s\n"
                    + "accepted " + accepted.size() + ", refused " + new TreeMap<>(refused) + "\n"
                    + "outcomes of accepted jobs " + outcomes + ", wrong " + wrong.size() + "\n"
                    + "submit phase " + Duration.ofNanos(submitsEnded - start).toMillis() + " ms; drained "
                    + drained.toMillis() + " ms after the last submit; last job ended "
                    + (lastEnd - killedAt) + " ms after the kill\n";
            System.out.print(report);
            Files.writeString(Path.of("target", "fault-soak.txt"), report);

            assertThat(dynalite.restarts()).as("dynalite came back by itself").isEqualTo(1);
            assertThat(wrong).as(report).isEmpty();
            assertThat(outcomes).as(report).doesNotContainKey("not ended");
            assertThat(accepted.size()).as(report).isGreaterThan(JOBS / 2);
            assertThat(lastEnd - killedAt).as(report).isLessThan(ENDED_WITHIN_OF_KILL.toMillis());
        }
    }

    private static HttpResponse<String> submit(ApiClient api, int n, String algorithm) {
        try {
            return api.submit(n, algorithm);
        } catch (RuntimeException noAnswer) {
            return null;
        }
    }

    private static Map<String, Object> status(ApiClient api, String jobId) {
        try {
            HttpResponse<String> response = api.get("/jobs/" + jobId);
            return response.statusCode() == 200 ? ApiClient.json(response) : null;
        } catch (RuntimeException noAnswer) {
            return null;
        }
    }

    private static void pace(long start, int i) throws InterruptedException {
        sleepUntil(start, Duration.ofMillis(1_000L * i / SUBMITS_PER_SECOND));
    }

    private static void sleepUntil(long start, Duration at) throws InterruptedException {
        long wait = at.toMillis() - (System.nanoTime() - start) / 1_000_000;
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }
}
