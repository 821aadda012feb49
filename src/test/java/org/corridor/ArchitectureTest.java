package org.corridor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rule: a pure core in the middle, storage and transport at the edges, wired only at the entry. */
@AnalyzeClasses(packages = "org.corridor", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule tallies_arePure = noClasses()
            .that()
            .resideInAPackage("org.corridor.tally..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.corridor.ledger..",
                    "org.corridor.http..",
                    "org.corridor.cli..",
                    "org.corridor.service..",
                    "com.fasterxml.jackson..",
                    "java.sql..",
                    "io.javalin..")
            .because("the numbers are pure functions of (operation, observations, time)");

    @ArchTest
    static final ArchRule tallies_readNoClock = noClasses()
            .that()
            .resideInAPackage("org.corridor.tally..")
            .should()
            .callMethod(java.time.Instant.class, "now")
            .orShould()
            .callMethod(System.class, "currentTimeMillis")
            .because("the moment is always passed in");

    @ArchTest
    static final ArchRule domain_knowsNothingOfTheEdges = noClasses()
            .that()
            .resideInAnyPackage("org.corridor.core..", "org.corridor.operation..", "org.corridor.observation..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.corridor.ledger.jdbc..",
                    "org.corridor.http..",
                    "org.corridor.cli..",
                    "org.corridor.service..",
                    "io.javalin..",
                    "java.sql..");

    @ArchTest
    static final ArchRule integrity_isPure = noClasses()
            .that()
            .resideInAPackage("org.corridor.integrity..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.corridor.ledger..",
                    "org.corridor.http..",
                    "org.corridor.cli..",
                    "org.corridor.service..",
                    "org.corridor.tally..",
                    "java.sql..",
                    "io.javalin..")
            .because("canonical JSON and Merkle proofs are checked by anyone, offline, from the bytes alone");

    @ArchTest
    static final ArchRule claims_arePure = noClasses()
            .that()
            .resideInAPackage("org.corridor.claims..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.corridor.ledger..",
                    "org.corridor.http..",
                    "org.corridor.cli..",
                    "org.corridor.service..",
                    "org.corridor.tally..",
                    "java.sql..",
                    "java.nio.file..",
                    "io.javalin..")
            .because("reading a report is a pure function of its text, its date and the places given");

    @ArchTest
    static final ArchRule storage_isWiredOnlyAtTheEntry = noClasses()
            .that()
            .resideOutsideOfPackages("org.corridor.ledger.jdbc..")
            .and()
            .doNotHaveFullyQualifiedName("org.corridor.Corridor")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.corridor.ledger.jdbc..")
            .because("everything else sees the Ledger interface only");

    @ArchTest
    static final ArchRule access_knowsNothingOfTheEdges = noClasses()
            .that()
            .resideInAPackage("org.corridor.access..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.corridor.ledger..",
                    "org.corridor.http..",
                    "org.corridor.cli..",
                    "org.corridor.service..",
                    "io.javalin..",
                    "java.sql..")
            .because("who may do what is decided apart from how requests arrive and where accounts are kept");

    @ArchTest
    static final ArchRule http_doesNotReachPastTheService = noClasses()
            .that()
            .resideInAPackage("org.corridor.http..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.corridor.cli..", "java.sql..");
}
