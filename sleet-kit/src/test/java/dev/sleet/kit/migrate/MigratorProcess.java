package dev.sleet.kit.migrate;

import org.postgresql.ds.PGSimpleDataSource;

import java.nio.file.Path;

/**
 * A migrator in a JVM of its own, for {@link MigratorCrashTest} to kill: {@code MigratorProcess <jdbc-url>
 * <folder>} migrates the folder as {@code sleet migrate} does. It prints {@value #STARTED} on a line of its own
 * just before it connects, so that the test can time its kill from the start of the migration rather than from
 * the start of the JVM.
 */
public final class MigratorProcess {

    /** The line printed before the migration starts. */
    static final String STARTED = "migrating";

    private MigratorProcess() {
    }

    /**
     * Migrates; exits with status 0 when every migration is applied, 1 when the migrator failed.
     *
     * @param args the JDBC URL of the database and the migrations folder
     */
    public static void main(String[] args) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(args[0]);
        Path folder = Path.of(args[1]);
        // Loads the folder reader's classes (Jackson among them), so that kills timed from STARTED land in the
        // migration rather than in class loading.
        MigrationFolder.read(folder);
        System.out.println(STARTED);
        System.out.flush();
        // A failure escapes main: the JVM writes it to stderr (the test's log file) and exits with status 1.
        Migrator.of(dataSource, folder).migrate();
    }
}
