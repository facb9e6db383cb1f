package fiblab.bench.overload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The CPU of a submit told from that of a drained job, from the quiet run's burst. */
class CpuSplitTest {

    @Test
    void split_shouldChargeTheDrainToTheJobsDoneAfterTheBurst_andTheRestOfTheBurstToItsSubmits() {
        // Given the quiet run: 200 submits took 0.740 s of the stack's CPU while 34 of their jobs were done, and
        // the drain of the other 166 took 0.868 s
        CpuSplit split = CpuSplit.of(0.740, 0.868, 200, 200, 34, 166);

        // Then a drained job costs 0.868 / 166 = 5.23 ms, and a submit (0.740 − 34 × 5.23 ms) / 200 = 2.81 ms
        assertThat(split.workerCpuSeconds()).isCloseTo(0.005229, within(1e-6));
        assertThat(split.submitCpuSeconds()).isCloseTo(0.002811, within(1e-6));
    }

    @Test
    void split_shouldSayNotMeasured_whenEveryJobWasDoneBeforeTheBurstEnded() {
        // nothing drained after the last 202: no CPU per drained job to divide by, so neither is known
        CpuSplit split = CpuSplit.of(0.5, 0.01, 100, 100, 100, 0);

        assertThat(split.workerCpuSeconds()).isZero();
        assertThat(split.submitCpuSeconds()).isZero();
    }

    @Test
    void split_shouldNotGoBelowZero_whenTheDrainedJobsExplainTheWholeBurst() {
        // the machine's other load can make the drain look dearer than the burst: a submit is then free, not negative
        CpuSplit split = CpuSplit.of(0.100, 1.0, 100, 100, 50, 50);

        assertThat(split.workerCpuSeconds()).isCloseTo(0.020, within(1e-12));
        assertThat(split.submitCpuSeconds()).isZero();
    }

    @Test
    void split_shouldShareTheBurstsCpu_amongEverySubmitAnswered_refusedOnesToo() {
        // 200 answered, only 100 of them 202s (the rest 503): the burst's 0.4 s is 2 ms per answered submit
        CpuSplit split = CpuSplit.of(0.400, 0.500, 200, 100, 0, 100);

        assertThat(split.submitCpuSeconds()).isCloseTo(0.002, within(1e-12));
        assertThat(split.workerCpuSeconds()).isCloseTo(0.005, within(1e-12));
        assertThat(split.submitted()).isEqualTo(100);
    }

    @Test
    void split_shouldSayNotMeasured_whenNoSubmitWasAnswered() {
        CpuSplit split = CpuSplit.of(0.2, 0.1, 0, 0, 0, 0);

        assertThat(split.workerCpuSeconds()).isZero();
        assertThat(split.submitCpuSeconds()).isZero();
    }
}
