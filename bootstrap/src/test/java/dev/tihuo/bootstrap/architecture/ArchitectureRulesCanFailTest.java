package dev.tihuo.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.tihuo.adapters.fixtureone.AdapterOne;
import dev.tihuo.adapters.fixturetwo.AdapterTwo;
import dev.tihuo.domain.archfixture.CycleA;
import dev.tihuo.domain.archfixture.DomainUsingJackson;
import dev.tihuo.domain.archfixture.DomainUsingTheBootstrap;
import org.junit.jupiter.api.Test;

/** Every rule, pointed at classes that break it, must fail: proof that it checks something. */
class ArchitectureRulesCanFailTest {

    @Test
    void the_purity_rules_fail_on_a_domain_class_using_jackson() {
        JavaClasses bad = new ClassFileImporter().importClasses(DomainUsingJackson.class);
        assertFails(ArchitectureRules.DOMAIN_IS_PURE, bad);
        assertFails(ArchitectureRules.NO_FRAMEWORK_IN_THE_CORE, bad);
    }

    @Test
    void the_adapter_rule_fails_when_one_adapter_imports_another() {
        assertFails(ArchitectureRules.ADAPTERS_ARE_INDEPENDENT,
                new ClassFileImporter().importClasses(AdapterOne.class, AdapterTwo.class));
    }

    @Test
    void the_bootstrap_rule_fails_when_the_domain_uses_the_composition_root() {
        assertFails(ArchitectureRules.ONLY_BOOTSTRAP_SEES_EVERYTHING,
                new ClassFileImporter().importPackages("dev.tihuo.domain.archfixture", "dev.tihuo.bootstrap"));
    }

    @Test
    void the_cycle_rule_fails_on_a_package_cycle() {
        assertFails(ArchitectureRules.NO_PACKAGE_CYCLES,
                new ClassFileImporter().importPackages(CycleA.class.getPackageName(), "dev.tihuo.adapters.fixtureone"));
    }

    @Test
    void the_application_rule_fails_on_an_application_class_using_an_adapter() {
        assertFails(ArchitectureRules.APPLICATION_IS_FRAMEWORK_FREE,
                new ClassFileImporter().importClasses(dev.tihuo.application.archfixture.ApplicationUsingAnAdapter.class));
    }

    private static void assertFails(ArchRule rule, JavaClasses classes) {
        assertThatThrownBy(() -> rule.check(classes)).isInstanceOf(AssertionError.class);
    }

    @SuppressWarnings("unused")
    private static Class<?> keep = DomainUsingTheBootstrap.class;
}
