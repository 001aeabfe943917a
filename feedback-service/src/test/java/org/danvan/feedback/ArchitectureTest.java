package org.danvan.feedback;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import org.danvan.testsupport.PackageByFeatureRules;

@AnalyzeClasses(packages = "org.danvan.feedback", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests packageByFeature = ArchTests.in(PackageByFeatureRules.class);
}
