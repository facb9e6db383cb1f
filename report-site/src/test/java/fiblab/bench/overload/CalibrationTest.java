package fiblab.bench.overload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import fiblab.bench.model.Arrivals;
import fiblab.bench.model.LoadPoint;
import fiblab.bench.model.Outcome;
import fiblab.bench.model.PathPrediction;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The models the measured calibration builds reproduce what was measured, on cases with known answers. */
class CalibrationTest {

    /** 2 cores, inline 100 answers/s, async 40 jobs/s in 2 batches of 5, fib alone 5 ms, a lone request 30 ms. */
    private static Calibration measured(double patience, double jobPatience) {
        return new Calibration(
                2,
                1000,
                2,
                5,
                100,
                40,
                0.005,
                0.030,
                0.010,
                0.004,
                patience,
                jobPatience,
                1,
                256,
                List.of(),
                0,
                0,
                0,
                4,
                16,
                1,
                0,
                0);
    }

    @Test
    void inline_shouldTakeTheCpuOfTheMeasuredCapacity_andAnswerALoneRequestInTheMeasuredTime() {
        Calibration c = measured(30, 30);

        // 2 cores at 100 answers/s is 20 ms of CPU per request; a lone one took 30 ms, so 10 ms is overhead
        assertThat(c.inlineWorkSeconds()).isCloseTo(0.020, within(1e-12));
        assertThat(c.inlineOverheadSeconds()).isCloseTo(0.010, within(1e-12));

        // requests 100 ms apart never overlap: each takes what a lone one took
        PathPrediction light = c.inlineModel().predict(new LoadPoint(10, 10, Arrivals.UNIFORM, 1), c.inlineWork());
        assertThat(light.p50Millis()).isCloseTo(30, within(0.1));
        assertThat(light.p99Millis()).isCloseTo(30, within(0.1));
    }

    @Test
    void inline_shouldTakeTheCpuTheProbeMeasured_evenWhenALoneComputeTookLonger() {
        // Given the quiet run's numbers: 2 cores answered 700 requests/s in the probe (2.86 ms of CPU each),
        // while fib(30) measured alone took 3.45 ms of wall time (a lone request 4.98 ms)
        Calibration c = new Calibration(
                2, 1000, 2, 5, 700, 80, 0.00345, 0.00498, 0.009, 0.004, 2, 5, 1, 256, List.of(), 0, 0, 0, 4, 16, 1, 0,
                0);
        assertThat(c.inlineWorkSeconds()).isCloseTo(2 / 700.0, within(1e-12));

        // When 630 requests/s (0.9× the probe) are offered for 8 s
        PathPrediction p = c.inlineModel().predict(new LoadPoint(630, 8, Arrivals.UNIFORM, 1), c.inlineWork());

        // Then no queue builds: at most two requests overlap, each on a core, answered as a lone one is
        assertThat(p.p50Millis()).isCloseTo(4.98, within(0.1));
        assertThat(p.goodputPerSecond()).isCloseTo(630, within(1.0));
    }

    @Test
    void inline_shouldDeliverOnlyWhatFitsInPatience_whenOfferedTwiceItsCapacity() {
        // Given a patience of 1 s and 200 requests/s (2×) for 10 s, at most 256 in flight
        Calibration c = measured(1, 30);

        PathPrediction p = c.inlineModel().predict(new LoadPoint(200, 10, Arrivals.UNIFORM, 1), c.inlineWork());

        // Then at most the capacity (100/s) is delivered, and most of the rest times out
        assertThat(p.goodputPerSecond()).isLessThanOrEqualTo(100.5);
        assertThat(p.count(Outcome.CLIENT_TIMEOUT)).isGreaterThan(p.offered() / 3);
    }

    @Test
    void async_shouldDrainABurstAtTheMeasuredRate() {
        Calibration c = measured(30, 1000);

        // 2 batches / 40 jobs/s = 50 ms per job in a batch, 5 of which compute
        assertThat(c.asyncPerJobSeconds()).isCloseTo(0.045, within(1e-12));

        // 1,000 jobs submitted within 10 ms drain in 1,000 / 40 = 25 s
        PathPrediction p =
                c.asyncModel().predict(new LoadPoint(100_000, 0.010, Arrivals.UNIFORM, 1), c.workerCompute());
        assertThat(p.offered()).isEqualTo(1000);
        assertThat(p.drainSeconds()).isCloseTo(25, within(0.1));
    }

    @Test
    void async_shouldAnswerAtTheFirstPoll_whenTheQueueIsEmpty() {
        Calibration c = measured(30, 30);

        // a job every 2 s finds both batches free and is done 50 ms after its 202; the first poll sees it
        PathPrediction p = c.asyncModel().predict(new LoadPoint(0.5, 10, Arrivals.UNIFORM, 1), c.workerCompute());

        // submit 10 ms, then 1 s + the poll's 4 ms
        assertThat(p.p50Millis()).isCloseTo(1014, within(1.0));
        assertThat(p.apiRequestsPer()).isCloseTo(2, within(1e-9));
    }

