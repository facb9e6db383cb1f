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
                4.5,
                List.of(new SecondPoint(0, 5, 800), new SecondPoint(1, 0, 0)));
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
                "inline", 3, 300, 2, 600, 0, 0, Map.of(ErrorKind.TIMEOUT, 600L), 0, 0, 0, 0, 1, List.of());

        OverloadFindings.Step step = OverloadRecords.step(allTimedOut);

        assertThat(step.p50Millis()).isNull();
        assertThat(step.p99Millis()).isNull();
        assertThat(step.peakBacklog()).isNull();
        assertThat(step.drainSeconds()).isNull();
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
}
