package fiblab.bench.result;

/**
 * Mean per-operation stage durations as Lambda bills them (each rounded up to 1 ms): the cost
 * model's input. A stage that was not recorded is null.
 */
public record BilledStages(Double compute, Double accepted, Double write) {}
