package dev.sleet.test;

import dev.sleet.Db;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** Mistakes in using {@link SleetTest} fail the test with a message that says what to change. */
class MisuseTest {

    @SleetTest(migrations = "src/test/resources/no-such-folder")
    static class MissingFolder {
        @Test
        void test(Db db) {
        }
    }

    @SleetTest
    static class NoSource {
        @Test
        void test(Db db) {
        }
    }

    @SleetTest(migrations = "src/test/resources/migrations")
    static class PerTestBranchInBeforeAll {
        @BeforeAll
        static void seed(Db db) {
        }

        @Test
        void test() {
        }
    }

    @SleetTest(migrations = "src/test/resources/broken-migrations")
    static class BrokenMigration {
        @Test
        void first(Db db) {
        }

        @Test
        void second(Db db) {
        }
    }

    private static String failure(Class<?> testClass) {
        Events events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute()
                .allEvents().failed();
        assertThat(events.count()).as("failed events of " + testClass.getSimpleName()).isPositive();
        return events.stream().map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                .map(Throwable::getMessage).orElse("")).findFirst().orElse("");
    }

    @Test
    void aMissingFolderIsNamed() {
        assertThat(failure(MissingFolder.class)).contains("no such folder").contains("no-such-folder")
                .contains("working directory");
    }

    @Test
    void aTestClassMustSayWhatTheDatabaseIsMadeFrom() {
        assertThat(failure(NoSource.class)).contains("names neither migrations nor schema classes");
    }

    @Test
    void perTestBranchesCannotBeUsedBeforeAll() {
        assertThat(failure(PerTestBranchInBeforeAll.class)).contains("branchPer = BranchScope.CLASS");
    }

    @Test
    void aFailingMigrationIsReportedForEveryTestAndRunOnce() {
        Events failed = EngineTestKit.engine("junit-jupiter").selectors(selectClass(BrokenMigration.class)).execute()
                .testEvents().failed();
        assertThat(failed.count()).isEqualTo(2);
        failed.stream().forEach(e -> assertThat(e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable).orElseThrow().getMessage())
                .contains("20261121100000_broken").contains("no_such_table"));
    }
}
