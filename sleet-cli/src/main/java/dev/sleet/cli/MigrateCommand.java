package dev.sleet.cli;

import dev.sleet.cli.config.SleetConfig;
import dev.sleet.kit.branch.BranchVerification;
import dev.sleet.kit.branch.Branches;
import dev.sleet.kit.migrate.AppliedMigration;
import dev.sleet.kit.migrate.MigrateResult;
import dev.sleet.kit.migrate.Migrator;
import dev.sleet.kit.migrate.SleetMigrationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import javax.sql.DataSource;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code sleet migrate}: applies the pending migrations, each in its own transaction. */
@Command(name = "migrate", mixinStandardHelpOptions = true, description = "Apply the pending migrations.")
final class MigrateCommand implements Callable<Integer> {

    @Mixin
    ProjectOptions project = new ProjectOptions();

    @Option(names = "--to", paramLabel = "ID", description = "stop after this migration")
    String to;

    @Option(names = "--dry-run", description = "print the SQL that would run, and run nothing")
    boolean dryRun;

    @Option(names = "--all-tenant-schemas",
            description = "schema-per-tenant: apply the migrations to every tenant schema (see --tenant-schemas),"
                    + " one after another, each with its own history; after a failure, running again resumes")
    boolean allTenantSchemas;

    @Option(names = "--tenant-schemas", paramLabel = "GLOB", defaultValue = "tenant_*",
            description = "with --all-tenant-schemas: the schemas that are tenants' (default: ${DEFAULT-VALUE};"
                    + " * matches any characters)")
    String tenantSchemas;

    @Option(names = "--verify-on-branch",
            description = "first apply the pending migrations on a throwaway branch of the database, roll them back"
                    + " and apply them again there; migrate the database only when all of that worked")
    boolean verifyOnBranch;

    @Option(names = "--branch-from", paramLabel = "PARENT",
            description = "with --verify-on-branch: the branch to copy (default: the configured database; on Neon,"
                    + " the project's default branch)")
    String branchFrom;

    @Option(names = "--branch-wait", paramLabel = "SECONDS",
            description = "with --verify-on-branch, local branches: how long to wait for the other sessions of the "
                    + "database to end, since PostgreSQL copies a database only while no one else is connected "
                    + "(default: 10); they are never terminated")
    Long branchWaitSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SleetConfig config = project.load();
        if (verifyOnBranch) {
            if (dryRun || allTenantSchemas) {
                throw new ParameterException(spec.commandLine(), "--verify-on-branch cannot be combined with "
                        + (dryRun ? "--dry-run" : "--all-tenant-schemas"));
            }
            BranchBackend.Sessions sessions = new BranchBackend.Sessions(
                    Duration.ofSeconds(Math.max(0, branchWaitSeconds == null ? 10 : branchWaitSeconds)), false);
            int verified = BranchBackend.with(project, config, sessions, System.out, branches -> verify(branches,
                    config));
            if (verified != 0) {
                return verified;
            }
            System.out.println("Migrating the database:");
        } else if (branchFrom != null || branchWaitSeconds != null) {
            throw new ParameterException(spec.commandLine(), (branchFrom != null ? "--branch-from" : "--branch-wait")
                    + " needs --verify-on-branch");
        }
        if (allTenantSchemas) {
            return project.withMigrationDatabase(config, System.out, ds -> allTenantSchemas(ds, config));
        }
        return project.withMigrationDatabase(config, System.out, ds -> {
            Migrator migrator = Migrator.of(ds, config.out());
            if (dryRun) {
                System.out.println((to == null ? migrator.dryRun() : migrator.dryRun(to)).sql());
                return 0;
            }
            print(System.out, "", to == null ? migrator.migrate() : migrator.migrate(to));
            return 0;
        });
    }

    /** The branch run of {@code --verify-on-branch}; 0 when it passed. The branch is gone either way. */
    private int verify(Branches branches, SleetConfig config) {
        System.out.println("Verifying the pending migrations on a throwaway branch:");
        BranchVerification.Result result;
        try {
            result = BranchVerification.of(branches, config.out()).from(branchFrom).to(to)
                    .log(line -> System.out.println("  " + line)).verify();
        } catch (SleetMigrationException e) {
            System.err.println("sleet migrate: the verification on a branch failed: " + e.getMessage());
            System.err.println("The database was not migrated: nothing was applied to it.");
            return SleetCommand.FAILED;
        }
        if (result.nothingPending()) {
            System.out.println("  nothing to verify: no migration is pending");
            return 0;
        }
        int n = result.applied().applied().size();
        System.out.println("  " + Style.ok("verified:") + " " + n + " migration" + (n == 1 ? " applies, rolls back and applies again"
                : "s apply, roll back and apply again"));
        return 0;
    }

    /** Each tenant schema in name order, with progress; stops at the first failure, which a rerun resumes. */
    private int allTenantSchemas(DataSource ds, SleetConfig config) {
        List<String> schemas = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select nspname from pg_namespace where nspname like ? escape '\\' order by 1")) {
            ps.setString(1, tenantSchemas.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                    .replace('*', '%'));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    schemas.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            System.err.println("sleet migrate: could not list the tenant schemas: " + e.getMessage());
            return SleetCommand.FAILED;
        }
        if (schemas.isEmpty()) {
            System.err.println("sleet migrate: no schema matches " + tenantSchemas + "; create the tenant schemas, or"
                    + " name them with --tenant-schemas GLOB");
            return SleetCommand.FAILED;
        }
        for (int i = 0; i < schemas.size(); i++) {
            String schema = schemas.get(i);
            String progress = "[" + (i + 1) + "/" + schemas.size() + "] " + schema + ": ";
            Migrator migrator = Migrator.of(ds, config.out()).inSchema(schema);
            if (dryRun) {
                System.out.println("-- " + progress);
                System.out.println((to == null ? migrator.dryRun() : migrator.dryRun(to)).sql());
                continue;
            }
            try {
                MigrateResult result = to == null ? migrator.migrate() : migrator.migrate(to);
                System.out.println(progress + (result.applied().isEmpty() ? "up to date"
                        : Style.ok("applied") + " " + result.applied().size() + " migration"
                        + (result.applied().size() == 1 ? "" : "s")));
            } catch (SleetMigrationException e) {
                System.out.println(progress + Style.bad("FAILED"));
                System.err.println("sleet migrate: tenant schema " + schema + ": " + e.getMessage());
                System.err.println("The schemas before it are migrated; its failed migration was rolled back. Fix"
                        + " the cause and run again: it resumes with " + schema + ".");
                return SleetCommand.FAILED;
            }
        }
        if (!dryRun) {
            System.out.println(schemas.size() + " tenant schema" + (schemas.size() == 1 ? "" : "s") + " migrated.");
        }
        return 0;
    }

    /** Prints what a run applied, one line per migration; {@code sleet demo} prints its runs through this too. */
    static void print(PrintStream out, String indent, MigrateResult result) {
        if (result.applied().isEmpty()) {
            out.println(indent + "Nothing to apply: the database is up to date.");
        }
        for (AppliedMigration m : result.applied()) {
            out.println(indent + Style.ok("applied") + " " + m.id() + "_" + m.name() + " (" + m.executionMs() + " ms)"
                    + (m.outOfOrder() ? ", older than the newest applied one" : ""));
        }
    }
}
