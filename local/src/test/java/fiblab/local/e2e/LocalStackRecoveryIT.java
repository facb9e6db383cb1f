package fiblab.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import fiblab.local.DeployLimits;
import fiblab.local.LocalStack;
import fiblab.local.LocalStackOptions;
import fiblab.local.servers.DynaliteServer;
import fiblab.local.testing.ApiClient;
import fiblab.local.testing.Eventually;
import fiblab.local.testing.Templates;
import fiblab.testing.IterativeFibonacci;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local stack recovers on its own: a dynalite child killed by its PID comes back on the same
 * port with the same table, and a stack restarted with {@code --data-dir} still has every job it
 * accepted before, and ends them.
 */
class LocalStackRecoveryIT {

    @TempDir
    Path dir;

    private Path template() {
        Path template = Templates.copyWith(Templates.project(), dir, "Timeout: 300", "Timeout: 4");
        template = Templates.copyWith(template, dir, "VisibilityTimeout: 1800", "VisibilityTimeout: 300");
        return Templates.copyWith(
                template,
                dir,
                "FAST_MAX_N: !Ref FastMaxN",
                "FAST_MAX_N: !Ref FastMaxN\n        REPLAY_AFTER_SECONDS: 2\n        RETRY_FIRST_SECONDS: 1");
    }

    @Test
    void dynaliteKilledByPid_shouldComeBackByItself_withItsTable() throws Exception {
        Path log = dir.resolve("stack.log");
        try (LocalStack stack = LocalStack.start(DeployLimits.lift(
                LocalStackOptions.defaults(template()).withPort(0).withLogFile(log)))) {
            // Given a stack with a finished job
            ApiClient api = new ApiClient(stack.apiUrl());
            String before = jobId(api.submit(20, "naive"));
            assertThat(awaitStatus(api, before, "DONE")).containsEntry("value", "6765");
            DynaliteServer dynalite = stack.servers().orElseThrow().dynamoDb();
            long pid = dynalite.pid();

            // When the DynamoDB child is killed from outside (SIGKILL, as the OOM killer would)
            assertThat(ProcessHandle.of(pid).orElseThrow().destroyForcibly()).isTrue();

            // Then it comes back by itself, on the same port, with the same table
            assertThat(Eventually.within(
                            Duration.ofSeconds(20), () -> dynalite.restarts() == 1 && dynalite.isRunning()))
                    .as("dynalite restarted by the stack")
                    .isTrue();
            assertThat(dynalite.pid()).isNotEqualTo(pid);
            assertThat(awaitStatus(api, before, "DONE")).containsEntry("value", "6765");
            String after = jobId(api.submit(21, "naive"));
            assertThat(awaitStatus(api, after, "DONE")).containsEntry("value", "10946");
            assertThat(Files.readString(log))
                    .contains("[dynalite] process " + pid)
                    .contains("died");
        }
    }

    @Test
    void restartWithDataDir_shouldKeepEveryAcceptedJob_andEndIt() throws Exception {
        // Given jobs accepted by a stack that is stopped before its worker could finish them
        Path data = dir.resolve("data");
        Path template = template();
        List<String> jobs = new ArrayList<>();
        try (LocalStack first = LocalStack.start(DeployLimits.lift(LocalStackOptions.defaults(template)
                .withPort(0)
                .withDataDir(data)
                .withLogFile(dir.resolve("first.log"))))) {
            ApiClient api = new ApiClient(first.apiUrl());
            for (int i = 0; i < 12; i++) {
                jobs.add(jobId(api.submit(38, "naive")));
            }
            long unfinished = jobs.stream()
                    .filter(id -> !"DONE"
                            .equals(ApiClient.json(api.get("/jobs/" + id)).get("status")))
                    .count();
            assertThat(unfinished).as("jobs not yet DONE when the stack stops").isPositive();
        }

        // When a new stack starts on the same data directory
        try (LocalStack second = LocalStack.start(DeployLimits.lift(LocalStackOptions.defaults(template)
                .withPort(0)
                .withDataDir(data)
                .withLogFile(dir.resolve("second.log"))))) {
            ApiClient api = new ApiClient(second.apiUrl());

            // Then every job accepted before is readable, and ends DONE
            for (String jobId : jobs) {
                assertThat(api.get("/jobs/" + jobId).statusCode()).as(jobId).isEqualTo(200);
            }
            for (String jobId : jobs) {
                assertThat(awaitStatus(api, jobId, "DONE"))
                        .as(jobId)
                        .containsEntry("value", IterativeFibonacci.fib(38).toString());
            }
        }
    }

    private static String jobId(HttpResponse<String> accepted) {
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        return String.valueOf(ApiClient.json(accepted).get("jobId"));
    }

    private static Map<String, Object> awaitStatus(ApiClient api, String jobId, String status) {
        List<Map<String, Object>> last = new ArrayList<>(List.of(Map.of()));
        Eventually.within(Duration.ofSeconds(60), () -> {
            last.set(0, ApiClient.json(api.get("/jobs/" + jobId)));
            return status.equals(last.get(0).get("status"));
        });
        return last.get(0);
    }
}
