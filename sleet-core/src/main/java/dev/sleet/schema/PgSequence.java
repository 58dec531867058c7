package dev.sleet.schema;

import dev.sleet.internal.expr.FunctionCall;
import dev.sleet.query.Field;
import dev.sleet.render.ParamStyle;
import dev.sleet.render.QueryPart;
import dev.sleet.render.RenderContext;
import dev.sleet.schema.column.BigintType;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A standalone PostgreSQL sequence, declared as a public static field of a schema class so the migrations kit
 * creates, alters and drops it like a table. Immutable: each method returns a new declaration.
 *
 * <pre>{@code
 * public static final PgSequence INVOICE_NUMBER = PgSequence.of("invoice_number")
 *         .options(IdentityOptions.startWith(1000).incrementBy(1))
 *         .comment("numbers printed on invoices; gaps are allowed");
 *
 * Long next = db.select(INVOICE_NUMBER.nextVal()).fetchOne().get(0, Long.class);
 * }</pre>
 *
 * <p>An identity column ({@code generatedAlwaysAsIdentity()}) owns its own sequence; declare a standalone one
 * only for numbers shared by several tables or drawn outside inserts.
 */
public final class PgSequence implements QueryPart {

    private static final Set<String> TYPES = Set.of("smallint", "integer", "bigint");

    private final String schema;
    private final String name;
    private final String dataType;
    private final IdentityOptions options;
    private final String comment;

    private PgSequence(String schema, String name, String dataType, IdentityOptions options, String comment) {
        this.schema = schema;
        this.name = name;
        this.dataType = dataType;
        this.options = options;
        this.comment = comment;
    }

    /**
     * Declares a {@code bigint} sequence in the default schema with PostgreSQL's default options.
     *
     * @param name the sequence name
     * @return the sequence
     */
    public static PgSequence of(String name) {
        return of(null, name);
    }

    /**
     * Declares a {@code bigint} sequence in a PostgreSQL schema.
     *
     * @param schema the schema, or {@code null} for the default
     * @param name   the sequence name
     * @return the sequence
     */
    public static PgSequence of(String schema, String name) {
        Naming.checkIdentifier(name, () -> "sequence name");
        if (schema != null) {
            Naming.checkIdentifier(schema, () -> "schema of sequence " + name);
        }
        return new PgSequence(schema, name, "bigint", IdentityOptions.DEFAULTS, null);
    }

    /**
     * Returns this sequence with other options (start, increment, bounds, cache, cycle).
     *
     * @param options the options; unset ones keep PostgreSQL's defaults
     * @return the new declaration
     */
    public PgSequence options(IdentityOptions options) {
        return new PgSequence(schema, name, dataType, Objects.requireNonNull(options, "options"), comment);
    }

    /**
     * Returns this sequence with another value type ({@code AS smallint|integer|bigint}).
     *
     * @param type {@code smallint}, {@code integer} or {@code bigint}
     * @return the new declaration
     * @throws SchemaDefinitionException for any other type
     */
    public PgSequence as(String type) {
        if (!TYPES.contains(type)) {
            throw new SchemaDefinitionException("sequence \"" + qualifiedName() + "\": type \"" + type
                    + "\" is not one of smallint, integer, bigint");
        }
        return new PgSequence(schema, name, type, options, comment);
    }

    /**
     * Returns this sequence with a comment ({@code COMMENT ON SEQUENCE}).
     *
     * @param text the comment, or {@code null} for none
     * @return the new declaration
     */
    public PgSequence comment(String text) {
        return new PgSequence(schema, name, dataType, options, text);
    }

    /**
     * Returns {@code nextval('sequence')} as a field, for a select or an insert value.
     *
     * @return the next value of the sequence
     */
    public Field<Long> nextVal() {
        String regclass = RenderContext.render(this, ParamStyle.INLINE).sql();
        QueryPart argument = ctx -> ctx.stringLiteral(regclass).sql("::regclass");
        return new FunctionCall<>("nextval", BigintType.INSTANCE, List.of(argument), false);
    }

    /**
     * Returns the PostgreSQL schema, or {@code null} for the default.
     *
     * @return the schema
     */
    public String schema() {
        return schema;
    }

    /**
     * Returns the sequence name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Returns the value type: {@code smallint}, {@code integer} or {@code bigint}.
     *
     * @return the type
     */
    public String dataType() {
        return dataType;
    }

    /**
     * Returns the sequence options.
     *
     * @return the options
     */
    public IdentityOptions options() {
        return options;
    }

    /**
     * Returns the comment, or {@code null}.
     *
     * @return the comment
     */
    public String comment() {
        return comment;
    }

    /**
     * Returns {@code schema.name}, or the bare name.
     *
     * @return the name for messages
     */
    public String qualifiedName() {
        return schema == null ? name : schema + "." + name;
    }

    @Override
    public void render(RenderContext ctx) {
        ctx.qualified(schema, name);
    }

    @Override
    public String toString() {
        return "sequence " + qualifiedName();
    }
}
