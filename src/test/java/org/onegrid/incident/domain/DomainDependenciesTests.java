package org.onegrid.incident.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The incident domain stays plain Java: no Spring, no storage, no other module but the working-time calendar. */
class DomainDependenciesTests {

    @Test
    void theDomainNeedsNothingButTheJdkAndTheWorkingTimeCalendar() {
        JavaClasses domain = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.onegrid.incident.domain");

        classes()
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "org.onegrid.incident.domain..", "org.onegrid.worktime..")
                .check(domain);
    }
}
