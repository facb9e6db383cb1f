package fiblab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The functions' floors, checked on the compiled classes (so a fully qualified name is caught as
 * surely as an import): a core with no AWS and no host code, the AWS SDK only in the adapters, the
 * Lambda runtime types only in the handlers, org.crac only where SnapStart priming lives.
 */
@AnalyzeClasses(packages = "fiblab", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String[] CORE = {
        "fiblab.fib..",
        "fiblab.job..",
        "fiblab.api..",
        "fiblab.admission..",
        "fiblab.config..",
        "fiblab.json..",
        "fiblab.observe.."
    };

    @ArchTest
    static final ArchRule core_shouldDependOnNothingFromAwsNorOnTheOuterFloors = noClasses()
            .that()
            .resideInAnyPackage(CORE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "software.amazon..",
                    "com.amazonaws..",
                    "org.crac..",
                    "fiblab.aws..",
                    "fiblab.handler..",
                    "fiblab.snapstart..")
            .because("the Fibonacci code, the job rules and the HTTP contract are plain Java (STYLE: AWS-free core)");

    /*
     * snapstart holds the CRaC registration only; it knows neither the SDK nor the Lambda runtime, so
     * the adapters and handlers can both register their hooks without the core seeing CRaC.
     */
    @ArchTest
    static final ArchRule awsSdk_shouldBeUsedOnlyByTheAdapters = noClasses()
            .that()
            .resideOutsideOfPackage("fiblab.aws..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("software.amazon..")
            .because("the adapters own the SDK clients; handlers get ports");

    @ArchTest
    static final ArchRule lambdaRuntime_shouldBeUsedOnlyByTheHandlers = noClasses()
            .that()
            .resideOutsideOfPackage("fiblab.handler..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.amazonaws..")
            .because("handlers translate Lambda events; nothing else sees them");

    @ArchTest
    static final ArchRule crac_shouldBeUsedOnlyForSnapStartPriming = noClasses()
            .that()
            .resideOutsideOfPackages("fiblab.snapstart..", "fiblab.aws..", "fiblab.handler..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.crac..")
            .because("priming lives in the adapters and handlers that own what they prime");

    @ArchTest
    static final ArchRule snapstart_shouldKnowNeitherAwsNorTheFloorsAboveIt = noClasses()
            .that()
            .resideInAPackage("fiblab.snapstart..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("software.amazon..", "com.amazonaws..", "fiblab.aws..", "fiblab.handler..");

    @ArchTest
    static final ArchRule adapters_shouldNotKnowTheHandlers = noClasses()
            .that()
            .resideInAPackage("fiblab.aws..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("fiblab.handler..");

    @ArchTest
    static final ArchRule functions_shouldNeverDependOnTheLocalStackOrTheBenchmark = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("fiblab.local..", "fiblab.bench..")
            .because("functions/ deploys alone; local/ and report-site/ host and measure it, not the other way");

    @ArchTest
    static final ArchRule packages_shouldHaveNoCycles =
            slices().matching("fiblab.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule handlers_shouldBeTheOnlyLambdaEntryPoints = classes()
            .that()
            .implement("com.amazonaws.services.lambda.runtime.RequestHandler")
            .should()
            .resideInAPackage("fiblab.handler..");

    @Test
    void deploymentPackage_shouldCarryNeitherApacheNorNettyHttpClients() {
        // The runtime classpath is what `sam build` packages; .ci/run also checks the built artifact itself.
        String classpath = System.getProperty("java.class.path");
        assertThat(classpath)
                .contains("url-connection-client")
                .doesNotContain("apache-client")
                .doesNotContain("apache5-client")
                .doesNotContain("httpclient")
                .doesNotContain("netty");
    }
}
