package app.herald;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "app.herald", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The core knows no screen: only the UI, the composition root and the launcher touch JavaFX. */
    @ArchTest
    static final ArchRule coreKnowsNoJavaFx = noClasses()
            .that().resideOutsideOfPackage("app.herald.ui..")
            .and().doNotHaveFullyQualifiedName(HeraldApp.class.getName())
            .and().doNotHaveFullyQualifiedName(Launcher.class.getName())
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..");

    /** Screens reach the core; the core never reaches back into a screen. */
    @ArchTest
    static final ArchRule coreDoesNotDependOnUi = noClasses()
            .that().resideOutsideOfPackage("app.herald.ui..")
            .and().doNotHaveFullyQualifiedName(HeraldApp.class.getName())
            .should().dependOnClassesThat().resideInAPackage("app.herald.ui..");
}
