package fiblab.bench.coldstart;

import static org.assertj.core.api.Assertions.assertThat;

import fiblab.bench.ShortRealRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cold starts of the short real run (two samples per function and priming setting): each was
 * a JVM of its own that had served nothing before its first invocation.
 */
class ColdStartRunIT {

    private static Map<String, Object> coldStart;
    private static List<Map<String, Object>> samples;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void run() throws Exception {
        coldStart = (Map<String, Object>) ShortRealRun.get().results.get("coldStart");
        samples = ((List<Map<String, Object>>) coldStart.get("configurations"))
                .stream()
                        .flatMap(c -> ((List<Map<String, Object>>) c.get("samples")).stream())
                        .toList();
    }

    @Test
    void everySample_shouldSucceed_andAnswerBothInvocations() {
        assertThat(samples).hasSize(4 * ShortRealRun.COLD_START_SAMPLES);
        assertThat(samples)
                .allSatisfy(s -> assertThat(s.get("ok")).as("sample %s", s).isEqualTo(true));
    }

    @Test
    void everySample_shouldBeAFreshJvm_withItsOwnPidStartedAfterTheHarness() {
        long harnessPid = ((Number) coldStart.get("harnessPid")).longValue();
        long harnessStarted = ((Number) coldStart.get("harnessStartedEpochMillis")).longValue();
        List<Long> pids =
                samples.stream().map(s -> ((Number) s.get("pid")).longValue()).toList();

        assertThat(pids)
                .doesNotHaveDuplicates()
                .doesNotContain(harnessPid, ProcessHandle.current().pid());
        assertThat(samples)
                .allSatisfy(s -> assertThat(((Number) s.get("jvmStartEpochMillis")).longValue())
                        .isGreaterThanOrEqualTo(harnessStarted));
    }

    @Test
    void everySample_shouldLoadTheFunctionsClasses_onlyAfterMain() {
        // A JVM that had already built a handler or sent a request would hold thousands of SDK classes at main.
        assertThat(samples).allSatisfy(s -> {
            long atMain = ((Number) s.get("classesAtMain")).longValue();
            long afterInit = ((Number) s.get("classesAfterInit")).longValue();
            long afterFirst = ((Number) s.get("classesAfterFirstInvoke")).longValue();
            assertThat(atMain).isLessThan(1_500);
            assertThat(afterInit).isGreaterThan(atMain + 500);
            assertThat(afterFirst).isGreaterThan(afterInit);
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void primedSamples_shouldLoadTheRequestPathBeforeTheFirstInvoke_andPlainOnesNothing() {
        for (Map<String, Object> config : (List<Map<String, Object>>) coldStart.get("configurations")) {
            boolean priming = Boolean.TRUE.equals(config.get("priming"));
            for (Map<String, Object> s : (List<Map<String, Object>>) config.get("samples")) {
                long byPriming = ((Number) s.get("classesAfterPriming")).longValue()
                        - ((Number) s.get("classesAfterInit")).longValue();
                double primingMillis = ((Number) s.get("primingMillis")).doubleValue();
                if (priming) {
                    assertThat(byPriming)
                            .as("%s: classes loaded by priming", config.get("function"))
                            .isPositive();
                    assertThat(primingMillis).isPositive();
                } else {
                    assertThat(byPriming).isZero();
                    assertThat(primingMillis).isZero();
                }
            }
        }
    }
}
