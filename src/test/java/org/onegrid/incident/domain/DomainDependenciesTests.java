package org.onegrid.incident.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The incident domain stays plain Java: no Spring, no storage, no other module but the working-time calendar and the
 * plain rules every case shares (the hash chain, time limits and lights).
 */
class DomainDependenciesTests {

    @Test
    void theDomainNeedsNothingButTheJdkTheWorkingTimeCalendarAndTheSharedCaseRules() {
        JavaClasses domain = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.onegrid.incident.domain");

        classes()
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "java..",
                        "org.onegrid.incident.domain..",
                        "org.onegrid.worktime..",
                        "org.onegrid.casework",
                        "org.onegrid.casework.time")
                .check(domain);
    }
}
