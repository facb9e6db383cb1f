package fiblab.bench.model;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.PriorityQueue;

/**
 * The async path as a queueing system, simulated event by event (seeded, bounded): submits pass
 * API Gateway's token bucket and are accepted after the submit's own latency; the queue is
 * unbounded; Lambda's SQS event source runs at most {@code limit(t)} batches at once, starting at
 * {@code initialBatches} and adding {@code scaleUpPerMinute} while messages remain, up to
 * {@code maxBatches}; each batch takes up to {@code batchSize} messages and computes them one
 * after the other. With finite {@code cores}, running batches share the CPU equally. The client
 * polls every {@code pollIntervalSeconds} after each answer (the first after the 202) and sees the result at the first poll after
 * it was stored. Polls are counted (API requests per job) but not throttled: the prediction's
 * {@code apiRequestsPer} times the offered rate says when they would be.
 *
 * <p>With a {@link CpuSharing} (the local stack on one machine; on AWS the API and the worker run on
 * separate CPUs and there is none) the submits in flight, the running batches and the polls in flight
 * share the cores, all slowed by the same factor {@code f} (0–1) when together they want more than the
 * cores: a submit takes {@code 1/f} times its latency alone, a batch does {@code f} of its full speed, a
 * poll takes {@code 1/f} times as long as it does alone. Submits and polls are closed loops beyond the
 * client's threads: at most {@code submitThreads} submits and {@code pollThreads} polls are in flight
 * (the rest wait at the client), so neither can take every core from the worker, as on the machine
 * where each thread gets its turn. A client stops polling when its result is stored or its patience runs
 * out, and sees its result after the poll period of the moment the result was stored.
 */
public final class AsyncModel {

    /**
     * @param apiRate              API Gateway steady rate for submits; infinite = no throttle
     * @param apiBurst             API Gateway bucket size
     * @param submitSeconds        POST /jobs until the 202 (PutItem, SendMessage, gateway)
     * @param initialBatches       concurrent batches when messages first arrive (Lambda: 5)
     * @param scaleUpPerMinute     batches added per minute while messages remain (Lambda: 300); 0 = fixed
     * @param maxBatches           most batches at once (MaximumConcurrency, reserved or account concurrency, 1,000)
     * @param batchSize            messages per batch
     * @param handOverSeconds      from a batch's start until its first message computes (receive, invoke)
     * @param perJobSeconds        per message outside compute (claim and result writes)
     * @param cores                CPUs shared by running batches; infinite = one each
     * @param pollIntervalSeconds  how long the client waits after each answer before its next status poll
     * @param pollSeconds          one status poll's latency
     * @param patienceSeconds      a result seen later than this after the intended submit does not count
     */
    public record Config(
            double apiRate,
            double apiBurst,
            double submitSeconds,
            int initialBatches,
            double scaleUpPerMinute,
            int maxBatches,
            int batchSize,
            double handOverSeconds,
            double perJobSeconds,
            double cores,
            double pollIntervalSeconds,
            double pollSeconds,
            double patienceSeconds) {

        public Config {
            if (initialBatches < 1 || maxBatches < 1 || batchSize < 1 || !(cores > 0) || !(pollIntervalSeconds > 0)) {
                throw new IllegalArgumentException("batches, batch size, cores and poll interval must be positive");
            }
        }

        /** The same path with the API's steady rate for submits set to {@code rate}, its burst scaled alike. */
        public Config withApiRate(double rate) {
            // the bucket holds at least one token: a throttle with no burst lets nothing in
            double burst = Double.isInfinite(apiRate) ? apiBurst : Math.max(1, apiBurst * rate / apiRate);
            return new Config(
                    rate,
                    burst,
                    submitSeconds,
                    initialBatches,
                    scaleUpPerMinute,
                    maxBatches,
                    batchSize,
                    handOverSeconds,
                    perJobSeconds,
                    cores,
                    pollIntervalSeconds,
                    pollSeconds,
                    patienceSeconds);
        }
    }

