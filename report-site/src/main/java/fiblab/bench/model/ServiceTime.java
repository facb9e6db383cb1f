package fiblab.bench.model;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** A service-time distribution the simulations draw from, in seconds. */
@FunctionalInterface
public interface ServiceTime {

    double sample(SplittableRandom random);

    /** Every request takes exactly {@code seconds} (the D of M/D/c). */
    static ServiceTime constant(double seconds) {
        return random -> seconds;
    }

    /** Exponential with the given mean (the M of M/M/c). */
    static ServiceTime exponential(double meanSeconds) {
        return random -> -meanSeconds * Math.log(1 - random.nextDouble());
    }

    /** Resampled from what a run measured: each draw is one of the measured values, uniformly. */
    static ServiceTime empirical(List<Double> measuredSeconds) {
        if (measuredSeconds.isEmpty()) {
            throw new IllegalArgumentException("an empirical service time needs at least one measured value");
        }
        double[] values =
                measuredSeconds.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(values);
        return random -> values[random.nextInt(values.length)];
    }
}
