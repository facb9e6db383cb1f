package fiblab.bench.model;

import fiblab.bench.cost.CostInputs;
import fiblab.bench.cost.CostModel;
import fiblab.bench.cost.PathCost;
import fiblab.bench.cost.PriceList;
import java.util.ArrayList;
import java.util.List;

/**
 * The AWS-scale projection, labelled as a model: for each n and offered load, both paths'
 * p50/p99, throttled share, goodput, backlog and cost per hour, with the limit that binds.
 * Service times per n are inputs (the compute-time distributions a run measured); quotas and
 * latencies come from the dated quota file, prices from the dated price file. Each point simulates
 * {@code seconds} of load (fewer when the load is so high that it would pass the simulation's bound).
 */
public record Projection(AwsQuotas quotas, PriceList prices, AwsProfile profile) {

    /** Lambda memory of both functions in fiblab's template (one full vCPU). */
    static final int MEMORY_MB = 1769;

    public List<ProjectionRow> project(
            int n, ServiceTime service, double meanServiceSeconds, List<Double> rates, double seconds) {
        InlineModel inline = profile.inline(quotas);
        AsyncModel async = profile.async(quotas);
        List<ProjectionRow> rows = new ArrayList<>();
        long seed = 1;
        for (double rate : rates) {
            double duration = Math.min(seconds, LoadPoint.MAX_ARRIVALS / rate);
            LoadPoint load = new LoadPoint(rate, duration, Arrivals.POISSON, seed++);
            PathPrediction i = inline.predict(load, service);
            PathPrediction a = asyncWithPollsThrottled(async, load, service);
            // billed per job the API let in: each one's polls, not the polls spread over refused submits too
            List<PathCost> perMillion =
                    CostModel.estimate(costInputs(n, meanServiceSeconds, a.pollsPerAdmitted()), prices);
            rows.add(row(n, i, duration, perMillion.get(0).totalPerMillion()));
            rows.add(row(n, a, duration, perMillion.get(1).totalPerMillion()));
        }
        return List.copyOf(rows);
    }

    /** Bisection steps between a submit rate that fits and the throttle's, which does not: 2^-10 of the bracket. */
    private static final int SHARE_STEPS = 10;

    /** Halvings of the submits' rate tried before the model says no rate fits (2^-20 of the throttle's). */
    private static final int MAX_HALVINGS = 20;

    /**
     * The async path with its clients' status polls counted against the API's throttle, which the
     * simulation applies to submits only. When the submits and polls it lets in come to more than the
     * throttle's rate, the submits are given the largest rate at which they and the polls they bring
     * fit in it (a bisection, each try a full simulation, from the rate the first run's polls per job
     * leave): the polls of admitted jobs are served first. On AWS the throttle refuses submits and polls
     * alike, so a client would also see its result later by about a poll interval per refused poll; this
     * model does not refuse polls.
     */
    static PathPrediction asyncWithPollsThrottled(AsyncModel async, LoadPoint load, ServiceTime service) {
        double rate = async.config().apiRate();
        PathPrediction free = async.predict(load, service);
        if (Double.isInfinite(rate) || requestsPerSecond(free, load) <= rate) {
            return free;
        }
        // the rate the free run's polls per job would leave fits or is close: fewer submits poll less
        double over = rate;
        double fits = rate / (1 + free.pollsPerAdmitted());
        PathPrediction best = async.withApiRate(fits).predict(load, service);
        for (int halving = 0; requestsPerSecond(best, load) > rate; halving++) {
            if (halving == MAX_HALVINGS) {
                return best.bindingFirst(Limit.API_THROTTLE_WITH_POLLS); // nothing fits: the least tried, over it
            }
            over = fits;
            fits /= 2;
            best = async.withApiRate(fits).predict(load, service);
        }
        for (int step = 0; step < SHARE_STEPS; step++) {
            double submits = (fits + over) / 2;
            PathPrediction p = async.withApiRate(submits).predict(load, service);
            if (requestsPerSecond(p, load) <= rate) {
                fits = submits;
                best = p;
            } else {
                over = submits;
            }
        }
        boolean backlog = free.binding() == Limit.WORKER_CONCURRENCY || free.binding() == Limit.POLLER_SCALE_UP;
        return best.bindingFirst(backlog ? Limit.BACKLOG_POLLS_THROTTLED : Limit.API_THROTTLE_WITH_POLLS);
    }

    /** Submits and status polls the API let in, per second of offered load. */
    static double requestsPerSecond(PathPrediction p, LoadPoint load) {
        return p.admitted() * (1 + p.pollsPerAdmitted()) / load.durationSeconds();
    }

    private static ProjectionRow row(int n, PathPrediction p, double duration, double usdPerMillion) {
        double billedPerSecond = (p.offered() - p.count(Outcome.API_THROTTLED)) / duration;
        return new ProjectionRow(
                n,
                p.path(),
                p.offeredPerSecond(),
                p.p50Millis(),
                p.p99Millis(),
                p.throttledShare(),
                p.goodputPerSecond(),
                p.peakBacklog(),
                p.drainSeconds(),
                billedPerSecond * 3600 * usdPerMillion / 1_000_000,
                p.binding());
    }

    private CostInputs costInputs(int n, double meanServiceSeconds, double pollsPerJob) {
        double computeMillis = meanServiceSeconds * 1000;
        long digits = Math.max(1, Math.round(n * 0.20898764 + 1));
        double putMillis = quotas.value("dynamoDbPutItemLatency");
        return new CostInputs(
                MEMORY_MB,
                MEMORY_MB,
                profile.batchSize(),
                Math.ceil(computeMillis + 1),
                70 + digits,
                Math.ceil(putMillis + quotas.value("sqsSendMessageLatency") + 1),
                pollsPerJob,
                Math.ceil(quotas.value("dynamoDbGetItemLatency") + 1),
                computeMillis + 2 * putMillis,
                150,
                190 + digits,
                100);
    }
}
