package org.onegrid.casework;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The rules every case module's domain builds on — the hash chain, the history's entries, time limits, windows and
 * lights — are plain Java, so that a dispute's or a hazard's aggregate can use them and still be tested without Spring.
 */
class CaseRulesDependenciesTests {

    @Test
    void theChainTheEntriesAndTheTimeRulesNeedNothingButTheJdkAndTheWorkingTimeCalendar() {
        classes()
                .that()
                .haveSimpleNameStartingWith("HistoryChain")
                .or()
                .haveSimpleNameStartingWith("ChainedEntry")
                .or()
                .haveSimpleNameStartingWith("CaseStep")
                .or()
                .haveSimpleNameStartingWith("CaseEntry")
                .or()
                .resideInAPackage("org.onegrid.casework.time")
                .and()
                .doNotHaveSimpleName("package-info")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "java..", "org.onegrid.casework", "org.onegrid.casework.time", "org.onegrid.worktime..")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.onegrid.casework"));
    }
}
