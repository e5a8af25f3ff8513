package app.herald;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.sql.DriverManager;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/** The layering of docs/ARCHITECTURE.md, checked on every build. */
@AnalyzeClasses(packages = "app.herald", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] CORE = {"app.herald.broadcast..", "app.herald.concurrent..", "app.herald.contacts..",
        "app.herald.core..", "app.herald.delivery..", "app.herald.files..", "app.herald.message..", "app.herald.settings..", "app.herald.storage..", "app.herald.twilio.."};

    @ArchTest
    static final ArchRule coreKnowsNoScreenAndNoCommandLine = noClasses()
            .that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "app.herald.ui..", "app.herald.cli..")
            .because("the window and the command line are two faces of one core: the core runs, and is tested, without either");

    @ArchTest
    static final ArchRule onlyTheWindowKnowsJavaFx = noClasses()
            .that().resideOutsideOfPackage("app.herald.ui..")
            .and().doNotHaveFullyQualifiedName(HeraldApp.class.getName())
            .and().doNotHaveFullyQualifiedName(Launcher.class.getName())
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..")
            .because("the command line must start on a machine where JavaFX cannot (no display, no GTK)");

    @ArchTest
    static final ArchRule windowAndCommandLineAreStrangers = slices().matching("app.herald.(ui|cli)..")
            .should().notDependOnEachOther()
            .because("what both need belongs in the core, where the other can use it too");

    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("app.herald.(*)..")
            .should().beFreeOfCycles()
            .because("a cycle makes two packages one, and neither can be understood or changed alone");

    @ArchTest
    static final ArchRule screensUseCommonPartsAndTheCoreOnly = slices().matching("app.herald.ui.(*)..")
            .should().notDependOnEachOther()
            .ignoreDependency(resideInAPackage("app.herald.ui.shell.."), alwaysTrue())
            .ignoreDependency(alwaysTrue(), resideInAPackage("app.herald.ui.common.."))
            .because("a screen hands what another screen needs through the core or ui/common; only the shell assembles them");

    @ArchTest
    static final ArchRule onlyTheCommandLineWritesToStandardOutput = noClasses()
            .that().resideOutsideOfPackage("app.herald.cli..")
            .and().doNotHaveFullyQualifiedName(Launcher.class.getName())
            .should().accessField(System.class, "out")
            .because("standard output is the command line's answer, which scripts read; logs go to the log file");

    @ArchTest
    static final ArchRule onlyStorageOpensTheDatabase = noClasses()
            .that().resideOutsideOfPackage("app.herald.storage..")
            .should().dependOnClassesThat().resideInAnyPackage("org.h2..", "org.flywaydb..")
            .orShould().dependOnClassesThat().belongToAnyOf(DriverManager.class, DataSource.class)
            .orShould().callMethod(Jdbi.class, "create", DataSource.class)
            .because("one place chooses the database's settings (durability, locking), and every connection gets them");
}
