package fiblab.bench.overload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValidationRowTest {

    @Test
    void tableLine_shouldGivePredictedMeasuredAndSignedError_forEachFigure() {
        // Given a step where the model said 120 ms at p50 for a measured 100, 300 for 400 at p99, 9.5/s for 10/s
        ValidationRow row = new ValidationRow("inline", 1.5, 12.0, 100, 120, 400, 300, 10, 9.5);

        // When / Then
        assertThat(row.tableLine()).isEqualTo("inline 1.5x 12.0 | 120 100 +20% | 300 400 -25% | 9.5 10.0 -5%");
    }
}
