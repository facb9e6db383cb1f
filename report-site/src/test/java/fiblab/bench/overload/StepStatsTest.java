package fiblab.bench.overload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One step's numbers from samples with known times. */
class StepStatsTest {

    private static final long MS = 1_000_000;

    @Test
    void of_shouldCountBacklogDrainAndPolls_forAsyncJobs() {
        // Given three jobs accepted at 0, 100 and 200 ms and stored at 1,000, 1,100 and 3,500 ms, in a 1 s step
        List<OverloadSample> samples = List.of(
                new OverloadSample(0, 1_200 * MS, null, 0, 1_000, 5_000, 2),
                new OverloadSample(100 * MS, 1_300 * MS, null, 100 * MS, 1_100, 5_000, 2),
                new OverloadSample(200 * MS, 3_600 * MS, null, 200 * MS, 3_500, 5_000, 4));

        OverloadStep step = StepStats.of("async", 3.0, 3, 1.0, samples);

        // Then all three were waiting at once, the queue emptied 2.5 s after the load, 1 + 8/3 requests per job
        assertThat(step.peakBacklog()).isEqualTo(3);
        assertThat(step.drainSeconds()).isCloseTo(2.5, within(1e-9));
        assertThat(step.apiRequestsPerJob()).isCloseTo(1 + 8.0 / 3, within(1e-9));
        assertThat(step.goodput()).isEqualTo(3);
        assertThat(step.p99Millis()).isCloseTo(3_600, within(5.0));
        // and it delivered 3 results in the 2.6 s from the first seen (1.2 s) to the last (3.8 s), not 3 per
        // second of the 1 s of load
        assertThat(step.goodputPerSecond()).isCloseTo(3 / 2.6, within(1e-9));
        // the backlog second by second, its most in each: all 3 from 0.2 s until the first was stored at 1.0 s,
        // 1 from 1.1 s until 3.5 s, then none; its peak is the step's
        assertThat(step.backlogBySecond()).containsExactly(3L, 3L, 1L, 1L, 0L);
        assertThat(java.util.Collections.max(step.backlogBySecond())).isEqualTo(step.peakBacklog());
    }

    @Test
    void of_shouldSayTheDrainIsALowerBound_whenAGivenUpJobWasNeverReadAsStored() {
        // Given a job answered in time, one given up on and read as stored at 4,000 ms, and one given up on whose
        // result was still not stored when the runner stopped reading
        OverloadSample answered = new OverloadSample(0, 900 * MS, null, 0, 800, 5_000, 1);
        OverloadSample givenUp = new OverloadSample(100 * MS, 2_000 * MS, ErrorKind.TIMEOUT, 100 * MS, -1, -1, 2);
        OverloadSample neverStored = new OverloadSample(200 * MS, 2_000 * MS, ErrorKind.TIMEOUT, 200 * MS, -1, -1, 2);

        OverloadStep step = StepStats.of("async", 3.0, 3, 1.0, List.of(answered, givenUp.storedAt(4_000), neverStored));

        // Then the drain reaches the stored one (3 s after the load) and says that one job went on past it
        assertThat(step.drainSeconds()).isCloseTo(3.0, within(1e-9));
        assertThat(step.unstoredJobs()).isEqualTo(1);
        assertThat(step.drainCutShort()).isTrue();
        // and once every given-up job is read as stored, the drain is whole
        OverloadStep whole = StepStats.of(
                "async", 3.0, 3, 1.0, List.of(answered, givenUp.storedAt(4_000), neverStored.storedAt(4_500)));
        assertThat(whole.drainCutShort()).isFalse();
        assertThat(whole.drainSeconds()).isCloseTo(3.5, within(1e-9));
        // and one that ended with no completion time (FAILED) is neither waiting past the read nor in the backlog
        OverloadStep failed = StepStats.of(
                "async",
                3.0,
                3,
                1.0,
                List.of(answered, givenUp.storedAt(4_000), neverStored.storedAt(OverloadSample.ENDED_WITHOUT_TIME)));
        assertThat(failed.drainCutShort()).isFalse();
        assertThat(failed.peakBacklog()).isEqualTo(2);
    }

    @Test
    void of_shouldCountErrorsByKind_andKeepThemOutOfTheLatencies() {
        // Given two right answers (10 ms, 30 ms) and two refusals that came back in 1 ms
        List<OverloadSample> samples = List.of(
                new OverloadSample(0, 10 * MS, null, -1, -1, 9_000, 0),
                new OverloadSample(500 * MS, 30 * MS, null, -1, -1, 9_000, 0),
                new OverloadSample(1_100 * MS, MS, ErrorKind.SERVER_ERROR_500, -1, -1, -1, 0),
                new OverloadSample(1_200 * MS, MS, ErrorKind.THROTTLED_429, -1, -1, -1, 0));

        OverloadStep step = StepStats.of("inline", 1.0, 2, 2.0, samples);

        assertThat(step.goodput()).isEqualTo(2);
        assertThat(step.goodputPerSecond()).isEqualTo(1.0);
        assertThat(step.refusedOrTimedOut()).isEqualTo(2);
        assertThat(step.p50Millis()).isCloseTo(10, within(0.1));
        // and the timeline has one point per second of intended send, the second with no answer
        assertThat(step.timeline()).hasSize(2);
        assertThat(step.timeline().get(0).answered()).isEqualTo(2);
        assertThat(step.timeline().get(0).p99Millis()).isCloseTo(30, within(0.1)); // HdrHistogram: 3 digits
        assertThat(step.timeline().get(1)).isEqualTo(new SecondPoint(1, 0, 0));
        assertThat(step.peakBacklog()).isZero();
    }

    @Test
    void anAnswerLaterThanPatience_shouldCountAsATimeout_whateverDelayedIt() {
        long second = 1_000_000_000L;
        // a right answer (async: a poll that saw DONE) 6 s after the intended send, with 5 s of patience
        assertThat(ErrorKind.within(null, 6 * second, 5 * second)).isEqualTo(ErrorKind.TIMEOUT);
        assertThat(ErrorKind.within(null, 4 * second, 5 * second)).isNull();
        // a failure stays what it was
        assertThat(ErrorKind.within(ErrorKind.SERVER_ERROR_500, 6 * second, 5 * second))
                .isEqualTo(ErrorKind.SERVER_ERROR_500);
    }
}
