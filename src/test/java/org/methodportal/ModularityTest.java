package org.methodportal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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
}
