package dev.sleet.internal.expr;

import dev.sleet.Sql;
import dev.sleet.query.Field;
import dev.sleet.schema.Column;
import dev.sleet.schema.Table;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code excluded(column)} is shared per column while kept, and always stands for its own column. */
class ExcludedTest {

    /** More columns than the cache of recent ones holds, so that some share a slot. */
    static final class Wide extends Table {
        final List<Column<String>> all = new ArrayList<>();

        Wide() {
            super("wide");
            for (int i = 0; i < 1_000; i++) {
                all.add(text("c" + i));
            }
        }
    }

    @Test
    void theSameColumnGivesTheSameExpressionWhileItIsKept() {
        Wide wide = new Wide();
        Column<String> c = wide.all.get(7);

        assertThat(Sql.excluded(c)).isSameAs(Sql.excluded(c));
    }

    @Test
    void everyColumnGetsItsOwnHoweverTheyShareSlots() {
        Wide wide = new Wide();
        for (int round = 0; round < 3; round++) {
            for (Column<String> c : wide.all) {
                Field<String> e = Sql.excluded(c);
                assertThat(((Excluded<String>) e).column()).isSameAs(c);
                assertThat(e.name()).isEqualTo(c.name());
                assertThat(e).isEqualTo(new Excluded<>(c));
            }
        }
        assertThat(Sql.excluded(wide.all.get(0))).isNotEqualTo(Sql.excluded(wide.all.get(1)));
    }

    @Test
    void aNullColumnIsRefused() {
        assertThatThrownBy(() -> Sql.excluded(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("column");
    }
}
