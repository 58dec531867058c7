package dev.sleet.schema;

import dev.sleet.Db;
import dev.sleet.Sleet;
import dev.sleet.SleetOptions;
import dev.sleet.ddl.SchemaDdl;
import dev.sleet.exec.Row;
import dev.sleet.render.QueryPart;
import dev.sleet.testing.PostgresTest;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.sleet.Sql.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Declaring relations: derived from foreign keys where they say it, clear errors where they do not. */
@PostgresTest
class RelationsTest {

    static final class Authors extends Table {
        static final Authors AUTHORS = new Authors();
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> name = text("name");

        private Authors() {
            super("rel_authors");
        }
    }

    static final class Books extends Table {
        static final Books BOOKS = new Books();
        final Column<Long> id = bigint("id").primaryKey();
        final Column<Long> writerId = bigint("writer_id").references(() -> Authors.AUTHORS.id);
        final Column<Long> reviewerId = bigint("reviewer_id").references(() -> Authors.AUTHORS.id);
        final Column<String> title = text("title");

        private Books() {
            super("rel_books");
        }
    }

    static final class Bios extends Table {
        static final Bios BIOS = new Bios();
        final Column<Long> authorId = bigint("author_id").primaryKey().references(() -> Authors.AUTHORS.id);
        final Column<String> text = text("text");

        private Bios() {
            super("rel_bios");
        }
    }

    static final class Wide extends Table {
        static final Wide WIDE = new Wide();
        final Column<Long> id = bigint("id").primaryKey();
        final Column<Long> authorId = bigint("author_id").references(() -> Authors.AUTHORS.id);

        private Wide() {
            super("rel_wide");
            for (int i = 0; i < 130; i++) {
                integer("c" + i);
            }
        }
    }

    private static final Authors A = Authors.AUTHORS;
    private static final Books B = Books.BOOKS;

    @Test
    void derivedFromForeignKeysWithNamesThatTellThemApart() {
        Relations r = Relations.fromForeignKeys(A, B, Bios.BIOS);
        assertThat(r.of(B).keySet()).containsExactly("writer", "reviewer");
        assertThat(r.of(A).keySet()).containsExactly("relBooksByWriter", "relBooksByReviewer", "relBio");
        assertThat(r.relation(A, "relBio").kind()).isEqualTo(Relation.Kind.ONE);   // the key is the bio's primary key
        assertThat(r.relation(A, "relBooksByWriter").targetColumns()).containsExactly(B.writerId);
        assertThat(r.relation(B, "reviewer").targetColumns()).containsExactly(A.id);
    }

    @Test
    void derivingOneRelationFromTwoKeysAsksForTheColumns() {
        assertThatThrownBy(() -> Relations.builder().many(A, "books", B))
                .isInstanceOf(SchemaDefinitionException.class)
                .hasMessageContaining("rel_books has 2 foreign keys to rel_authors")
                .hasMessageContaining("name the join columns");
        assertThatThrownBy(() -> Relations.builder().one(B, "bio", Bios.BIOS))
                .hasMessageContaining("rel_bios has no foreign key to rel_books");
    }

    @Test
    void declarationsThatCannotWorkFailWhenBuilt() {
        assertThatThrownBy(() -> Relations.builder().many("books", A.id, B.writerId).many("books", A.id, B.reviewerId)
                .build())
                .hasMessageContaining("relation books of rel_authors is declared twice");
        assertThatThrownBy(() -> Relations.builder().one("name", A.id, B.writerId))
                .hasMessageContaining("has the name of its column name");
        assertThatThrownBy(() -> Relations.builder().many("books", List.of(A.id, A.name), List.of(B.writerId)))
                .hasMessageContaining("pairs 2 column(s) of rel_authors with 1 of rel_books");
        assertThatThrownBy(() -> Relations.builder().many("books", List.of(A.name), List.of(B.writerId)))
                .hasMessageContaining("which do not hold the same values");
        assertThatThrownBy(() -> Relations.builder().many("tags", A.id, B.writerId, Bios.BIOS.authorId, A.id))
                .hasMessageContaining("must be columns of one junction table");
    }

    @Test
    void rowsWiderThanAFunctionsArgumentsComeBackWhole(TestDatabase database) {
        Relations relations = Relations.builder().many("wide", A.id, Wide.WIDE.authorId).build();
        try (Db db = Sleet.connect(database.url(), SleetOptions.defaults().relations(relations))) {
            for (QueryPart s : SchemaDdl.create(new Schema(List.of(), List.of(A, Wide.WIDE)))) {
                db.execute(s);
            }
            db.insert(A).set(A.id, 1L).set(A.name, "a").execute();
            StringBuilder values = new StringBuilder("insert into rel_wide values (1, 1");
            for (int i = 0; i < 130; i++) {
                values.append(", ").append(i % 7 == 0 ? "null" : Integer.toString(i));
            }
            db.execute(ctx -> ctx.sql(values.append(')').toString()));

            Row wide = db.query(A).where(eq(A.id, 1L)).with("wide").findMany().get(0).rows("wide").get(0);
            assertThat(wide.size()).isEqualTo(132);
            assertThat(wide.get("c129")).isEqualTo(129);
            assertThat(wide.get("c126")).isNull();
            assertThat(wide.get("author_id")).isEqualTo(1L);
        }
    }
}
