package org.methodportal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The module structure and the layering rules of docs/style.md §2–3. */
class ModularityTest {

    private static final ApplicationModules modules = ApplicationModules.of(PortalApplication.class);
    private static final JavaClasses mainClasses = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.methodportal");
    private static final String[] NOT_SERVICE_LAYERS = {"..ui..", "..api..", "..persistence.."};

    @Test
    void modulesOnlyUseEachOthersTopLevelTypesAndHaveNoCycles() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        // target/spring-modulith-docs: the module canvas and component diagrams for reviewers.
        new Documenter(modules).writeDocumentation();
    }

    @Test
    void viewsAndControllersDoNotUseMappers() {
        noClasses().that().resideInAnyPackage("..ui..", "..api..")
                .should().dependOnClassesThat().resideInAPackage("..persistence..")
                .because("views and controllers go through their module's service")
                .check(mainClasses);
    }

    @Test
    void transactionsBelongToServices() {
        classes().that().areAnnotatedWith(Transactional.class)
                .should().beAnnotatedWith(Service.class).andShould().resideOutsideOfPackages(NOT_SERVICE_LAYERS)
                .because("one user action is one service call is one transaction")
                .check(mainClasses);
        methods().that().areAnnotatedWith(Transactional.class)
                .should().beDeclaredInClassesThat().areAnnotatedWith(Service.class)
                .andShould().beDeclaredInClassesThat().resideOutsideOfPackages(NOT_SERVICE_LAYERS)
                .because("one user action is one service call is one transaction")
                .check(mainClasses);
    }

    @Test
    void policiesAndRecordsArePlainJava() {
        // Top-level module packages only: the records of ui/, api/ and persistence/ are shaped for
        // Vaadin, JSON and MyBatis. Records private to a service or a configuration class are part
        // of that class, and configuration bindings are Spring's by definition.
        DescribedPredicate<JavaClass> policiesAndRecords = DescribedPredicate.describe(
                "policies (*Policy) and records in top-level module packages",
                c -> c.getPackageName().matches("org\\.methodportal\\.[a-z]+") && policyOrRecord(c));
        noClasses().that(policiesAndRecords)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.vaadin..")
                .because("rules and the records passed between modules are plain Java (docs/style.md §3)")
                .check(mainClasses);
    }

    /** A policy or a record that is no configuration binding, nested in nothing else than such. */
    private static boolean policyOrRecord(JavaClass c) {
        return (c.getSimpleName().endsWith("Policy") || c.isRecord())
                && !c.isAnnotatedWith(ConfigurationProperties.class)
                && c.getEnclosingClass().map(ModularityTest::policyOrRecord).orElse(true);
    }
}
