package dev.sleet.kit.migrate;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Splitting migration files at top-level semicolons only. */
class StatementSplitterTest {

    @Test
    void splitsAtTopLevelSemicolonsAndNumbersStatementsAndLines() {
        List<SqlStatement> statements = StatementSplitter.split("""
                -- sleet:no-transaction
                CREATE TABLE a (id int);

                INSERT INTO a VALUES (1); INSERT INTO a VALUES (2)
                """);

        assertThat(statements).containsExactly(
                new SqlStatement(1, 1, "-- sleet:no-transaction\nCREATE TABLE a (id int)"),
                new SqlStatement(2, 4, "INSERT INTO a VALUES (1)"),
                new SqlStatement(3, 4, "INSERT INTO a VALUES (2)"));
    }

    @Test
    void keepsSemicolonsInLiteralsIdentifiersDollarQuotesCommentsAndParentheses() {
        String function = """
                CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $body$
                BEGIN
                    RETURN 1; -- inside the body
                END;
                $body$""";
        List<SqlStatement> statements = StatementSplitter.split(
                "INSERT INTO t VALUES ('a;b', E'c\\';d', $$e;f$$);\n"
                        + "CREATE TABLE \"x;y\" (id int /* ; */);\n"
                        + function + ";\n"
                        + "CREATE RULE r AS ON INSERT TO t DO ALSO (NOTIFY a; NOTIFY b);\n"
                        + "-- trailing comment; not a statement\n");

        assertThat(statements).extracting(SqlStatement::sql).containsExactly(
                "INSERT INTO t VALUES ('a;b', E'c\\';d', $$e;f$$)",
                "CREATE TABLE \"x;y\" (id int /* ; */)",
                function,
                "CREATE RULE r AS ON INSERT TO t DO ALSO (NOTIFY a; NOTIFY b)");
        assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 2, 3, 8);
    }

    @Test
    void fileOfOnlyCommentsAndBlanksHasNoStatements() {
        assertThat(StatementSplitter.split("-- nothing\n/* at all; */\n ;\n;")).isEmpty();
    }
}
