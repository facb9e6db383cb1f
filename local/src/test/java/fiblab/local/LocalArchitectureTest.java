package fiblab.local;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The local stack hosts functions the way Lambda does: by the template's Handler string, never by name. */
@AnalyzeClasses(packages = "fiblab.local", importOptions = ImportOption.DoNotIncludeTests.class)
class LocalArchitectureTest {

    @ArchTest
    static final ArchRule localStack_shouldNeverNameTheFunctionsCode = noClasses()
            .that()
            .resideInAPackage("fiblab.local..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "fiblab.fib..",
                    "fiblab.job..",
                    "fiblab.api..",
                    "fiblab.handler..",
                    "fiblab.aws..",
                    "fiblab.config..",
                    "fiblab.json..",
                    "fiblab.observe..",
                    "fiblab.snapstart..")
            .because("what it runs comes from template.yaml, so a changed Handler string is followed, not compiled in");

    @ArchTest
    static final ArchRule localStack_shouldNeverDependOnTheBenchmark = noClasses()
            .that()
            .resideInAPackage("fiblab.local..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("fiblab.bench..");
}
