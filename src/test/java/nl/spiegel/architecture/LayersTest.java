package nl.spiegel.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The packages stand in layers (docs/architecture.md): the core, then the base (the store and the
 * words), then the features, then the edge. No import runs up a layer and no two packages need
 * each other, so the next change cannot quietly undo the map.
 */
class LayersTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.spiegel");

    /** The root package holds the settings, which every layer reads, and the start, which is on top. */
    private static final com.tngtech.archunit.base.DescribedPredicate<JavaClass> SETTINGS =
            describe("the settings", c -> c.getPackageName().equals("nl.spiegel") && !c.getSimpleName().startsWith("Main"));
    private static final com.tngtech.archunit.base.DescribedPredicate<JavaClass> START =
            describe("the start", c -> c.getPackageName().equals("nl.spiegel") && c.getSimpleName().startsWith("Main"));

    @Test
    void noImportRunsUpALayer() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("core").definedBy("nl.spiegel.meeting..")
                .layer("base").definedBy(resideInAnyPackage("nl.spiegel.store..", "nl.spiegel.words..").or(SETTINGS))
                .layer("features").definedBy("nl.spiegel.live..", "nl.spiegel.prep..", "nl.spiegel.report..",
                        "nl.spiegel.followup..", "nl.spiegel.retention..", "nl.spiegel.rehearsal..")
                .layer("edge").definedBy(resideInAnyPackage("nl.spiegel.web..", "nl.spiegel.access..").or(START))
                .whereLayer("edge").mayNotBeAccessedByAnyLayer()
                .whereLayer("features").mayOnlyBeAccessedByLayers("edge")
                .whereLayer("base").mayOnlyBeAccessedByLayers("features", "edge")
                .whereLayer("core").mayOnlyBeAccessedByLayers("base", "features", "edge")
                .check(MAIN);
    }

    @Test
    void noTwoPackagesNeedEachOther() {
        slices().matching("nl.spiegel.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void theCoreIsPlainJava() {
        noClasses().that().resideInAPackage("nl.spiegel.meeting..")
                .should().dependOnClassesThat().resideOutsideOfPackages("nl.spiegel.meeting..", "java..")
                .check(MAIN);
    }
}
