package fiblab.bench.coldstart;

import com.fasterxml.jackson.jr.ob.JSON;
import fiblab.aws.DynamoDbJobStore;
import fiblab.bench.result.ColdStart;
import fiblab.bench.result.ColdStart.Configuration;
import fiblab.bench.result.ColdStart.Sample;
import fiblab.bench.result.ColdStart.Spread;
import fiblab.bench.result.ColdStart.Summary;
import fiblab.config.EnvironmentVariables;
import fiblab.fib.Algorithm;
import fiblab.job.Job;
import fiblab.local.LocalStack;
import fiblab.local.servers.BoundedCommand;
import fiblab.local.servers.BoundedCommand.CommandTimeoutException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Cold starts, measured locally: for each function, HTTP client and priming off/on, a number of
 * samples, each in a brand-new JVM ({@link ColdStartProbe}) started with the function's own
 * environment pointing at the running local stack's servers. Configurations take turns sample by
 * sample, so that a noisy minute falls on all of them alike. One unrecorded start per HTTP client
 * comes first, to fill the operating system's file cache.
 *
 * <p>A local JVM is not a SnapStart restore: priming moves work into init, which SnapStart pays
 * before its snapshot, so the local figure that stands for SnapStart is the first invoke after
 * priming (the restore itself cannot be measured here).
 */
public record ColdStartBench(LocalStack stack, Path eventsDir, Path workDir, PrintWriter log) {

    /** What Lambda's java17 and java21 runtimes start the JVM with by default (C1 only, serial GC). */
    public static final List<String> JVM_OPTIONS =
            List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    static final Duration SAMPLE_TIMEOUT = Duration.ofSeconds(90);
    static final int WORKER_JOB_N = 20;

    /** A function of the template to start cold, by its logical id; its handler is the template's. */
    record Function(String logicalId) {}

    static final List<Function> FUNCTIONS = List.of(new Function("ApiFunction"), new Function("WorkerFunction"));

    /** One configuration's samples, gathered sample by sample. */
    private record Plan(Function function, String client, boolean priming, List<Sample> samples) {}

    /** Runs every configuration {@code samples} times and returns the results file's {@code coldStart}. */
    public ColdStart run(int samples, List<String> clients) throws IOException, InterruptedException {
        long started = System.currentTimeMillis();
        Files.createDirectories(workDir);
        Path probeDir = ProbeClasspath.extractProbe(workDir.resolve("probe"));
        List<Path> jars = ProbeClasspath.listedJars();
        Path functionsJar = jars.stream()
                .filter(j -> j.getFileName().toString().startsWith("fiblab-functions"))
                .findFirst()
                .orElse(null);
        if (functionsJar != null && functionsJar.toString().contains(".m2")) {
            // `mvn -pl report-site` without -am takes the last installed copy, which may be older than the sources
            say("cold start: warning: the functions come from " + functionsJar + ", not from this checkout's build;"
                    + " build with mvn -pl report-site -am package (bench.sh does)");
        }
        List<Plan> plans = new ArrayList<>();
        for (Function function : FUNCTIONS) {
            for (String client : clients) {
                for (boolean prime : List.of(false, true)) {
                    plans.add(new Plan(function, client, prime, new ArrayList<>()));
                }
            }
        }
        for (String client : clients) {
            say("cold start: one unrecorded start with " + client + " (file cache)");
            sample(FUNCTIONS.get(0), client, false, jars, probeDir, -1);
        }
        for (int i = 0; i < samples; i++) {
            say("cold start: sample " + (i + 1) + " of " + samples + " for " + plans.size() + " configurations");
            for (Plan plan : plans) {
                plan.samples().add(sample(plan.function(), plan.client(), plan.priming(), jars, probeDir, i));
            }
        }
        List<Configuration> configurations = new ArrayList<>();
        for (Plan plan : plans) {
            configurations.add(new Configuration(
                    plan.function().logicalId(),
                    handler(plan.function()),
                    plan.client(),
                    plan.priming(),
                    plan.samples(),
                    summarise(plan.samples())));
        }
        return new ColdStart(
                samples,
                clients,
                JVM_OPTIONS,
                String.valueOf(functionsJar),
                ProcessHandle.current().info().command().orElse("java"),
                ProcessHandle.current().pid(),
                started,
                Math.round((System.currentTimeMillis() - started) / 100.0) / 10.0,
                configurations);
    }

    /** p50/p90/max of every timing and class count over the samples that succeeded. */
    static Summary summarise(List<Sample> samples) {
        List<Sample> ok = samples.stream().filter(Sample::ok).toList();
        return new Summary(
                ok.size(),
                samples.size() - ok.size(),
                spread(ok, Sample::jvmToMainMillis),
                spread(ok, Sample::initMillis),
                spread(ok, Sample::primingMillis),
                spread(ok, Sample::firstInvokeMillis),
                spread(ok, Sample::firstDeserializeMillis),
                spread(ok, Sample::secondInvokeMillis),
                spread(ok, Sample::jvmStartToFirstResponseMillis),
                spread(ok, Sample::classesAfterInit),
                spread(ok, Sample::classesAfterFirstInvoke),
                spread(ok, Sample::wallMillis));
    }

