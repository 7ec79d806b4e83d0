package com.m365backup.restore.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The dependency rules of docs/design.md (Module boundaries): command-api -> domain, query-api -> domain, app -> all.
 * Each module's packages name it: {@code ..restore.domain..}, {@code ..restore.command..}, {@code ..restore.query..},
 * {@code ..restore.app..}. No package depends, through others or directly, on one that depends on it.
 */
class ModuleBoundariesTest {

    private static final String DOMAIN = "com.m365backup.restore.domain..";
    private static final String COMMAND_API = "com.m365backup.restore.command..";
    private static final String QUERY_API = "com.m365backup.restore.query..";
    private static final String APP = "com.m365backup.restore.app..";

    private static JavaClasses everything;

    @BeforeAll
    static void importClasses() {
        everything = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.m365backup.restore");
    }

    @Test
    void every_class_is_in_the_package_of_a_module() {
        classes().should().resideInAnyPackage(DOMAIN, COMMAND_API, QUERY_API, APP).check(everything);
    }

    @Test
    void domain_should_not_depend_on_spring_http_or_sql() {
        noClasses().that().resideInAPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "jakarta.servlet..", "java.sql..", "javax.sql..",
                        "org.postgresql..", "org.axonframework.spring..")
                .check(everything);
    }

    @Test
    void domain_should_not_depend_on_the_other_modules() {
        noClasses().that().resideInAPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage(COMMAND_API, QUERY_API, APP)
                .check(everything);
    }

    @Test
    void command_api_should_not_depend_on_query_api() {
        noClasses().that().resideInAPackage(COMMAND_API)
                .should().dependOnClassesThat().resideInAnyPackage(QUERY_API, APP)
                .check(everything);
    }

    @Test
    void query_api_should_not_depend_on_command_api() {
        noClasses().that().resideInAPackage(QUERY_API)
                .should().dependOnClassesThat().resideInAnyPackage(COMMAND_API, APP)
                .check(everything);
    }

    /** Within the modules too, each package can be read, and changed, knowing only the packages below it. */
    @Test
    void no_two_packages_depend_on_each_other() {
        slices().matching("com.m365backup.restore.(**)").should().beFreeOfCycles().check(everything);
    }
}
