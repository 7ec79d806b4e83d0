package com.m365backup.restore;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The dependency rules of docs/design.md (Module boundaries): command-api -> domain, query-api -> domain, app -> all.
 * Modules are told apart by where their classes were loaded from (their jar or their build folder).
 */
class ModuleBoundariesTest {

    private static JavaClasses everything;

    @BeforeAll
    static void importClasses() {
        everything = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.m365backup.restore");
    }

    @Test
    void domain_should_not_depend_on_spring_http_or_sql() {
        noClasses().that(areIn("domain"))
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "jakarta.servlet..", "java.sql..", "javax.sql..",
                        "org.postgresql..", "org.axonframework.spring..")
                .check(everything);
    }

    @Test
    void domain_should_not_depend_on_the_other_modules() {
        noClasses().that(areIn("domain"))
                .should().dependOnClassesThat(areIn("command-api").or(areIn("query-api")).or(areIn("app")))
                .check(everything);
    }

    @Test
    void command_api_should_not_depend_on_query_api() {
        noClasses().that(areIn("command-api"))
                .should().dependOnClassesThat(areIn("query-api").or(areIn("app")))
                .check(everything);
    }

    @Test
    void query_api_should_not_depend_on_command_api() {
        noClasses().that(areIn("query-api"))
                .should().dependOnClassesThat(areIn("command-api").or(areIn("app")))
                .check(everything);
    }

    private static DescribedPredicate<JavaClass> areIn(String module) {
        return DescribedPredicate.describe("in module " + module, javaClass -> javaClass.getSource()
                .map(source -> source.getUri().toString())
                .map(uri -> uri.contains("/" + module + "/target/") || uri.contains("/" + module + "-0."))
                .orElse(false));
    }
}
