package dev.tihuo.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.jmolecules.archunit.JMoleculesArchitectureRules;
import org.jmolecules.archunit.JMoleculesDddRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The architecture of every production class of tihuo (bootstrap sees all modules). */
class ArchitectureTest {
    private static JavaClasses tihuo;

    @BeforeAll
    static void importProductionClasses() {
        tihuo = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar")) // test-jars: in-memory adapters, kits
                .withImportOption(location -> !location.contains("simulator")) // the local Douyin: test scope only
                .importPackages("dev.tihuo");
    }

    @Test
    void the_import_sees_every_module() {
        for (String pkg : new String[] {"dev.tihuo.domain", "dev.tihuo.application", "dev.tihuo.bootstrap"}) {
            assertThat(tihuo.stream().anyMatch(c -> c.getPackageName().startsWith(pkg))).as(pkg).isTrue();
        }
    }

    /**
     * The composition root wires adapters by design, so the stereotype rules judge everything but it: its classes
     * are left out of the import, as ArchUnit's "accessed by" checks would otherwise see its dependencies.
     */
    @Test
    void the_hexagon_follows_the_jmolecules_stereotypes() {
        JavaClasses withoutCompositionRoot = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .withImportOption(location -> !location.contains("/dev/tihuo/bootstrap/"))
                .importPackages("dev.tihuo");
        JMoleculesArchitectureRules.ensureHexagonal().check(withoutCompositionRoot);
    }

    @Test
    void aggregates_refer_to_each_other_by_id() {
        JMoleculesDddRules.all().check(tihuo);
    }

    @Test
    void the_domain_is_pure() {
        ArchitectureRules.DOMAIN_IS_PURE.check(tihuo);
    }

    @Test
    void the_application_is_framework_free() {
        ArchitectureRules.APPLICATION_IS_FRAMEWORK_FREE.check(tihuo);
        ArchitectureRules.NO_FRAMEWORK_IN_THE_CORE.check(tihuo);
    }

    @Test
    void adapters_never_import_each_other() {
        ArchitectureRules.ADAPTERS_ARE_INDEPENDENT.check(tihuo);
    }

    @Test
    void only_bootstrap_sees_every_module() {
        ArchitectureRules.ONLY_BOOTSTRAP_SEES_EVERYTHING.check(tihuo);
    }

    @Test
    void there_are_no_package_cycles() {
        ArchitectureRules.NO_PACKAGE_CYCLES.check(tihuo);
    }
}