    /**
     * The machine's CPU shared by the API and the worker, on the local stack.
     *
     * @param cores            CPUs on the machine
     * @param submitCpuSeconds CPU one POST /jobs takes on the machine (client, gateway, handler, the local servers)
     * @param pollCpuSeconds   CPU one GET /jobs/{id} takes on the machine
     * @param batchCores       cores one running batch takes at full speed
     * @param pollThreads      polls the client has in flight at most (its poll threads)
     * @param submitThreads    submits the client has in flight at most (its submit threads)
     */
    public record CpuSharing(
            double cores,
            double submitCpuSeconds,
            double pollCpuSeconds,
            double batchCores,
            int pollThreads,
            int submitThreads) {

        public CpuSharing {
            if (!(cores > 0)
                    || !(batchCores > 0)
                    || !(submitCpuSeconds >= 0)
                    || !(pollCpuSeconds >= 0)
                    || pollThreads < 1
                    || submitThreads < 1) {
                throw new IllegalArgumentException("CPU sharing needs positive cores, batch cores, poll and submit"
                        + " threads and CPU per request of at least 0; got " + cores + ", " + batchCores + ", "
                        + pollThreads + ", " + submitThreads + ", " + submitCpuSeconds + ", " + pollCpuSeconds);
            }
        }

        /** A poll's latency on an idle machine: the measured one, but no less than its CPU spread over every core. */
        double pollAloneSeconds(double measured) {
            return Math.max(measured, pollCpuSeconds / cores);
        }
    }

    /** Steps of the bisection that finds the slowdown: 2^-40 of full speed is finer than any event. */
    private static final int SLOWDOWN_STEPS = 40;

    /** A backlog that outlives the offered load by more than this means the drain rate binds. */
    static final double DRAIN_THAT_BINDS_SECONDS = 1.0;

    private final Config config;
    private final CpuSharing sharing;

    public AsyncModel(Config config) {
        this(config, null);
    }

    /** @param sharing the CPU the API takes from the worker; null when they do not share one */
    public AsyncModel(Config config, CpuSharing sharing) {
        this.config = config;
        this.sharing = sharing;
    }

    public Config config() {
        return config;
    }

    /** The same path with the API's steady rate for submits set to {@code rate}. */
    public AsyncModel withApiRate(double rate) {
        return new AsyncModel(config.withApiRate(rate), sharing);
    }

    public PathPrediction predict(LoadPoint load, ServiceTime service) {
        return new Run(load, service).run();
    }

    private record Job(double intended, double accepted) {}

    /** A submit in flight: it is accepted when the submits' work clock reaches {@code end}. */
    private record Submit(double intended, double end) {}

    private record Finish(double virtualEnd, Job job, boolean lastOfBatch) {}

    private final class Run extends SimulationRun {
        final Deque<Job> queue = new ArrayDeque<>();
        /** Submits in flight, in the order they were sent: all progress alike, so the first ends first. */
        final Deque<Submit> accepting = new ArrayDeque<>();
        /** Jobs whose submit waits for one of the client's submit threads (only with CPU sharing). */
        final Deque<Double> waitingToSubmit = new ArrayDeque<>();
        /** The submits' work clock: seconds of a lone submit done since the start, at the current slowdown. */
        double submitWork;

        final PriorityQueue<Finish> finishes =
                new PriorityQueue<>((a, b) -> Double.compare(a.virtualEnd, b.virtualEnd));
        /** Clients still polling, by when their patience runs out (only with CPU sharing). */
        final PriorityQueue<Job> polling = new PriorityQueue<>((a, b) -> Double.compare(a.intended, b.intended));

        double speed = 1;
        double limit;
        double peakLimit;
        int batches;
        long offered;
        long polls;
        long peakBacklog;
        double lastCompletion;

