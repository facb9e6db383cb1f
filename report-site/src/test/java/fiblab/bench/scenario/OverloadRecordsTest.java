package fiblab.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import fiblab.bench.overload.ErrorKind;
import fiblab.bench.overload.OverloadStep;
import fiblab.bench.overload.SecondPoint;
import fiblab.bench.overload.ValidationRow;
import fiblab.bench.result.OverloadFindings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The overload measurements as results.json records them: saturation, errors by kind, nothing undefined written as 0. */
class OverloadRecordsTest {

    private static OverloadStep async(double offered, long goodput, double drainSeconds) {
        return new OverloadStep(
                "async",
                3,
                offered,
                10,
                goodput,
                goodput,
                goodput / 10.0,
                Map.of(ErrorKind.UNAVAILABLE_503, 2L),
                900,
                2000,
                400,
                drainSeconds,
                0,
                4.5,
                List.of(new SecondPoint(0, 5, 800), new SecondPoint(1, 0, 0)),
                List.of(0L, 400L, 10L, 0L));
    }

    @Test
    void step_shouldFlagSaturation_whenTheBacklogTookLongToDrain() {
        // Given an async step that received 1,000 jobs in 10 s but took 10 s more to finish them
        OverloadFindings.Step slow = OverloadRecords.step(async(100, 1000, 10));
        // and one that finished within half a second of the load
        OverloadFindings.Step kept = OverloadRecords.step(async(100, 1000, 0.4));

        // Then only the first delivered less than 95 % of what was offered, and says so
        assertThat(slow.achievedShareOfOffered()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(slow.saturated()).isTrue();
        assertThat(kept.saturated()).isFalse();
        assertThat(slow.finishedSeconds()).isEqualTo(20);
    }

    @Test
    void step_shouldKeepErrorsByKind_andWriteNoLatencyForASecondWithoutAnswers() {
        OverloadFindings.Step step = OverloadRecords.step(async(100, 1000, 1));

        assertThat(step.errors().unavailable503()).isEqualTo(2);
        assertThat(step.errors().total()).isEqualTo(2);
        assertThat(step.timeline().get(0).p99Millis()).isEqualTo(800);
        assertThat(step.timeline().get(1).p99Millis()).isNull();
        assertThat(step.peakBacklog()).isEqualTo(400);
    }

    @Test
    void step_shouldGiveNoLatenciesOrBacklog_toAnInlineStepWithoutARightAnswer() {
        OverloadStep allTimedOut = new OverloadStep(
                "inline",
                3,
                300,
                2,
                600,
                0,
                0,
                Map.of(ErrorKind.TIMEOUT, 600L),
                0,
                0,
                0,
                0,
                0,
                1,
                List.of(),
                List.of());

        OverloadFindings.Step step = OverloadRecords.step(allTimedOut);

        assertThat(step.p50Millis()).isNull();
        assertThat(step.p99Millis()).isNull();
        assertThat(step.peakBacklog()).isNull();
        assertThat(step.drainSeconds()).isNull();
        assertThat(step.unstoredJobs()).isNull();
        assertThat(step.backlogBySecond()).isNull();
        assertThat(step.saturated()).isTrue();
        assertThat(step.errors().timeout()).isEqualTo(600);
    }

    @Test
    void validationRow_shouldWriteAnUndefinedErrorAsNull_andFlagRowsPastTheTolerance() {
        // measured goodput 0, predicted 5: the relative error is undefined
        ValidationRow undefined = new ValidationRow("inline", 3, 300, 100, 110, 200, 210, 0, 5);
        ValidationRow close = new ValidationRow("inline", 1, 100, 100, 110, 200, 210, 100, 100);
        ValidationRow far = new ValidationRow("async", 1, 100, 100, 130, 200, 210, 100, 100);

        assertThat(OverloadRecords.row(undefined).goodputError()).isNull();
        assertThat(OverloadRecords.row(undefined).withinTolerance()).isFalse();
        assertThat(OverloadRecords.row(close).withinTolerance()).isTrue();
        assertThat(OverloadRecords.row(far).p50Error()).isCloseTo(0.3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(OverloadRecords.row(far).withinTolerance()).isFalse();
    }

    @Test
    void validationRow_shouldCarryTheModelsQueue_forAnAsyncStepOnly_withAnUndefinedErrorAsNull() {
        // an async step: measured backlog 1,600 and drain 13.3 s, the model 1,700 and 16.1 s
        ValidationRow async = new ValidationRow(
                "async",
                2,
                240,
                3_400,
                2_000,
                5_000,
                4_900,
                27,
                16,
                new ValidationRow.Queue(1_600, 1_700, 13.3, 16.1, false));
        // one whose measured drain was 0 (the queue was empty when the load ended) and backlog 2, and an inline step
        ValidationRow noDrain = new ValidationRow(
                "async", 0.5, 40, 1_000, 1_000, 1_000, 1_000, 40, 40, new ValidationRow.Queue(2, 1, 0, 0.2, false));
        ValidationRow inline = new ValidationRow("inline", 1, 100, 100, 110, 200, 210, 100, 100);

        OverloadFindings.ValidationRow row = OverloadRecords.row(async);
        assertThat(row.predictedPeakBacklog()).isEqualTo(1_700L);
        assertThat(row.backlogError()).isCloseTo(0.0625, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(row.predictedDrainSeconds()).isEqualTo(16.1);
        assertThat(row.drainError()).isCloseTo(2.8 / 13.3, org.assertj.core.data.Offset.offset(1e-9));
        // the queue is evidence beside the goal, not part of it: the row is judged on p50, p99 and goodput
        assertThat(row.withinTolerance()).isFalse();
        assertThat(OverloadRecords.row(noDrain).drainError()).isNull();
        // nor where the measured backlog was a handful of jobs (2 against 1 would read -50 %)
        assertThat(OverloadRecords.row(noDrain).backlogError()).isNull();
        assertThat(OverloadRecords.row(noDrain).withinTolerance()).isTrue();
        assertThat(OverloadRecords.row(inline).predictedPeakBacklog()).isNull();
        assertThat(OverloadRecords.row(inline).drainError()).isNull();
    }

    @Test
    void aDrainCutShort_shouldBeWrittenAsSuch_andNotScoredAgainstTheModel() {
        // an async step whose runner stopped reading with 37 jobs still not stored: its 180 s drain is a lower bound
        OverloadStep cutShort = new OverloadStep(
                "async",
                3,
                100,
                10,
                1000,
                50,
                5,
                Map.of(ErrorKind.TIMEOUT, 950L),
                900,
                2000,
                950,
                180,
                37,
                2,
                List.of(),
                List.of(0L, 950L, 950L));
        ValidationRow row = new ValidationRow(
                "async", 3, 100, 900, 950, 2_000, 2_100, 5, 5, new ValidationRow.Queue(950, 900, 180, 150, true));

        assertThat(OverloadRecords.step(cutShort).unstoredJobs()).isEqualTo(37L);
        assertThat(OverloadRecords.step(cutShort).backlogBySecond()).containsExactly(0L, 950L, 950L);
        // a model draining in 150 s is not "17 % short" of a drain that went on past 180 s
        assertThat(OverloadRecords.row(row).drainError()).isNull();
        assertThat(OverloadRecords.row(row).backlogError())
                .isCloseTo(-50.0 / 950, org.assertj.core.data.Offset.offset(1e-9));
    }
}
