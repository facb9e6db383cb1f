package fiblab.bench.scenario;

import fiblab.bench.model.AwsQuotas;
import fiblab.bench.model.ProjectionRow;
import fiblab.bench.overload.ErrorKind;
import fiblab.bench.overload.ModelValidation;
import fiblab.bench.overload.OverloadReport;
import fiblab.bench.overload.OverloadStep;
import fiblab.bench.overload.PollingComparison;
import fiblab.bench.overload.PollingPolicy;
import fiblab.bench.overload.ValidationRow;
import fiblab.bench.result.OverloadFindings;
import java.util.List;

/**
 * The overload, validation, projection and polling measurements as results.json records them: the
 * measuring packages' own types turned into the typed results model, with what the page needs
 * derived once here (saturation, errors by kind, undefined latencies and errors as null).
 */
final class OverloadRecords {

    private OverloadRecords() {}

    static OverloadFindings.Overload overload(
            OverloadReport report,
            double stepSeconds,
            OverloadFindings.Validation validation,
            OverloadFindings.Projection projection) {
        return new OverloadFindings.Overload(
                report.n(),
                stepSeconds,
                report.patienceSeconds(),
                report.jobPatienceSeconds(),
                report.pollingPolicy(),
                report.inlineCapacity(),
                report.asyncCapacity(),
                report.steps().stream().map(OverloadRecords::step).toList(),
                validation,
                projection);
    }

    static OverloadFindings.Step step(OverloadStep step) {
        boolean async = step.path().equals("async");
        List<OverloadFindings.Second> timeline = step.timeline().stream()
                .map(s ->
                        new OverloadFindings.Second(s.second(), s.answered(), s.answered() > 0 ? s.p99Millis() : null))
                .toList();
        double finished = async
                ? step.durationSeconds() + Math.max(0, step.drainSeconds())
                : Math.max(
                        step.durationSeconds(),
                        step.timeline().stream()
                                .filter(s -> s.answered() > 0)
                                .mapToDouble(s -> s.second() + 1 + s.p99Millis() / 1000)
                                .max()
                                .orElse(0));
        double share =
                step.offeredPerSecond() <= 0 || finished <= 0 ? 0 : step.goodput() / finished / step.offeredPerSecond();
        return new OverloadFindings.Step(
                step.path(),
                step.multiple(),
                step.offeredPerSecond(),
                step.multiple() > 0 ? step.offeredPerSecond() / step.multiple() : null,
                step.durationSeconds(),
                share < OverloadFindings.SATURATED_BELOW,
                share,
                finished,
                step.sent(),
                step.goodput(),
                step.goodputPerSecond(),
                new OverloadFindings.Errors(
                        step.errorCount(ErrorKind.THROTTLED_429),
                        step.errorCount(ErrorKind.SERVER_ERROR_500),
                        step.errorCount(ErrorKind.UNAVAILABLE_503),
                        step.errorCount(ErrorKind.TIMEOUT),
                        step.errorCount(ErrorKind.WRONG_OR_FAILED),
                        step.errorCount(ErrorKind.OTHER)),
                step.goodput() > 0 ? step.p50Millis() : null,
                step.goodput() > 0 ? step.p99Millis() : null,
                async ? step.peakBacklog() : null,
                async ? step.drainSeconds() : null,
                async ? step.unstoredJobs() : null,
                step.apiRequestsPerJob(),
                timeline,
                async ? step.backlogBySecond() : null);
    }

    static OverloadFindings.Validation validation(ModelValidation.Report report, ModelValidation.Stack stack) {
        List<OverloadFindings.ValidationRow> rows =
                report.rows().stream().map(OverloadRecords::row).toList();
        double worst = report.worstError();
        return new OverloadFindings.Validation(
                OverloadFindings.VALIDATION_TOLERANCE,
                stack.cores(),
                stack.apiConcurrency(),
                stack.workerBatches(),
                stack.batchSize(),
                report.meanComputeMillis(),
                report.inlineWorkMillis(),
                report.overheadMillis(),
                report.asyncPerJobOverheadMillis(),
                finite(worst),
                rows,
                report.repeatability(),
                3L * rows.size(),
                report.figuresWithin(OverloadFindings.VALIDATION_TOLERANCE),
                report.figuresWithinBands(OverloadFindings.VALIDATION_TOLERANCE));
    }

    static OverloadFindings.ValidationRow row(ValidationRow r) {
        return new OverloadFindings.ValidationRow(
                r.path(),
                r.multiple(),
                r.offeredPerSecond(),
                r.worstError() <= OverloadFindings.VALIDATION_TOLERANCE,
                r.measuredP50Millis(),
                r.predictedP50Millis(),
                finite(r.p50Error()),
                r.measuredP99Millis(),
                r.predictedP99Millis(),
                finite(r.p99Error()),
                r.measuredGoodputPerSecond(),
                r.predictedGoodputPerSecond(),
                finite(r.goodputError()),
                r.queue() == null ? null : r.queue().predictedPeakBacklog(),
                r.queue() == null ? null : finite(r.queue().backlogError()),
                r.queue() == null ? null : r.queue().predictedDrainSeconds(),
                r.queue() == null ? null : finite(r.queue().drainError()));
    }

    static OverloadFindings.Quota quota(String key, AwsQuotas.Quota q) {
        return new OverloadFindings.Quota(
                key,
                q.value(),
                q.unit(),
                q.description(),
                q.documented(),
                q.source(),
                q.retrieved().toString(),
                q.note());
    }

    static OverloadFindings.ProjectionRow row(ProjectionRow r) {
        return new OverloadFindings.ProjectionRow(
                r.n(),
                r.path(),
                r.offeredPerSecond(),
                finite(r.p50Millis()),
                finite(r.p99Millis()),
                r.throttledShare(),
                r.goodputPerSecond(),
                r.peakBacklog(),
                r.drainSeconds(),
                r.costPerHourUsd(),
                r.binding().name(),
                r.binding().description());
    }

    static OverloadFindings.PollingRow polling(int n, PollingPolicy policy, PollingComparison.Result r) {
        return new OverloadFindings.PollingRow(
                n,
                r.policy(),
                policy instanceof PollingPolicy.HonourRetryAfter,
                r.jobs(),
                r.done(),
                r.done() > 0 ? r.p50Millis() : null,
                r.done() > 0 ? r.p99Millis() : null,
                r.requestsPerJob(),
                r.pollCostPerMillionJobsUsd());
    }

    /** JSON has no NaN or infinity: an undefined number is null. */
    static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
