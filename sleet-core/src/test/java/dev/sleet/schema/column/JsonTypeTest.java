package dev.sleet.schema.column;

import dev.sleet.Db;
import dev.sleet.Sleet;
import dev.sleet.ddl.CreateTable;
import dev.sleet.exec.SleetException;
import dev.sleet.schema.Column;
import dev.sleet.schema.Table;
import dev.sleet.testing.PostgresTest;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A stored document that does not fit its Java type fails without echoing the stored value. */
@PostgresTest
class JsonTypeTest {

    /** Preferences with a numeric font size. */
    record Prefs(int fontSize) {
    }

    static final class Profiles extends Table {
        static final Profiles PROFILES = new Profiles();
        final Column<Prefs> prefs = jsonb("prefs", Prefs.class);

        private Profiles() {
            super("profiles");
        }
    }

    @Test
    void aDocumentOfTheWrongShapeNamesThePathButNotTheValue(TestDatabase database) {
        try (Db db = Sleet.connect(database.url())) {
            db.execute(new CreateTable(Profiles.PROFILES));
            db.execute(ctx -> ctx.sql("insert into profiles values ('{\"fontSize\": \"s3cr3t-value\"}')"));

            SleetException e = catchThrowableOfType(SleetException.class,
                    () -> db.select(Profiles.PROFILES.prefs).from(Profiles.PROFILES).fetch());

            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            assertThat(trace.toString()).doesNotContain("s3cr3t");
            assertThat(e.getMessage()).contains("jsonb").contains(Prefs.class.getName()).contains("fontSize");
        }
    }
}
