package fiblab.bench.overload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The lead's validation command: its defaults, and clear errors for bad arguments. */
class ValidationCommandTest {

    @Test
    void noArguments_shouldGiveTheDefaults_withPatiencesShortEnoughToTestGoodput() {
        ValidationCommand.Arguments a = ValidationCommand.Arguments.parse(new String[0]);
        assertThat(a.n()).isEqualTo(30);
        assertThat(a.multiples()).containsExactly(0.5, 1.0, 2.0, 3.0);
        assertThat(a.stepSeconds()).isEqualTo(8);
        assertThat(a.patience()).isEqualTo(2);
        assertThat(a.jobPatience()).isEqualTo(5);
    }

    @Test
    void badArguments_shouldSayWhatWasWrong_andHowToCallIt() {
        assertThatThrownBy(() -> ValidationCommand.Arguments.parse(new String[] {"thirty"}))
                .hasMessageContaining("not a number")
                .hasMessageContaining("usage:");
        assertThatThrownBy(() -> ValidationCommand.Arguments.parse(new String[] {"45"}))
                .hasMessageContaining("outside 1-40");
        assertThatThrownBy(() -> ValidationCommand.Arguments.parse(new String[] {"30", "1,-2"}))
                .hasMessageContaining("multiples must be positive");
        assertThat(ValidationCommand.Arguments.parse(new String[] {"25", "1,2", "4"})
                        .multiples())
                .isEqualTo(List.of(1.0, 2.0));
    }
}
