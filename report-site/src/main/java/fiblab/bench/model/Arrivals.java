package fiblab.bench.model;

/** How offered load arrives: a Poisson process (the M of queueing theory) or evenly spaced, as the benchmark's open loop sends. */
public enum Arrivals {
    POISSON,
    UNIFORM
}
