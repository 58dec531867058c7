package dev.sleet.kit.diff;

import dev.sleet.kit.ddl.MigrationSql;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.SnapshotBuilder;
import dev.sleet.schema.Column;
import dev.sleet.schema.Schema;
import dev.sleet.schema.Table;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order of changes and the treatment of renames with and without hints. The catalog effects of these
 * changes are checked on a real database by {@code MigrationSqlRoundTripTest}.
 */
class DiffOrderTest {

    static final class Parent extends Table {
        final Column<Long> id = bigint("id").primaryKey();

        Parent() {
            super("parent");
        }
    }

    private static Snapshot snap(Table... tables) {
        return SnapshotBuilder.of(new Schema(List.of(), List.of(tables)));
    }

    private static Snapshot parentAndChild() {
        Parent p = new Parent();
        return snap(new Table("child") {
            final Column<Long> id = bigint("id").primaryKey();
            final Column<Long> parentId = bigint("parent_id").references(() -> p.id);

            {
                index("child_parent_idx").on(parentId);
            }
        }, p);
    }

    @Test
    void createsTablesThenIndexesThenForeignKeysAndDropsInReverse() {
        List<Change> up = Diff.between(Snapshot.empty(), parentAndChild());
        assertThat(up).extracting(c -> c.getClass().getSimpleName())
                .containsExactly("CreateTable", "CreateTable", "CreateIndex", "AddForeignKey");

        List<Change> drop = Diff.between(parentAndChild(), Snapshot.empty());
        assertThat(drop).extracting(c -> c.getClass().getSimpleName())
                .containsExactly("DropForeignKey", "DropIndex", "DropTable", "DropTable");
        assertThat(MigrationSql.down(drop)).startsWith("-- table \"parent\" is created again without its rows");
    }

    @Test
    void scriptsEndEachStatementWithASemicolonAndNewline() {
        List<Change> changes = Diff.between(Snapshot.empty(), snap(new Table("t") {
            final Column<Long> id = bigint("id").primaryKey();
        }));
        assertThat(MigrationSql.up(changes)).isEqualTo("""
                create table "t" (
                  "id" bigint not null,
                  constraint "t_pkey" primary key ("id")
                );
                """);
        assertThat(MigrationSql.down(changes)).isEqualTo("drop table \"t\";\n");
    }

    @Test
    void aDroppedAndAnAddedColumnWithoutHintAreADropAndAnAddAndAPossibleRename() {
        Snapshot before = snap(new Table("t") {
            final Column<String> mail = text("mail");
        });
        Snapshot after = snap(new Table("t") {
            final Column<String> email = text("email");
            final Column<Integer> age = integer("age");
        });
        assertThat(Diff.between(before, after)).extracting(c -> c.getClass().getSimpleName())
                .containsExactly("DropColumn", "AddColumn", "AddColumn");
        List<PossibleRename> renames = Diff.possibleRenames(before, after);
        assertThat(renames).containsExactly(new PossibleRename(PossibleRename.Kind.COLUMN, new TableName(null, "t"),
                "mail", "email"));
        assertThat(renames.get(0).hint()).contains(".renamedFrom(\"mail\")").contains("\"t\".\"email\"");
        assertThat(MigrationSql.down(Diff.between(before, after)))
                .contains("-- column \"t\".\"mail\" is added again empty: its data is not restored\n"
                        + "alter table \"t\" add column \"mail\" text;");
    }

    @Test
    void aHintedRenameIsARenameFollowedByTheAlterationsOfTheRenamedColumn() {
        Snapshot before = snap(new Table("t") {
            final Column<String> mail = text("mail");
        });
        Snapshot after = snap(new Table("t") {
            final Column<String> email = text("email").notNull().renamedFrom("mail");
        });
        List<Change> changes = Diff.between(before, after);
        assertThat(changes).containsExactly(new Change.RenameColumn(new TableName(null, "t"), "mail", "email"),
                new Change.AlterNullability(new TableName(null, "t"), "email", true));
        assertThat(Diff.possibleRenames(before, after)).isEmpty();
        assertThat(MigrationSql.down(changes)).isEqualTo("""
                alter table "t" alter column "email" drop not null;
                alter table "t" rename column "email" to "mail";
                """);
    }

    @Test
    void aTableRenameWithoutHintIsAPossibleRenameNamingTheHint() {
        Snapshot before = snap(new Table("people") {
            final Column<Long> id = bigint("id");
        });
        Snapshot after = snap(new Table("persons") {
            final Column<Long> id = bigint("id");
        });
        assertThat(Diff.between(before, after)).extracting(c -> c.getClass().getSimpleName())
                .containsExactly("DropTable", "CreateTable");
        assertThat(Diff.possibleRenames(before, after)).singleElement()
                .satisfies(r -> assertThat(r.hint()).contains("renamedFrom(\"people\")"));
    }

    @Test
    void identifiersAreQuotedEvenWhenTheyNeedEscaping() {
        List<Change> changes = Diff.between(Snapshot.empty(), snap(new Table("we\"ird") {
            final Column<String> name = text("na\"me").defaultValue("it's");
        }));
        assertThat(MigrationSql.up(changes)).contains("create table \"we\"\"ird\"")
                .contains("\"na\"\"me\" text default 'it''s'");
    }

    @Test
    void aConcurrentIndexOnAnExistingTableNeedsAMigrationWithoutTransactionButNotOnANewTable() {
        Snapshot before = snap(new Table("t") {
            final Column<String> name = text("name");
        });
        Snapshot after = snap(new Table("t") {
            final Column<String> name = text("name");

            {
                index("t_name_idx").on(name).concurrently();
            }
        });
        List<Change> changes = Diff.between(before, after);
        assertThat(changes).singleElement().satisfies(c -> assertThat(MigrationSql.requiresNoTransaction(c)).isTrue());
        assertThat(MigrationSql.up(changes)).startsWith("create index concurrently \"t_name_idx\"");
        assertThat(MigrationSql.down(changes)).isEqualTo("drop index concurrently \"t_name_idx\";\n");
        assertThat(Diff.between(Snapshot.empty(), after)).noneMatch(MigrationSql::requiresNoTransaction);
    }
}
