package dev.sleet.internal.query;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading record components for inserts: through one combined handle, or one by one past its limit. */
class RecordReaderTest {

    record Point(long x, String label, Integer y) {
    }

    record Faulty(long id, String name) {
        @Override
        public String name() {
            throw new IllegalArgumentException("no name for " + id);
        }
    }

    record Checked(long id, String name) {
        @Override
        public String name() {
            return sneaky(new IOException("disk gone"));
        }

        @SuppressWarnings("unchecked")
        private static <E extends Throwable> String sneaky(Throwable e) throws E {
            throw (E) e;
        }
    }

    // 0: one by one; 200: one combined handle
    @ParameterizedTest
    @ValueSource(ints = {0, 200})
    void readsTheChosenComponentsInTheChosenOrder(int maxCombined) {
        RecordGetters.Reader reader = new RecordGetters.Reader(Point.class, new int[] {2, 0, 1}, maxCombined);
        Object[] first = reader.read(new Point(7, "seven", null));
        Object[] second = reader.read(new Point(8, "eight", 80));

        assertThat(first).containsExactly(null, 7L, "seven");
        assertThat(second).containsExactly(80, 8L, "eight");
        assertThat(second).isNotSameAs(first);   // the caller owns each array
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 200})
    void anAccessorsUncheckedExceptionGoesThroughAsItIs(int maxCombined) {
        RecordGetters.Reader reader = new RecordGetters.Reader(Faulty.class, new int[] {0, 1}, maxCombined);

        assertThatThrownBy(() -> reader.read(new Faulty(3, "x")))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessage("no name for 3");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 200})
    void anAccessorsCheckedExceptionNamesTheComponent(int maxCombined) {
        RecordGetters.Reader reader = new RecordGetters.Reader(Checked.class, new int[] {0, 1}, maxCombined);

        assertThatThrownBy(() -> reader.read(new Checked(3, "x")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("reading Checked.name failed")
                .hasMessageContaining("disk gone")
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void oneReaderIsKeptPerClassAndOrderOfComponents() {
        int[] order = {2, 0, 1};
        RecordGetters.Reader reader = RecordGetters.reader(Point.class, order);
        order[0] = 1;   // the caller's array is not kept

        assertThat(RecordGetters.reader(Point.class, new int[] {2, 0, 1})).isSameAs(reader);
        assertThat(RecordGetters.reader(Point.class, new int[] {0, 1, 2})).isNotSameAs(reader);
        assertThat(reader.read(new Point(1, "one", 10))).containsExactly(10, 1L, "one");
    }
}
