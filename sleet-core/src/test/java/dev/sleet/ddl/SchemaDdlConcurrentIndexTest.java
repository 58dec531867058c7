package dev.sleet.ddl;

import dev.sleet.Db;
import dev.sleet.Sleet;
import dev.sleet.render.QueryPart;
import dev.sleet.schema.Column;
import dev.sleet.schema.Schema;
import dev.sleet.schema.Table;
import dev.sleet.testing.PostgresTest;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A schema with a concurrently-built index can still be created in one transaction on a new database. */
@PostgresTest
class SchemaDdlConcurrentIndexTest {

    static final class Events extends Table {
        static final Events EVENTS = new Events();
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> kind = text("kind").notNull();

        private Events() {
            super("events");
            index("events_kind_idx").on(kind).concurrently();
        }
    }

    @Test
    void createBuildsConcurrentIndexesPlainlySoTheWholeSchemaFitsInATransaction(TestDatabase database) {
        List<QueryPart> ddl = SchemaDdl.create(new Schema(List.of(), List.of(Events.EVENTS)));
        assertThat(SchemaDdl.toSql(ddl)).doesNotContain("concurrently");

        try (Db db = Sleet.connect(database.url())) {
            db.transaction(tx -> ddl.forEach(tx::execute));

            assertThat(Catalog.indexCount(db, "events_kind_idx")).isEqualTo(1L);
        }
        // the model keeps the option for migrations, which run such statements outside a transaction
        String migrationSql = dev.sleet.render.RenderContext.render(
                new CreateIndex(Events.EVENTS, Events.EVENTS.indexes().get(0)), dev.sleet.render.ParamStyle.INLINE).sql();
        assertThat(migrationSql).startsWith("create index concurrently \"events_kind_idx\"");
    }

    /** Catalog lookups for the assertions. */
    static final class Catalog {
        static long indexCount(Db db, String name) {
            var count = new dev.sleet.fixtures.SqlExpression<>(dev.sleet.schema.column.BigintType.INSTANCE, "n",
                    "(select count(*) from pg_indexes where indexname = "
                            + dev.sleet.render.RenderContext.quoteLiteral(name) + ")");
            return db.select(count).fetchOne().get(count);
        }
    }
}