    @Test
    void async_shouldSlowTheWorkersWholePace_byTheCpuTheSubmitsTake() {
        // Given 2 cores draining 40 jobs/s in 2 batches, submits of 7.5 ms of CPU each, and a drained job of
        // 12.5 ms of CPU: a quarter of a batch's pace, the rest round trips to the servers the submits share
        Calibration plain = measured(30, 1000);
        Calibration c = new Calibration(
                2, 1000, 2, 5, 100, 40, 0.005, 0.030, 0.010, 0.004, 30, 1000, 1, 256, List.of(), 0.0075, 0.0125, 0, 4,
                16, 1, 0, 0);
        assertThat(c.batchCores()).isCloseTo(1, within(1e-12));

        // When 40 jobs/s (1×) are offered for 10 s
        LoadPoint load = new LoadPoint(40, 10, Arrivals.UNIFORM, 1);
        PathPrediction p = c.asyncModel().predict(load, c.workerCompute());

        // Then the submits take 40 × 7.5 ms = 0.3 of the 2 cores: the worker drains 0.85 × 40 = 34/s while they
        // come, 60 jobs are left at 10 s and drain at 40/s in 1.5 s; without the CPU measured none are left
        assertThat(p.drainSeconds()).isCloseTo(1.5, within(0.25));
        assertThat(plain.asyncModel().predict(load, plain.workerCompute()).drainSeconds())
                .isLessThan(0.3);
    }

    @Test
    void async_shouldNotStarveTheWorker_whenTheSubmitsAloneWantMoreThanTheCores() {
        // Given a worker of 40 jobs/s in 2 batches of a core each, and 120 jobs/s offered for 5 s: 3 times
        // what it drains, and 120 × 20 ms = 2.4 cores of submits, more than the machine has
        Calibration c = new Calibration(
                2, 1000, 2, 5, 100, 40, 0.005, 0.030, 0.010, 0.020, 30, 1000, 1, 256, List.of(), 0.020, 0.0125, 0, 4,
                16, 1, 0, 0);

        PathPrediction p = c.asyncModel().predict(new LoadPoint(120, 5, Arrivals.UNIFORM, 1), c.workerCompute());

        // Then the client's 16 submit threads (2 cores each at full speed) and the 2 batches share the cores:
        // each gets 1/18 of its speed, the submits fall behind (16 × 100/18 = 89/s, the last accepted at
        // 6.8 s) and the worker still drains 40/18 = 2.2 jobs/s while they come: about 20 jobs, not none.
        // The other 580 drain at 40/s after: the last about 14.5 s after the submits, 16 s after the load.
        assertThat(p.peakBacklog()).isBetween(570L, 590L);
        assertThat(p.drainSeconds()).isCloseTo(16, within(0.75));
        assertThat(p.count(Outcome.OK)).isEqualTo(600);
    }

