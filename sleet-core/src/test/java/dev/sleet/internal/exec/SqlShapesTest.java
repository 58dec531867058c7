package dev.sleet.internal.exec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The shape cache keeps what fits in its character budget, and starts again when it would not. */
class SqlShapesTest {

    private record Sql(String sql) implements SqlShapes.Entry {
    }

    private static Sql text(int length) {
        return new Sql("x".repeat(length));
    }

    @Test
    void keepsEntriesUntilTheirTextsExceedTheBudgetThenStartsAgain() {
        SqlShapes shapes = new SqlShapes();
        int quarter = (int) (SqlShapes.MAX_CHARS / 4);
        for (int i = 0; i < 4; i++) {
            shapes.put(i, text(quarter));
        }
        assertThat(shapes.size()).isEqualTo(4);
        assertThat(shapes.get(0)).isNotNull();

        shapes.put(4, text(quarter));   // would make five quarters: the old ones go

        assertThat(shapes.size()).isEqualTo(1);
        assertThat(shapes.get(0)).isNull();
        assertThat(shapes.get(4).sql()).hasSize(quarter);
    }

    @Test
    void aReplacedEntryNoLongerCountsAgainstTheBudget() {
        SqlShapes shapes = new SqlShapes();
        int third = (int) (SqlShapes.MAX_CHARS / 3);
        shapes.put("a", text(third));
        shapes.put("b", text(third));
        for (int i = 0; i < 10; i++) {
            shapes.put("a", text(third));   // replaced in place, never summed
        }
        assertThat(shapes.size()).isEqualTo(2);
        assertThat(shapes.get("b")).isNotNull();
    }

    @Test
    void aTextLargerThanTheBudgetIsNotKept() {
        SqlShapes shapes = new SqlShapes();
        shapes.put("small", text(10));
        shapes.put("huge", text((int) SqlShapes.MAX_CHARS + 1));
        assertThat(shapes.get("huge")).isNull();
        assertThat(shapes.get("small")).isNotNull();
    }
}