        Run(LoadPoint load, ServiceTime service) {
            super(load, service, config.cores(), TokenBucket.of(config.apiRate(), config.apiBurst()));
            this.limit = Math.min(config.initialBatches(), config.maxBatches());
            this.peakLimit = limit;
        }

        PathPrediction run() {
            ArrivalClock arrivals = new ArrivalClock(load, random);
            while (true) {
                double arrival = arrivals.peek();
                double accept = accepting.isEmpty() || speed <= 0
                        ? Double.POSITIVE_INFINITY
                        : cores.now() + Math.max(0, accepting.peekFirst().end() - submitWork) / speed;
                double finish = finishes.isEmpty()
                        ? Double.POSITIVE_INFINITY
                        : cores.wallTimeOf(finishes.peek().virtualEnd, batches, speed);
                double givesUp = polling.isEmpty()
                        ? Double.POSITIVE_INFINITY
                        : polling.peek().intended + config.patienceSeconds();
                // while messages wait and the event source may still grow, look again every second
                double scale = !queue.isEmpty() && limit < config.maxBatches() && config.scaleUpPerMinute() > 0
                        ? Math.floor(cores.now()) + 1
                        : Double.POSITIVE_INFINITY;
                double next = Math.min(Math.min(arrival, accept), Math.min(Math.min(finish, scale), givesUp));
                if (Double.isInfinite(next)) {
                    break;
                }
                advance(next);
                if (next == finish) {
                    Finish done = finishes.poll();
                    completed(done.job);
                    if (done.lastOfBatch) {
                        batches--;
                    }
                } else if (next == givesUp) {
                    polling.poll();
                } else if (next == accept) {
                    Submit done = accepting.pollFirst();
                    Job job = new Job(done.intended(), cores.now());
                    queue.addLast(job);
                    Double waiting = waitingToSubmit.pollFirst();
                    if (waiting != null) {
                        send(waiting);
                    }
                    // a job whose submit waited for a client thread past the patience is never polled for
                    if (sharing != null && cores.now() < job.intended() + config.patienceSeconds()) {
                        polling.add(job);
                    }
                    peakBacklog = Math.max(peakBacklog, queue.size());
                } else if (next == arrival) {
                    offered++;
                    submit();
                    arrivals.advance();
                }
                startBatches();
                speed = slowdown();
            }
            return prediction();
        }

        /**
         * The factor {@code f} the submits, the batches and the polls run at: 1 when the cores are enough
         * for them all, else the {@code f} at which what they take equals the cores (what they take grows
         * with {@code f}, so a bisection finds it).
         */
        double slowdown() {
            if (sharing == null) {
                return 1;
            }
            if (sharedCores(1) <= sharing.cores()) {
                return 1;
            }
            double low = 0;
            double high = 1;
            for (int i = 0; i < SLOWDOWN_STEPS; i++) {
                double mid = (low + high) / 2;
                if (sharedCores(mid) <= sharing.cores()) {
                    low = mid;
                } else {
                    high = mid;
                }
            }
            return low;
        }

        /** Cores the submits in flight, the running batches and the polling clients take at {@code f} of their speed. */
        double sharedCores(double f) {
            if (f <= 0) {
                return 0;
            }
            double submits = config.submitSeconds() > 0
                    ? f * accepting.size() * sharing.submitCpuSeconds() / config.submitSeconds()
                    : 0;
            double batchCores = f * batches * sharing.batchCores();
            if (polling.isEmpty() || sharing.pollCpuSeconds() == 0) {
                return submits + batchCores;
            }
            double latency = pollLatency(f);
            double inFlight = Math.min(
                    sharing.pollThreads(), polling.size() * latency / (config.pollIntervalSeconds() + latency));
            return submits + batchCores + inFlight * sharing.pollCpuSeconds() / latency;
        }

        double pollLatency(double f) {
            return sharing.pollAloneSeconds(config.pollSeconds()) / f;
        }

