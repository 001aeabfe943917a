package org.danvan.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.repository.Repository;

/**
 * The boundaries every service keeps: persistence types stay package-private inside their feature, and
 * feature packages ({@code org.danvan.<service>.<feature>}) never depend on each other in a cycle.
 * A service includes them with {@code @ArchTest static final ArchTests rules = ArchTests.in(PackageByFeatureRules.class);}.
 */
public final class PackageByFeatureRules {

    @ArchTest
    static final ArchRule documentsArePackagePrivate = classes().that().areAnnotatedWith(Document.class)
            .should().notBePublic().allowEmptyShould(true);

    @ArchTest
    static final ArchRule repositoriesArePackagePrivate = classes().that().areAssignableTo(Repository.class)
            .and().areInterfaces().should().notBePublic().allowEmptyShould(true);

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("org.danvan.*.(*)..").should().beFreeOfCycles().allowEmptyShould(true);

    private PackageByFeatureRules() {
    }
}
