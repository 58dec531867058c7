package dev.sleet.internal.expr;

import dev.sleet.query.Field;
import dev.sleet.render.QueryPart;
import dev.sleet.schema.column.TextType;
import dev.sleet.schema.column.TsqueryType;
import dev.sleet.schema.column.TsvectorType;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The full-text search functions: {@code to_tsvector}, {@code to_tsquery}, {@code plainto_tsquery},
 * {@code websearch_to_tsquery}, {@code ts_rank}.
 *
 * <p>A text search configuration ({@code english}, {@code simple}, {@code myschema.my_config}) is written as a
 * {@code 'name'::regconfig} literal after checking that it is a plain (optionally schema-qualified) name: a
 * constant, unlike a parameter, lets PostgreSQL match {@code to_tsvector('english', body)} with an expression
 * index of the same text. Query text is always bound.
 */
public final class TextSearch {

    private static final Pattern CONFIG = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)?");

    private TextSearch() {
    }

    /**
     * {@code to_tsvector(['config',] document)}.
     *
     * @param config   the configuration, or {@code null} for {@code default_text_search_config}
     * @param document the text
     * @return the tsvector expression
     */
    public static Field<String> toTsvector(String config, Field<String> document) {
        Objects.requireNonNull(document, "document");
        return new FunctionCall<>("to_tsvector", TsvectorType.INSTANCE, arguments(config, document), false);
    }

    /**
     * A query parser call: {@code to_tsquery}, {@code plainto_tsquery} or {@code websearch_to_tsquery}.
     *
     * @param function the function, from Sleet's own code
     * @param config   the configuration, or {@code null} for the default
     * @param query    the query text, bound
     * @return the tsquery expression
     */
    public static Field<String> toTsquery(String function, String config, String query) {
        if (query == null) {
            throw new IllegalArgumentException(function + " needs query text, got null");
        }
        return new FunctionCall<>(function, TsqueryType.INSTANCE,
                arguments(config, new Val<>(query, TextType.INSTANCE)), false);
    }

    private static List<QueryPart> arguments(String config, QueryPart argument) {
        return config == null ? List.of(argument) : List.of(checkedConfig(config), argument);
    }

    private static QueryPart checkedConfig(String config) {
        if (!CONFIG.matcher(config).matches()) {
            throw new IllegalArgumentException("'" + config + "' is not a text search configuration name; use a "
                    + "name such as english or simple (see \\dF in psql), optionally schema-qualified");
        }
        return new CheckedLiteral(config, "regconfig");
    }
}