        /**
         * From one poll's answer to the next: the interval and a poll, or, when more clients are due than
         * the client has threads, the time the threads take to get round them all.
         */
        double pollPeriod() {
            if (sharing == null) {
                return config.pollIntervalSeconds() + config.pollSeconds();
            }
            double latency = speed > 0 ? pollLatency(speed) : pollLatency(1);
            return Math.max(config.pollIntervalSeconds() + latency, polling.size() * latency / sharing.pollThreads());
        }

        void advance(double next) {
            if (next < cores.now()) {
                throw new IllegalStateException(
                        "the simulation's clock would run back from " + cores.now() + " to " + next);
            }
            if (!queue.isEmpty() && config.scaleUpPerMinute() > 0) {
                limit = Math.min(config.maxBatches(), limit + config.scaleUpPerMinute() / 60.0 * (next - cores.now()));
                peakLimit = Math.max(peakLimit, limit);
            } else if (queue.isEmpty() && batches == 0) {
                limit = Math.min(config.initialBatches(), config.maxBatches());
            }
            submitWork += speed * (next - cores.now());
            cores.advanceTo(next, batches, speed);
        }

        void submit() {
            if (!api.tryTake(cores.now())) {
                count(Outcome.API_THROTTLED);
                return;
            }
            if (sharing != null && accepting.size() >= sharing.submitThreads()) {
                waitingToSubmit.addLast(cores.now());
            } else {
                send(cores.now());
            }
        }

        /** The client sends the submit of a job it meant to send at {@code intended}. */
        void send(double intended) {
            accepting.addLast(new Submit(intended, submitWork + config.submitSeconds()));
        }

        void startBatches() {
            while (!queue.isEmpty() && batches < (int) Math.floor(limit)) {
                batches++;
                double end = cores.virtual() + config.handOverSeconds();
                int take = Math.min(config.batchSize(), queue.size());
                for (int i = 0; i < take; i++) {
                    end += config.perJobSeconds() + service.sample(random);
                    finishes.add(new Finish(end, queue.pollFirst(), i == take - 1));
                }
            }
        }

        void completed(Job job) {
            lastCompletion = cores.now();
            if (sharing != null && cores.now() < job.intended + config.patienceSeconds()) {
                polling.remove(job);
            }
            // the client waits the interval after each answer, so poll k answers at accepted + k × (interval +
            // poll latency), and it sees DONE if the result was stored before that poll read it
            double period = pollPeriod();
            double sinceAccepted = cores.now() - job.accepted;
            long k = Math.max(1, (long) Math.ceil(sinceAccepted / period - 1e-9));
            double seen = job.accepted + k * period;
            if (seen - job.intended > config.patienceSeconds()) {
                polls += (long) Math.floor(config.patienceSeconds() / period);
                count(Outcome.CLIENT_TIMEOUT);
                return;
            }
            polls += k;
            count(Outcome.OK);
            recordAnswer(job.intended, seen);
        }

        PathPrediction prediction() {
            long throttled = counted(Outcome.API_THROTTLED);
            long admitted = offered - throttled;
            double drain = Math.max(0, lastCompletion - load.durationSeconds());
            return prediction(
                    "async",
                    offered,
                    throttled,
                    peakBacklog,
                    drain,
                    offered == 0 ? 0 : (admitted + polls + throttled) / (double) offered,
                    binding(throttled, drain));
        }

        Limit binding(long throttled, double drain) {
            if (throttled > 0) {
                return Limit.API_THROTTLE;
            }
            // a backlog that outlives the offered load by more than a second means the drain rate binds
            if (drain > DRAIN_THAT_BINDS_SECONDS || counted(Outcome.CLIENT_TIMEOUT) > 0) {
                boolean atMax = peakLimit >= config.maxBatches() - 1e-9;
                return atMax || config.scaleUpPerMinute() <= 0 ? Limit.WORKER_CONCURRENCY : Limit.POLLER_SCALE_UP;
            }
            return Limit.NONE;
        }
    }
}
