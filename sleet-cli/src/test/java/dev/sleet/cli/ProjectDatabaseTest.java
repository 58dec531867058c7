package dev.sleet.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLI's embedded database keeps its data between runs. */
class ProjectDatabaseTest {

    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    private static long count(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void dataSurvivesAStopAndAStartInTheProjectsSleetFolder() throws Exception {
        Path project = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "project");
        Files.setPosixFilePermissions(project, PosixFilePermissions.fromString("rwxr-xr-x"));   // as projects are
        try (ProjectDatabase db = ProjectDatabase.start(project, QUIET)) {
            assertThat(db.dataDirectory()).isEqualTo(project.resolve(".sleet/postgres"));
            try (Connection c = DriverManager.getConnection(db.url()); Statement st = c.createStatement()) {
                st.execute("create table kept (id int)");
                st.execute("insert into kept values (1), (2)");
            }
        }
        try (ProjectDatabase again = ProjectDatabase.start(project, QUIET)) {
            assertThat(count(again.url(), "select count(*) from kept")).isEqualTo(2);
        }
    }

    @Test
    void aProjectOutOfTheServerAccountsReachKeepsItsDataInTheTempFolderAndSaysSo() throws IOException, SQLException {
        Path locked = Files.createTempDirectory("locked-project");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        boolean root = "root".equals(System.getProperty("user.name"));

        try (ProjectDatabase db = ProjectDatabase.start(locked, new PrintStream(said, true, StandardCharsets.UTF_8))) {
            assertThat(count(db.url(), "select 1")).isEqualTo(1);
            if (root) {
                // as root the server runs as 'nobody', who cannot enter a 0700 folder of root's
                assertThat(db.dataDirectory().startsWith(locked)).isFalse();
                assertThat(said.toString(StandardCharsets.UTF_8)).contains("out of reach").contains(locked.toString());
            } else {
                assertThat(db.dataDirectory()).isEqualTo(locked.resolve(".sleet/postgres"));
                assertThat(said.size()).isZero();
            }
        }
    }
}
