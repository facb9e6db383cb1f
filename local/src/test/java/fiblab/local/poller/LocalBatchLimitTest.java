package fiblab.local.poller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LocalBatchLimitTest {

    @AfterEach
    void clear() {
        System.clearProperty(SqsEventSourceMapping.MAX_LOCAL_BATCHES_PROPERTY);
    }

    @Test
    void localLimit_shouldBeTheNumberOfCores_byDefault() {
        assertThat(SqsEventSourceMapping.localLimit())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void localLimit_shouldFollowTheProperty_whenSet() {
        System.setProperty(SqsEventSourceMapping.MAX_LOCAL_BATCHES_PROPERTY, "10");
        assertThat(SqsEventSourceMapping.localLimit()).isEqualTo(10);
    }

    @Test
    void localLimit_shouldNameThePropertyAndRange_whenTheValueIsWrong() {
        System.setProperty(SqsEventSourceMapping.MAX_LOCAL_BATCHES_PROPERTY, "0");
        assertThatThrownBy(SqsEventSourceMapping::localLimit)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(SqsEventSourceMapping.MAX_LOCAL_BATCHES_PROPERTY)
                .hasMessageContaining("1 to 1000");
    }
}