    /** The spread of one timing over the samples that have it; null (left out) when none has it. */
    private static Spread spread(List<Sample> samples, java.util.function.Function<Sample, Number> timing) {
        List<Double> values = samples.stream()
                .map(timing)
                .filter(java.util.Objects::nonNull)
                .map(Number::doubleValue)
                .toList();
        return values.isEmpty() ? null : Spread.of(values);
    }

    private Sample sample(Function function, String client, boolean prime, List<Path> jars, Path probeDir, int index)
            throws IOException, InterruptedException {
        Path sampleDir = Files.createDirectories(workDir.resolve("samples"));
        String tag = function.logicalId() + "-" + client + "-" + (prime ? "primed" : "plain") + "-" + index;
        Path first = sampleDir.resolve(tag + "-event1.json");
        Path second = sampleDir.resolve(tag + "-event2.json");
        writeEvents(function, first, second);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.add("-cp");
        command.add(ProbeClasspath.forClient(jars, client, probeDir));
        command.add(ColdStartProbe.class.getName());
        command.add(handler(function));
        command.add(Boolean.toString(prime));
        command.add(first.toString());
        command.add(second.toString());
        command.add(Long.toString(
                stack.function(function.logicalId()).configuration().timeout().toMillis()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // Only the function's own environment, as Lambda gives it: nothing of the benchmark's leaks in.
        builder.environment().clear();
        builder.environment()
                .putAll(stack.function(function.logicalId()).configuration().environment());
        builder.environment().put(EnvironmentVariables.FIBLAB_HTTP_CLIENT, client);
        long t0 = System.nanoTime();
        BoundedCommand.Result run = null;
        String text;
        try {
            run = BoundedCommand.run("cold-start probe " + tag, builder, SAMPLE_TIMEOUT);
            text = run.stdout();
        } catch (CommandTimeoutException e) {
            text = e.getMessage();
        }
        long wallNanos = System.nanoTime() - t0;
        double wallMillis = Math.round(wallNanos / 1e4) / 100.0;
        int exitCode = run == null ? -1 : run.exitCode();
        Optional<Sample> parsed = ProbeOutput.parse(text);
        if (parsed.isEmpty()) {
            String error = "no readable result line; output ends: " + text.substring(Math.max(0, text.length() - 600));
            return Sample.failed(error, wallMillis, exitCode);
        }
        Sample probe = parsed.get();
        boolean ok = run != null
                && run.succeeded()
                && answered(function, String.valueOf(probe.firstResponse()))
                && answered(function, String.valueOf(probe.secondResponse()));
        return probe.measured(wallMillis, exitCode, ok);
    }

    /** The template's Handler string, as the running local stack read it from template.yaml. */
    private String handler(Function function) {
        return stack.function(function.logicalId()).configuration().handler();
    }

    /** The API must have accepted the job (202); the worker must report no failed message. */
    static boolean answered(Function function, String response) {
        return function.logicalId().equals("ApiFunction")
                ? response.contains("\"statusCode\":202")
                : response.contains("\"batchItemFailures\":[]");
    }

    private void writeEvents(Function function, Path first, Path second) throws IOException {
        if (function.logicalId().equals("ApiFunction")) {
            // POST /jobs touches DynamoDB and SQS: the whole request path of the API
            Files.copy(
                    eventsDir.resolve("api-post-job.json"), first, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.copy(
                    eventsDir.resolve("api-post-job.json"), second, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.writeString(first, workerEvent(createJob()), StandardCharsets.UTF_8);
            Files.writeString(second, workerEvent(createJob()), StandardCharsets.UTF_8);
        }
    }

    /** A PENDING job in the stack's table, as the API would have recorded it, for the worker to claim. */
    private String createJob() {
        String jobId = UUID.randomUUID().toString();
        long now = System.currentTimeMillis();
        String table =
                stack.function("WorkerFunction").configuration().environment().get("TABLE_NAME");
        try (DynamoDbClient client = stack.endpoints().dynamoDbClient()) {
            new DynamoDbJobStore(client, table)
                    .create(Job.pending(jobId, WORKER_JOB_N, Algorithm.NAIVE, now, null, now / 1000 + 86_400));
        }
        return jobId;
    }

    /** events/sqs-batch.json's first record, pointing at the given job. */
    private String workerEvent(String jobId) throws IOException {
        Map<String, Object> batch = JSON.std.mapFrom(Files.readString(eventsDir.resolve("sqs-batch.json")));
        @SuppressWarnings("unchecked")
        Map<String, Object> record = new LinkedHashMap<>(((List<Map<String, Object>>) batch.get("Records")).get(0));
        record.put("messageId", UUID.randomUUID().toString());
        record.put(
                "body",
                "{\"jobId\":\"" + jobId + "\",\"n\":" + WORKER_JOB_N + ",\"algorithm\":\"naive\",\"submittedAt\":"
                        + System.currentTimeMillis() + "}");
        return JSON.std.asString(Map.of("Records", List.of(record)));
    }

    private void say(String line) {
        log.println(line);
        log.flush();
    }
}
