package dev.tihuo.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The boundaries of the hexagon, as rules. Each has a test that proves it can fail (ArchitectureRulesCanFailTest):
 * a rule pointed at a package that does not exist would check nothing and pass forever.
 */
final class ArchitectureRules {
    private ArchitectureRules() {}

    static final String[] FRAMEWORKS = {
        "io.vertx..", "org.jdbi..", "org.mapstruct..", "com.fasterxml..", "org.slf4j..", "ch.qos.logback..",
        "java.sql..", "javax.sql..", "org.flywaydb..", "com.zaxxer..", "org.h2..", "org.postgresql..",
        "io.micrometer..", "io.github.resilience4j.."
    };

    /** The domain is plain Java plus the jMolecules vocabulary. */
    static final ArchRule DOMAIN_IS_PURE = classes().that().resideInAPackage("dev.tihuo.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.jmolecules..", "dev.tihuo.domain..")
            .as("the domain depends on the JDK and jMolecules only");

    /** The application sees the domain and its own ports, nothing else of ours and no framework. */
    static final ArchRule APPLICATION_IS_FRAMEWORK_FREE = classes().that().resideInAPackage("dev.tihuo.application..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "org.jmolecules..", "dev.tihuo.domain..", "dev.tihuo.application..")
            .as("the application depends on the domain, jMolecules and the JDK only");

    static final ArchRule NO_FRAMEWORK_IN_THE_CORE = noClasses().that()
            .resideInAnyPackage("dev.tihuo.domain..", "dev.tihuo.application..")
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
            .as("no Vert.x, JDBI, Jackson, MapStruct, SQL, metrics or logging framework in domain or application");

    /** Teams swap one adapter for their own: so no adapter may lean on another. */
    static final ArchRule ADAPTERS_ARE_INDEPENDENT = slices().matching("dev.tihuo.adapters.(*)..")
            .should().notDependOnEachOther()
            .as("adapters never import each other");

    static final ArchRule ONLY_BOOTSTRAP_SEES_EVERYTHING = noClasses().that()
            .resideOutsideOfPackage("dev.tihuo.bootstrap..")
            .should().dependOnClassesThat().resideInAPackage("dev.tihuo.bootstrap..")
            .as("nothing depends on the composition root");

    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("dev.tihuo.(**)").should().beFreeOfCycles()
            .as("no package cycles");
}
