package dev.sleet.kit.migrate;

import dev.sleet.kit.migrate.ConcurrentIndexStatement.Create;
import dev.sleet.kit.migrate.ConcurrentIndexStatement.Drop;
import dev.sleet.kit.migrate.ConcurrentIndexStatement.Name;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Recognising the concurrent index statements whose interrupted runs a resumed migration settles. */
class ConcurrentIndexStatementTest {

    @Test
    void readsTheIndexAndTableOfACreateAsPostgreSqlWould() {
        assertThat(ConcurrentIndexStatement.parse("CREATE INDEX CONCURRENTLY Orders_Idx ON Orders (account_id)"))
                .contains(new Create("orders_idx", new Name(null, "orders")));
        assertThat(ConcurrentIndexStatement.parse("-- sleet:no-transaction\n/* why */ create unique index"
                + " concurrently if not exists \"Big \"\"Idx\"\"\" on only app.\"Orders\" using btree (lower(x))"))
                .contains(new Create("Big \"Idx\"", new Name("app", "Orders")));
        // as the generator writes it
        assertThat(ConcurrentIndexStatement.parse("create index concurrently \"items_sku_idx\" on \"public\""
                + ".\"items\" using btree (\"sku\") where \"sku\" <> 'on'"))
                .contains(new Create("items_sku_idx", new Name("public", "items")));
    }

    @Test
    void readsTheIndexOfADrop() {
        assertThat(ConcurrentIndexStatement.parse("DROP INDEX CONCURRENTLY IF EXISTS \"public\".\"items_idx\""))
                .contains(new Drop(new Name("public", "items_idx")));
        assertThat(ConcurrentIndexStatement.parse("drop index concurrently items_idx cascade"))
                .contains(new Drop(new Name(null, "items_idx")));
    }

    @Test
    void leavesOtherStatementsAndUnnamedIndexesAlone() {
        assertThat(ConcurrentIndexStatement.parse("CREATE INDEX CONCURRENTLY ON items (sku)")).isEmpty();
        assertThat(ConcurrentIndexStatement.parse("CREATE INDEX items_idx ON items (sku)")).isEmpty();
        assertThat(ConcurrentIndexStatement.parse("REINDEX INDEX CONCURRENTLY items_idx")).isEmpty();
        assertThat(ConcurrentIndexStatement.parse("DROP INDEX CONCURRENTLY a, b")).isEmpty();
        assertThat(ConcurrentIndexStatement.parse("CREATE INDEX CONCURRENTLY i ON db.app.items (sku)")).isEmpty();
        assertThat(ConcurrentIndexStatement.parse("SELECT 'CREATE INDEX CONCURRENTLY i ON t (c)'")).isEmpty();
    }

    @Test
    void quotesTheNameBackForLookUps() {
        assertThat(new Name("app", "Big \"Idx\"").sql()).isEqualTo("\"app\".\"Big \"\"Idx\"\"\"");
        assertThat(new Name(null, "items").sql()).isEqualTo("\"items\"");
    }
}
