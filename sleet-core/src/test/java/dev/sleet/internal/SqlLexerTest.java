package dev.sleet.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The lexer's structure helpers: quotes, literals and comments never count as punctuation. */
class SqlLexerTest {

    @Test
    void aListSplitsAtTopLevelCommasAndEndsAtTheParenthesisThatClosesNothing() {
        assertThat(SqlLexer.splitTopLevel("lower(a, b), \"x, y\" collate \"C\" desc, (c || ',)') text_pattern_ops)"
                + " where d > 0"))
                .containsExactly("lower(a, b)", "\"x, y\" collate \"C\" desc", "(c || ',)') text_pattern_ops");
        assertThat(SqlLexer.splitTopLevel("a, b")).containsExactly("a", "b");
    }

    @Test
    void theClosingParenthesisSkipsLiteralsAndQuotedNames() {
        String sql = "(f(')') || \")\") desc";
        assertThat(SqlLexer.closingParenthesis(sql, 0)).isEqualTo(sql.indexOf(" desc"));
        assertThat(SqlLexer.closingParenthesis("(open", 0)).isEqualTo(-1);
    }

    @Test
    void wordsKeepQuotedNamesWhole() {
        assertThat(SqlLexer.words("  collate \"en US\" text_pattern_ops  desc nulls last"))
                .containsExactly("collate", "\"en US\"", "text_pattern_ops", "desc", "nulls", "last");
    }
}
