package fiblab.bench.model;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The inline path as a queueing system, simulated event by event (seeded, bounded): an M/G/c/c
 * loss system — c execution environments, an arrival that finds none free is refused, as Lambda
 * refuses a synchronous invoke beyond the function's concurrency — behind API Gateway's token
 * bucket, with Lambda's scaling rate on new environments, the compute deadline (504) and the
 * HTTP API's integration timeout (503), a client that gives up after its patience, and optionally
 * a client with a bounded number of requests in flight (the benchmark's open loop). With finite
 * {@code cores}, running requests share the CPU equally (processor sharing), as they do on the
 * local stack; on AWS every environment has its own vCPU ({@code cores} infinite). No closed form
 * covers all of this; the pieces that have one (Erlang B) are tested against it.
 */
public final class InlineModel {

    /**
     * @param apiRate             API Gateway steady rate (requests/s); infinite = no throttle
     * @param apiBurst            API Gateway bucket size
     * @param concurrency         execution environments the function may have (reserved, else the account's)
     * @param scalingPerSecond    new environments per second (Lambda: 1,000 per 10 s = 100/s); infinite = no limit
     * @param scalingBurst        new environments at once (Lambda: 1,000)
     * @param warmInstances       environments that exist before the load starts
     * @param cores               CPUs shared by running requests; infinite = one each
     * @param overheadSeconds     latency outside compute (gateway, network), added to every answer
     * @param coldStartSeconds    added to the first request of each new environment
     * @param computeDeadline     seconds after which the handler gives up and answers 504 (fiblab: timeout − 1 s)
     * @param integrationTimeout  seconds after which the HTTP API answers 503 (30)
     * @param patienceSeconds     the client stops waiting this long after sending, and an answer later than this
     *                            after the intended send does not count
     * @param clientMaxInFlight   requests the client has in flight at most; MAX_VALUE = unbounded
     */
    public record Config(
            double apiRate,
            double apiBurst,
            int concurrency,
            double scalingPerSecond,
            double scalingBurst,
            int warmInstances,
            double cores,
            double overheadSeconds,
            double coldStartSeconds,
            double computeDeadline,
            double integrationTimeout,
            double patienceSeconds,
            int clientMaxInFlight) {

        public Config {
            if (concurrency < 1 || !(cores > 0) || clientMaxInFlight < 1 || !(patienceSeconds > 0)) {
                throw new IllegalArgumentException(
                        "concurrency, cores, client in-flight and patience must be positive");
            }
        }
    }

    /**
     * Stop-the-world pauses of the process that runs the requests (its garbage collector): after every
     * {@code everyRequests} answers no request progresses for {@code seconds}, while requests keep
     * arriving. A stack at exactly its capacity has no spare capacity to work such a backlog off.
     */
    public record Pauses(double everyRequests, double seconds) {

        public Pauses {
            if (!(everyRequests >= 1) || !(seconds > 0)) {
                throw new IllegalArgumentException(
                        "pauses need at least 1 request between them and a positive length; got " + everyRequests + ", "
                                + seconds);
            }
        }
    }

    private final Config config;
    private final Pauses pauses;

    public InlineModel(Config config) {
        this(config, null);
    }

    /** @param pauses the process's pauses; null for none */
    public InlineModel(Config config, Pauses pauses) {
        this.config = config;
        this.pauses = pauses;
    }

    public Config config() {
        return config;
    }

    /** Simulates the offered load and lets every admitted request finish. */
    public PathPrediction predict(LoadPoint load, ServiceTime service) {
        return predict(load, service, ServiceTime.constant(0));
    }

    /**
     * As {@link #predict(LoadPoint, ServiceTime)}, with a latency drawn for each answer on top of the
     * fixed overhead, that takes no CPU and holds no environment: what a lone request measured beyond
     * its work (the machine's other load, a collection pause, a retransmitted packet).
     */
    public PathPrediction predict(LoadPoint load, ServiceTime service, ServiceTime extraLatency) {
        return new Run(load, service, extraLatency).run();
    }

    private static final class Request {
        final double intended;
        double sent = Double.NaN;
        double virtualEnd;
        boolean running;
        boolean answered;
        boolean abandoned;

        Request(double intended) {
            this.intended = intended;
        }
    }

    private record Finish(double virtualEnd, Request request) {}

    private enum Kind {
        DEADLINE,
        PATIENCE,
        /** A pause ends (no request). */
        RESUME
    }

    private record WallEvent(double time, Kind kind, Request request) {}

    private final class Run extends SimulationRun {
        final TokenBucket scaling;
        final PriorityQueue<Finish> finishes =
                new PriorityQueue<>((a, b) -> Double.compare(a.virtualEnd, b.virtualEnd));
        final PriorityQueue<WallEvent> wall = new PriorityQueue<>((a, b) -> Double.compare(a.time, b.time));
        final Deque<Request> waitingForClient = new ArrayDeque<>();
        int running;
        int idle;
        int created;
        int clientInFlight;
        long peakInFlight;
        long offered;

        final ServiceTime extraLatency;

        Run(LoadPoint load, ServiceTime service, ServiceTime extraLatency) {
            super(load, service, config.cores(), TokenBucket.of(config.apiRate(), config.apiBurst()));
            this.extraLatency = extraLatency;
            this.scaling = TokenBucket.of(config.scalingPerSecond(), config.scalingBurst());
            this.idle = Math.min(config.warmInstances(), config.concurrency());
            this.created = idle;
        }

        PathPrediction run() {
            ArrivalClock arrivals = new ArrivalClock(load, random);
            while (true) {
                while (!finishes.isEmpty() && !finishes.peek().request.running) {
                    finishes.poll();
                }
                double arrival = arrivals.peek();
                double finish = finishes.isEmpty()
                        ? Double.POSITIVE_INFINITY
                        : cores.wallTimeOf(finishes.peek().virtualEnd, running, efficiency());
                double event = wall.isEmpty() ? Double.POSITIVE_INFINITY : wall.peek().time;
                double next = Math.min(arrival, Math.min(finish, event));
                if (Double.isInfinite(next)) {
                    break;
                }
                cores.advanceTo(next, running, efficiency());
                if (next == finish) {
                    complete(finishes.poll().request);
                } else if (next == event) {
                    handle(wall.poll());
                } else {
                    offered++;
                    arrive(new Request(cores.now()));
                    arrivals.advance();
                }
            }
            return prediction();
        }

        /** Answers since the last pause, and when the pause under way ends. */
        double answeredSincePause;

        double pausedUntil = Double.NEGATIVE_INFINITY;

        /** The share of their CPU the running requests get now: none while the process is paused. */
        double efficiency() {
            return cores.now() < pausedUntil ? 0 : 1;
        }

        /** Counts an answer toward the next pause, and starts it when its turn has come. */
        void towardPause() {
            if (pauses == null) {
                return;
            }
            answeredSincePause++;
            if (answeredSincePause >= pauses.everyRequests()) {
                answeredSincePause -= pauses.everyRequests();
                pausedUntil = Math.max(pausedUntil, cores.now()) + pauses.seconds();
                wall.add(new WallEvent(pausedUntil, Kind.RESUME, null));
            }
        }

        void arrive(Request request) {
            if (clientInFlight >= config.clientMaxInFlight()) {
                waitingForClient.addLast(request);
            } else {
                send(request);
            }
        }

        void send(Request request) {
            request.sent = cores.now();
            clientInFlight++;
            peakInFlight = Math.max(peakInFlight, clientInFlight);
            if (!api.tryTake(cores.now())) {
                answer(request, Outcome.API_THROTTLED);
                return;
            }
            double work = service.sample(random);
            if (idle > 0) {
                idle--;
            } else if (created >= config.concurrency()) {
                answer(request, Outcome.LAMBDA_CONCURRENCY);
                return;
            } else if (!scaling.tryTake(cores.now())) {
                answer(request, Outcome.LAMBDA_SCALING);
                return;
            } else {
                created++;
                work += config.coldStartSeconds();
            }
            request.running = true;
            running++;
            request.virtualEnd = cores.virtual() + work;
            finishes.add(new Finish(request.virtualEnd, request));
            double deadline = Math.min(config.computeDeadline(), config.integrationTimeout());
            if (Double.isFinite(deadline)) {
                wall.add(new WallEvent(cores.now() + deadline, Kind.DEADLINE, request));
            }
            if (Double.isFinite(config.patienceSeconds())) {
                wall.add(new WallEvent(cores.now() + config.patienceSeconds(), Kind.PATIENCE, request));
            }
        }

        void complete(Request request) {
            stop(request);
            towardPause();
            answer(request, Outcome.OK);
        }

        void handle(WallEvent event) {
            if (event.kind == Kind.RESUME) {
                return;
            }
            Request request = event.request;
            if (event.kind == Kind.DEADLINE) {
                if (request.running) {
                    stop(request);
                    answer(
                            request,
                            config.computeDeadline() <= config.integrationTimeout()
                                    ? Outcome.COMPUTE_TIMEOUT
                                    : Outcome.INTEGRATION_TIMEOUT);
                }
            } else if (!request.answered && !request.abandoned) {
                // the client stops waiting; the function goes on computing until it ends or its deadline
                request.abandoned = true;
                count(Outcome.CLIENT_TIMEOUT);
                releaseClient();
            }
        }

        void stop(Request request) {
            request.running = false;
            running--;
            idle++;
        }

        void answer(Request request, Outcome outcome) {
            if (request.answered || request.abandoned) {
                return;
            }
            request.answered = true;
            double answeredAt = cores.now() + config.overheadSeconds() + extraLatency.sample(random);
            // as the benchmark's client counts it: from when the user wanted the answer, not from when the
            // client, busy with other requests, got round to sending it
            if (outcome == Outcome.OK && answeredAt - request.intended > config.patienceSeconds()) {
                count(Outcome.CLIENT_TIMEOUT);
            } else {
                count(outcome);
                if (outcome == Outcome.OK) {
                    recordAnswer(request.intended, answeredAt);
                }
            }
            releaseClient();
        }

        void releaseClient() {
            clientInFlight--;
            Request next = waitingForClient.pollFirst();
            if (next != null) {
                send(next);
            }
        }

        PathPrediction prediction() {
            long throttled = counted(Outcome.API_THROTTLED)
                    + counted(Outcome.LAMBDA_CONCURRENCY)
                    + counted(Outcome.LAMBDA_SCALING);
            return prediction("inline", offered, throttled, peakInFlight, 0, 1, binding());
        }

        Limit binding() {
            Outcome worst = null;
            long most = 0;
            for (Map.Entry<Outcome, Long> e : outcomes.entrySet()) {
                if (e.getKey() != Outcome.OK && e.getValue() > most) {
                    worst = e.getKey();
                    most = e.getValue();
                }
            }
            if (worst == null) {
                return Limit.NONE;
            }
            return switch (worst) {
                case API_THROTTLED -> Limit.API_THROTTLE;
                case LAMBDA_CONCURRENCY -> Limit.LAMBDA_CONCURRENCY;
                case LAMBDA_SCALING -> Limit.LAMBDA_SCALING_RATE;
                case COMPUTE_TIMEOUT, INTEGRATION_TIMEOUT -> Limit.FUNCTION_TIMEOUT;
                default -> Limit.COMPUTE;
            };
        }
    }
}