    @Test
    void calibration_shouldRefuseAMissingCapacity_withTheNumbersItGot() {
        assertThatThrownBy(() -> new Calibration(
                        2, 1000, 2, 5, 0, 40, 0.005, 0.03, 0.01, 0.004, 30, 30, 1, 256, List.of(), 0, 0, 0, 4, 16, 1, 0,
                        0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inline 0.0/s");
    }

    @Test
    void beyondMedian_shouldKeepOnlyTheTail_ofLoneLatencies() {
        // lone requests of 10, 11, 12, 13 and 500 ms: the median is 12 ms, the tail 1 and 488 ms
        List<Double> extra = Calibration.beyondMedian(List.of(0.011, 0.010, 0.500, 0.012, 0.013));
        assertThat(extra).hasSize(5);
        assertThat(extra.stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(0.489, within(1e-9));
        assertThat(extra).filteredOn(e -> e == 0).hasSize(3);
    }

    @Test
    void validation_shouldPredictEachStep_fromTheCapacityProbedJustBeforeIt() {
        // Given two measured inline steps at the same 150/s, the first after a probe that found 300/s, the
        // second after one that found 100/s (the machine's other load came back in between)
        OverloadStep step = new OverloadStep(
                "inline", 1, 150, 4, 600, 600, 150, java.util.Map.of(), 30, 30, 0, 0, 0, 1, List.of(), List.of());
        OverloadReport measured = new OverloadReport(30, 300, 40, 1, 30, "retry-after", "test", List.of(step, step));
        Calibration base = measured(1, 30);

        ModelValidation.Report report = ModelValidation.predict(
                measured,
                base,
                List.of(base.withCapacities(300, 40), base.withCapacities(100, 40)),
                java.util.Map.of());

        // Then the first is predicted at half its capacity (a lone request's 30 ms), the second past it
        // (only about 100/s within the 1 s patience)
        assertThat(report.rows().get(0).predictedP50Millis()).isCloseTo(30, within(1.0));
        // (600 answers, the first and the last 30 ms after their sends: 4 s apart, as the load)
        assertThat(report.rows().get(0).predictedGoodputPerSecond()).isCloseTo(150, within(0.5));
        assertThat(report.rows().get(1).predictedGoodputPerSecond()).isLessThan(110);
        assertThat(report.stepCalibrations())
                .extracting(Calibration::inlineCapacity)
                .containsExactly(300.0, 100.0);
    }

    @Test
    void validation_shouldShowTheModelOverTheCapacitysRepeatability_whichDecidesTheStepAtOneTimesCapacity() {
        // Given an inline step at exactly its probed 100/s that queued (p50 400 ms): its capacity was a few
        // per cent below the probe, as consecutive probes in the run differed by 10 %
        OverloadStep step = new OverloadStep(
                "inline", 1, 100, 8, 800, 800, 100, java.util.Map.of(), 400, 700, 0, 0, 0, 1, List.of(), List.of());
        OverloadReport measured = new OverloadReport(30, 100, 40, 30, 30, "retry-after", "test", List.of(step));
        Calibration c = measured(30, 30).withCapacities(100, 40);

        ModelValidation.Report report =
                ModelValidation.predict(measured, c, List.of(c), java.util.Map.of("inline", 0.10));

        // Then the model at the probed capacity does not queue (a lone request's 30 ms): far from 400 ms
        assertThat(report.rows().get(0).predictedP50Millis()).isCloseTo(30, within(2.0));
        assertThat(report.figuresWithin(0.25)).isEqualTo(1); // goodput only
        // but 10 % less capacity makes a queue that reaches it: the band spans both
        ModelValidation.Band band = report.bands().get(0);
        assertThat(band.spread()).isEqualTo(0.10);
        assertThat(band.p50().low()).isCloseTo(30, within(2.0));
        assertThat(band.p50().high()).isGreaterThan(300);
        assertThat(band.p50().reaches(400, 0.25)).isTrue();
        assertThat(report.figuresWithinBands(0.25)).isGreaterThan(report.figuresWithin(0.25));
    }

    @Test
    void repeatability_shouldBeTheMedianDifferenceOfNeighbouringProbes_asAShareOfTheirMean() {
        // the inline probes of the validation run of 2026-12-01 23:29 UTC
        assertThat(ModelValidation.repeatability(List.of(473.7, 679.7, 627.5, 626.1)))
                .isCloseTo(52.2 / 653.6, within(1e-3));
        assertThat(ModelValidation.repeatability(List.of(500.0))).isZero();
        assertThat(ModelValidation.repeatability(List.of())).isZero();
    }

    @Test
    void range_shouldReachAMeasurement_thatSomePredictionInItIsWithinTheToleranceOf() {
        ModelValidation.Range range = new ModelValidation.Range(4, 400);

        assertThat(range.reaches(500, 0.25)).isTrue(); // 400 is 20 % below 500
        assertThat(range.reaches(600, 0.25)).isFalse(); // 400 is 33 % below 600
        assertThat(range.reaches(3.5, 0.25)).isTrue(); // 4 is 14 % above 3.5
        assertThat(range.reaches(3, 0.25)).isFalse(); // 4 is 33 % above 3
    }

    @Test
    void inline_shouldTakeThePausesOutOfTheProbedCapacity_andTellTheModelThePauses() {
        // Given a probe of 100 answers/s on 2 cores, during which the JVM paused 100 ms every 50 answers
        Calibration c = new Calibration(
                2, 1000, 2, 5, 100, 40, 0.005, 0.030, 0.010, 0.004, 30, 30, 1, 256, List.of(), 0, 0, 0, 4, 16, 0.9, 50,
                0.100);

        // Then 50 requests took 0.5 s of the probe: 0.1 s paused, so each took 2 cores × 0.4 s / 50 = 16 ms of
        // CPU, not the 20 ms that 2 cores / 100 per second would say
        assertThat(c.inlineWorkSeconds()).isCloseTo(0.016, within(1e-12));
        assertThat(c.pauses()).isEqualTo(new fiblab.bench.model.InlineModel.Pauses(50, 0.100));
        // and without pauses measured, the model gets none
        assertThat(measured(30, 30).pauses()).isNull();
        assertThat(measured(30, 30).inlineWorkSeconds()).isCloseTo(0.020, within(1e-12));
    }
}
