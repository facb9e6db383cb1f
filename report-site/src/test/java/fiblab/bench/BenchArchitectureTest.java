package fiblab.bench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The benchmark's arithmetic stays plain: what it computes can be tested on known inputs alone. */
@AnalyzeClasses(packages = "fiblab.bench", importOptions = ImportOption.DoNotIncludeTests.class)
class BenchArchitectureTest {

    @ArchTest
    static final ArchRule statistics_shouldNeedNoServerClientOrStack = noClasses()
            .that()
            .resideInAPackage("fiblab.bench.stats..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "fiblab.bench.http..",
                    "fiblab.bench.load..",
                    "fiblab.bench.stack..",
                    "fiblab.local..",
                    "software.amazon..",
                    "com.amazonaws..")
            .because("percentiles, throughput and coordinated omission are computed from recorded numbers only");

    @ArchTest
    static final ArchRule cost_shouldNeedNoServerClientOrSdk = noClasses()
            .that()
            .resideInAPackage("fiblab.bench.cost..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("fiblab.bench.http..", "fiblab.bench.load..", "software.amazon..", "com.amazonaws..")
            .because("dollars come from the dated price list and the measured numbers, never from a live call");
}
