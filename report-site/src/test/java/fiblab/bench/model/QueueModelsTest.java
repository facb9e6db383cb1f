package fiblab.bench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The closed forms on textbook numbers, and the simulations against the closed forms. */
class QueueModelsTest {

    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void erlangC_shouldGiveTheTextbookWaitingProbability() {
        // Given M/M/2 with λ = 1/s and μ = 1/s (a = 1 Erlang): C = 1/3, mean wait = 1/3 s
        assertThat(QueueingFormulas.erlangC(2, 1.0)).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(QueueingFormulas.mmcMeanWait(1.0, 1.0, 2)).isCloseTo(1.0 / 3, within(1e-12));
        // and M/M/1 reduces to ρ: C(1, 0.8) = 0.8, Wq = ρ / (μ − λ) = 4 s
        assertThat(QueueingFormulas.erlangC(1, 0.8)).isCloseTo(0.8, within(1e-12));
        assertThat(QueueingFormulas.mmcMeanWait(0.8, 1.0, 1)).isCloseTo(4.0, within(1e-9));
    }

    @Test
    void erlangB_shouldGiveTheTextbookBlockingProbability() {
        // B(1, a) = a / (1 + a); B(2, 1) = 1/5
        assertThat(QueueingFormulas.erlangB(1, 1.0)).isCloseTo(0.5, within(1e-12));
        assertThat(QueueingFormulas.erlangB(2, 1.0)).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void pollaczekKhinchine_shouldGiveHalfTheExponentialWait_forConstantService() {
        // M/D/1 at ρ = 0.5, d = 1 s: Wq = 0.5 s; M/M/1 with the same mean waits twice as long
        assertThat(QueueingFormulas.md1MeanWait(0.5, 1.0)).isCloseTo(0.5, within(1e-12));
        assertThat(QueueingFormulas.mg1MeanWait(0.5, 1.0, 2.0)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void inlineModel_shouldRefuseLikeErlangB_whenEveryEnvironmentIsBusy() {
        // Given c = 10 environments, no throttle, no deadline, exponential service of 1 s, offered 8 Erlangs
        InlineModel model = new InlineModel(
                new InlineModel.Config(INF, INF, 10, INF, INF, 10, INF, 0, 0, INF, INF, INF, Integer.MAX_VALUE));

        // When 8 requests/s arrive for 20,000 s (Poisson)
        PathPrediction p = model.predict(new LoadPoint(8, 20_000, Arrivals.POISSON, 42), ServiceTime.exponential(1));

        // Then the share refused for concurrency is Erlang B(10, 8) ≈ 0.1217, within sampling error
        double refused = (double) p.count(Outcome.LAMBDA_CONCURRENCY) / p.offered();
        assertThat(refused).isCloseTo(QueueingFormulas.erlangB(10, 8), within(0.006));
        assertThat(p.binding()).isEqualTo(Limit.LAMBDA_CONCURRENCY);
    }

    @Test
    void inlineModel_shouldAnswerExactlyC_ofSimultaneousRequests_andRefuseTheRest() {
        // Given 4 environments and requests that each take 5 s, sent 1 ms apart (faster than any finishes)
        InlineModel model = new InlineModel(
                new InlineModel.Config(INF, INF, 4, INF, INF, 0, INF, 0, 0, INF, INF, INF, Integer.MAX_VALUE));

        PathPrediction p = model.predict(new LoadPoint(1000, 0.010, Arrivals.UNIFORM, 1), ServiceTime.constant(5));

        // Then of the 10 sent in those 10 ms, 4 are answered and the other 6 are refused at once
        assertThat(p.offered()).isEqualTo(10);
        assertThat(p.count(Outcome.OK)).isEqualTo(4);
        assertThat(p.count(Outcome.LAMBDA_CONCURRENCY)).isEqualTo(6);
        assertThat(p.p50Millis()).isCloseTo(5000, within(5.0));
    }

    @Test
    void tokenBucket_shouldLetExactlyTheBurstThrough_ofSimultaneousRequests() {
        // Given rate 10/s and burst 25, when 100 requests come at the same instant
        TokenBucket bucket = new TokenBucket(10, 25);
        int passed = 0;
        for (int i = 0; i < 100; i++) {
            passed += bucket.tryTake(1.0) ? 1 : 0;
        }
        // Then exactly 25 pass, and one more second refills 10
        assertThat(passed).isEqualTo(25);
        int later = 0;
        for (int i = 0; i < 100; i++) {
            later += bucket.tryTake(2.0) ? 1 : 0;
        }
        assertThat(later).isEqualTo(10);
    }

    @Test
    void inlineModel_shouldThrottleAtTheGateway_aboveTheBurst() {
        // Given an API throttle of rate 1/s, burst 50, and 200 requests in 0.2 s (plenty of environments)
        InlineModel model = new InlineModel(
                new InlineModel.Config(1, 50, 1000, INF, INF, 1000, INF, 0, 0, INF, INF, INF, Integer.MAX_VALUE));

        PathPrediction p = model.predict(new LoadPoint(1000, 0.2, Arrivals.UNIFORM, 1), ServiceTime.constant(0.001));

        // Then 50 pass (plus the ≤ 1 token refilled in 0.2 s) and the rest see 429
        assertThat(p.count(Outcome.OK)).isBetween(50L, 51L);
        assertThat(p.count(Outcome.API_THROTTLED)).isEqualTo(p.offered() - p.count(Outcome.OK));
        assertThat(p.binding()).isEqualTo(Limit.API_THROTTLE);
    }

    @Test
    void inlineModel_shouldMatchMD1_whenOneCoreIsShared_byAClientThatSendsOneAtATime() {
        // A client with one request in flight in front of one server is a FIFO queue: M/D/1.
        InlineModel model =
                new InlineModel(new InlineModel.Config(INF, INF, 1000, INF, INF, 1000, 1, 0, 0, INF, INF, INF, 1));
        double lambda = 5;
        double d = 0.1;

        PathPrediction p = model.predict(new LoadPoint(lambda, 20_000, Arrivals.POISSON, 7), ServiceTime.constant(d));

        // Then the simulated mean wait matches P-K (ρ = 0.5: 0.05 s)
        double meanWait = p.meanMillis() / 1000 - d;
        assertThat(meanWait).isCloseTo(QueueingFormulas.md1MeanWait(lambda, d), within(0.004));
        assertThat(p.count(Outcome.OK)).isEqualTo(p.offered());
    }

    @Test
    void inlineModel_shouldStretchEveryRequest_whenMoreRunThanThereAreCores() {
        // Given 2 cores shared (processor sharing) and 4 requests of 1 s arriving together
        InlineModel model = new InlineModel(
                new InlineModel.Config(INF, INF, 1000, INF, INF, 1000, 2, 0, 0, INF, INF, INF, Integer.MAX_VALUE));

        PathPrediction p = model.predict(new LoadPoint(1e6, 4e-6, Arrivals.UNIFORM, 1), ServiceTime.constant(1));

        // Then all four finish together after 2 s (4 s of work on 2 cores)
        assertThat(p.offered()).isEqualTo(4);
        assertThat(p.p50Millis()).isCloseTo(2000, within(3.0));
        assertThat(p.p99Millis()).isCloseTo(2000, within(3.0));
    }

    @Test
    void inlineModel_shouldHoldEveryRequestStill_duringAPause_andLetTheArrivalsQueue() {
        // Given one core, requests of 10 ms at 50/s (half the core), and a 100 ms pause after every 100 answers
        InlineModel.Config config =
                new InlineModel.Config(INF, INF, 1000, INF, INF, 1000, 1, 0, 0, INF, INF, INF, Integer.MAX_VALUE);
        LoadPoint load = new LoadPoint(50, 10, Arrivals.UNIFORM, 1);
        PathPrediction plain = new InlineModel(config).predict(load, ServiceTime.constant(0.010));
        PathPrediction paused =
                new InlineModel(config, new InlineModel.Pauses(100, 0.100)).predict(load, ServiceTime.constant(0.010));

        // Then all 500 are still answered, most in their 10 ms, but each of the 4 pauses catches one request
        // and holds the 5 that arrive during it: 24 of 500 wait up to the pause and more, so the p99 (the
        // 5th longest) is past the pause, where without pauses every request takes 10 ms
        assertThat(paused.count(Outcome.OK)).isEqualTo(500);
        assertThat(plain.p99Millis()).isCloseTo(10, within(0.5));
        assertThat(paused.p50Millis()).isCloseTo(10, within(0.5));
        assertThat(paused.p99Millis()).isBetween(100.0, 170.0);
    }

    @Test
    void inlineModel_shouldAnswer504_whenTheComputeDeadlinePasses_andCountClientTimeouts() {
        InlineModel deadline = new InlineModel(
                new InlineModel.Config(INF, INF, 10, INF, INF, 10, INF, 0, 0, 28, 30, INF, Integer.MAX_VALUE));
        assertThat(deadline.predict(new LoadPoint(1, 1, Arrivals.UNIFORM, 1), ServiceTime.constant(40))
                        .count(Outcome.COMPUTE_TIMEOUT))
                .isEqualTo(1);
        InlineModel impatient = new InlineModel(
                new InlineModel.Config(INF, INF, 10, INF, INF, 10, INF, 0, 0, 28, 30, 2, Integer.MAX_VALUE));
        PathPrediction p = impatient.predict(new LoadPoint(1, 1, Arrivals.UNIFORM, 1), ServiceTime.constant(5));
        assertThat(p.count(Outcome.CLIENT_TIMEOUT)).isEqualTo(1);
        assertThat(p.goodputPerSecond()).isZero();
    }

    @Test
    void asyncModel_shouldPeakAtTheBurst_andDrainInBOverMu() {
        // Given one worker that computes one job in 10 ms (μ = 100/s), no polling delay worth counting
        AsyncModel model = new AsyncModel(new AsyncModel.Config(INF, INF, 0, 1, 0, 1, 1, 0, 0, INF, 1e-6, 0, INF));
        int burst = 1_000;

        // When B = 1,000 jobs are submitted within 1 ms
        PathPrediction p =
                model.predict(new LoadPoint(burst / 0.001, 0.001, Arrivals.UNIFORM, 1), ServiceTime.constant(0.010));

        // Then the backlog peaks at B (less the one the worker took at once) and drains in B / μ = 10 s
        assertThat(p.offered()).isEqualTo(burst);
        assertThat(p.peakBacklog()).isBetween((long) burst - 2, (long) burst);
        assertThat(p.drainSeconds()).isCloseTo(burst / 100.0, within(0.01));
        assertThat(p.count(Outcome.OK)).isEqualTo(burst);
        assertThat(p.binding()).isEqualTo(Limit.WORKER_CONCURRENCY);
    }

    @Test
    void asyncModel_shouldDrainAtTheRateTheSubmitsLeave_whenTheyShareTheWorkersCpu() {
        // Given one core, one batch of 1 job of 10 ms (bare drain 100/s), and submits of 4 ms that take 2.5 ms CPU
        AsyncModel.Config config = new AsyncModel.Config(INF, INF, 0.004, 1, 0, 1, 1, 0, 0, INF, 1e-6, 0, INF);
        AsyncModel shared = new AsyncModel(config, new AsyncModel.CpuSharing(1, 0.0025, 0, 1, 4, 16));
        LoadPoint load = new LoadPoint(200, 10, Arrivals.UNIFORM, 1);

        // When 2,000 jobs arrive at 200/s, so that the submits take f = 200 × 2.5 ms = half the core
        PathPrediction bare = new AsyncModel(config).predict(load, ServiceTime.constant(0.010));
        PathPrediction p = shared.predict(load, ServiceTime.constant(0.010));

        // Then the worker drains (1 − f) × 100 = 50/s while they come (500 jobs in 10 s, 1,500 left) and 100/s
        // after: the backlog outlives the load by 15 s; without sharing 1,000 are left, drained in 10 s
        assertThat(bare.drainSeconds()).isCloseTo(10, within(0.05));
        assertThat(p.drainSeconds()).isCloseTo(15, within(0.05));
        assertThat(p.peakBacklog()).isBetween(1_495L, 1_505L);
        assertThat(p.count(Outcome.OK)).isEqualTo(2_000);
    }

    @ParameterizedTest(name = "{0} submit thread(s)")
    @CsvSource({"1, 0, 3, 2500", "16, 460, 480, 5000"})
    void asyncModel_shouldSlowSubmitsAndWorkerAlike_givingTheWorkerOneShareBesideTheClientsSubmitThreads(
            int submitThreads, long fewestWaiting, long mostWaiting, double p50Millis) {
        // Given one core, a 100/s worker, and submits of 10 ms that each take the whole core for their 10 ms
        AsyncModel model = new AsyncModel(
                new AsyncModel.Config(INF, INF, 0.010, 1, 0, 1, 1, 0, 0, INF, 1e-6, 0, INF),
                new AsyncModel.CpuSharing(1, 0.010, 0, 1, 4, submitThreads));

        // When 500 jobs arrive at 100/s: the submits alone would want the whole core
        PathPrediction p = model.predict(new LoadPoint(100, 5, Arrivals.UNIFORM, 1), ServiceTime.constant(0.010));

        // Then with k submits in flight each of them and the batch get 1/(k + 1) of the core: one thread
        // sends 50/s and the worker drains them as they come (nothing waits, a job is done i/100 s after it
        // was meant to be sent: p50 2.5 s); sixteen send 100 × 16/17 = 94/s and leave the worker 1/17 of
        // the core, 5.9 jobs/s, so about 470 wait when the last is accepted at 5.3 s and drain at 100/s
        // (the median job is done 5 s after it was meant). Either way the last ends at about 10 s: the one
        // core does 5 s of submits and 5 s of jobs.
        assertThat(p.count(Outcome.OK)).isEqualTo(500);
        assertThat(p.peakBacklog()).isBetween(fewestWaiting, mostWaiting);
        assertThat(p.drainSeconds()).isCloseTo(5, within(0.1));
        assertThat(p.p50Millis()).isCloseTo(p50Millis, within(60.0));
    }

    @Test
    void asyncModel_shouldGiveUpOnJobsWhoseSubmitWaitedPastThePatience_andKeepItsClockGoingForward() {
        // Given one core, a client with one submit thread (10 ms a submit alone, all of it CPU), polls a
        // second after each answer (2 ms, no CPU), jobs of 0.1 ms, and 3 s of patience
        AsyncModel model = new AsyncModel(
                new AsyncModel.Config(INF, INF, 0.010, 1, 0, 1, 1, 0, 0, INF, 1, 0.002, 3),
                new AsyncModel.CpuSharing(1, 0.010, 0, 1, 4, 1));

        // When 150 jobs/s are offered for 10 s: the one thread sends at most 100/s, so by t it is 0.5 t behind
        PathPrediction p = model.predict(new LoadPoint(150, 10, Arrivals.UNIFORM, 1), ServiceTime.constant(0.0001));

        // Then a job meant at t is seen at its first poll, 0.5 t + 1 s after: in time up to t = 4 s (600 jobs).
        // Those meant after 6 s are accepted past their patience, given up and never polled for; every one
        // of the 1,500 ends one way or the other
        assertThat(p.count(Outcome.OK) + p.count(Outcome.CLIENT_TIMEOUT)).isEqualTo(1_500);
        assertThat(p.count(Outcome.OK)).isBetween(560L, 640L);
    }

    @ParameterizedTest(name = "{0} poll thread(s)")
    @CsvSource({"1, 18.5, 20.5", "4, 44, 50.5"})
    void asyncModel_shouldSlowTheWorker_byWhatTheClientsPollThreadsTake_butNeverStarveIt(
            int pollThreads, double fastest, double slowest) {
        // Given one core, a worker of 10 ms jobs (100/s alone), and a client whose polls each take 10 ms of CPU
        // (10 ms alone), one second after each answer, with at most pollThreads polls in flight
        AsyncModel model = new AsyncModel(
                new AsyncModel.Config(INF, INF, 0, 1, 0, 1, 1, 0, 0, INF, 1, 0.010, INF),
                new AsyncModel.CpuSharing(1, 0, 0.010, 1, pollThreads, 16));

        // When 1,000 jobs arrive within 10 ms: 1,000 clients want 1,000 × 10 ms / 1.01 s ≈ 10 cores of polls
        PathPrediction p =
                model.predict(new LoadPoint(100_000, 0.010, Arrivals.UNIFORM, 1), ServiceTime.constant(0.010));

        // Then the polls are a closed loop of pollThreads, slowed with the worker: the worker and each thread
        // get an equal share, 100 / (1 + pollThreads) jobs/s, until fewer clients are left than keep the
        // threads busy: about 1,000 / 50 = 20 s with one thread, 1,000 / 20 = 50 s with four, less the tail
        assertThat(p.count(Outcome.OK)).isEqualTo(1_000);
        assertThat(p.drainSeconds()).isBetween(fastest, slowest);
    }

    @Test
    void asyncModel_shouldGiveTheWorkerTheCoreBack_whenThePollingClientsRunOutOfPatience() {
        // Given the one-thread client above, whose polls halve the worker's pace, but with 2 s of patience
        AsyncModel model = new AsyncModel(
                new AsyncModel.Config(INF, INF, 0, 1, 0, 1, 1, 0, 0, INF, 1, 0.010, 2),
                new AsyncModel.CpuSharing(1, 0, 0.010, 1, 1, 16));

        // When 1,000 jobs arrive within 10 ms
        PathPrediction p =
                model.predict(new LoadPoint(100_000, 0.010, Arrivals.UNIFORM, 1), ServiceTime.constant(0.010));

        // Then no client sees its result in time (with 1,000 of them one thread polls each every 20 s), and once
        // they stop polling at 2 s the worker runs alone: about 100 jobs at 50/s, then 900 at 100/s, 11 s in
        // all, where patient clients keep it at half pace for about 20 s
        assertThat(p.count(Outcome.CLIENT_TIMEOUT)).isEqualTo(1_000);
        assertThat(p.drainSeconds()).isBetween(10.5, 11.5);
    }

    @Test
    void asyncModel_shouldRampUpItsPollers_byTheScaleUpRate() {
        // Given Lambda's event source: 5 batches at first, +300 per minute, at most 1,000; batches of 1 job of 1 s
        AsyncModel model = new AsyncModel(new AsyncModel.Config(INF, INF, 0, 5, 300, 1000, 1, 0, 0, INF, 1, 0, INF));

        // When 20,000 jobs arrive within a second
        PathPrediction p = model.predict(new LoadPoint(20_000, 1, Arrivals.UNIFORM, 1), ServiceTime.constant(1));

        // Then it does not drain at 1,000/s from the start: with concurrency 5 + 5t, 20,000 jobs take about
        // t where 5t + 2.5t² = 20,000, t ≈ 88 s; the scale-up rate is what binds
        assertThat(p.drainSeconds()).isBetween(80.0, 95.0);
        assertThat(p.binding()).isEqualTo(Limit.POLLER_SCALE_UP);
        assertThat(p.count(Outcome.OK)).isEqualTo(20_000);
    }

    @Test
    void asyncModel_shouldCountPolls_asTheIntervalDictates_andWaitTheIntervalAfterEachAnswer() {
        // Given jobs that finish 2.5 s after their 202 and a client polling a second after each answer
        for (double pollLatency : new double[] {0, 0.1}) {
            AsyncModel model =
                    new AsyncModel(new AsyncModel.Config(INF, INF, 0, 10, 0, 10, 1, 0, 0, INF, 1, pollLatency, INF));

            PathPrediction p = model.predict(new LoadPoint(1, 5, Arrivals.UNIFORM, 1), ServiceTime.constant(2.5));

            // Then each is seen at the third poll: 1 submit + 3 polls per job, 3 s after submit when polls
            // answer at once, 3.3 s when each takes 0.1 s (answers at 1.1, 2.2 and 3.3 s)
            assertThat(p.p50Millis()).isCloseTo(3000 + 3000 * pollLatency, within(3.0));
            assertThat(p.apiRequestsPer()).isCloseTo(4.0, within(1e-9));
        }
    }

    @Test
    void inlineModel_shouldCountPatienceFromTheIntendedSend_whenTheClientsOwnQueueDelaysASend() {
        // Given a client with one request in flight, a patience of 1.5 s and requests of 1 s each
        InlineModel model =
                new InlineModel(new InlineModel.Config(INF, INF, 10, INF, INF, 10, INF, 0, 0, INF, INF, 1.5, 1));

        // When two requests are meant to go out at 0 and 0.1 s
        PathPrediction p = model.predict(new LoadPoint(10, 0.2, Arrivals.UNIFORM, 1), ServiceTime.constant(1));

        // Then the second, sent at 1 s when the first came back, is answered at 2 s: 1.9 s after the user
        // wanted it, past the 1.5 s patience, as the benchmark's client counts it (from the intended send)
        assertThat(p.offered()).isEqualTo(2);
        assertThat(p.count(Outcome.OK)).isEqualTo(1);
        assertThat(p.count(Outcome.CLIENT_TIMEOUT)).isEqualTo(1);
    }

    @Test
    void inlineModel_shouldAddTheMeasuredExtraLatency_withoutTakingCpuOrAnEnvironment() {
        // Given one core, requests of 10 ms, 100 ms apart, and an extra latency that is 0 for 9 answers in 10
        // and 500 ms for the tenth (as a lone request's measured latency beyond its work might be)
        InlineModel model = new InlineModel(
                new InlineModel.Config(INF, INF, 1, INF, INF, 1, 1, 0.002, 0, INF, INF, INF, Integer.MAX_VALUE));
        ServiceTime extra = ServiceTime.empirical(List.of(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.5));

        PathPrediction p =
                model.predict(new LoadPoint(10, 1000, Arrivals.UNIFORM, 3), ServiceTime.constant(0.010), extra);

        // Then the median is work + fixed overhead, the p99 carries the extra 500 ms, and since the extra
        // holds neither the core nor the single environment, no request is refused
        assertThat(p.p50Millis()).isCloseTo(12, within(0.1));
        assertThat(p.p99Millis()).isCloseTo(512, within(1.0));
        assertThat(p.count(Outcome.OK)).isEqualTo(p.offered());
    }
}
