package dev.sleet.query;

import dev.sleet.internal.SqlLexer;
import dev.sleet.internal.expr.ValueTypes;
import dev.sleet.render.QueryPart;
import dev.sleet.render.RenderContext;
import dev.sleet.schema.Column;
import dev.sleet.schema.Table;
import dev.sleet.schema.column.BooleanType;
import dev.sleet.schema.column.ColumnType;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL written by hand, made from a template: {@code sql("{0} ~* {1}", USERS.email, pattern)}. In the template,
 * {@code {n}} stands for the n-th argument: a {@link Column} or {@link Table} renders as its quoted name, any
 * other query part (an expression, a subquery, {@code Sql.identifier(...)}) renders in place, and every other
 * argument is bound as a parameter. The template text itself goes into SQL as written: it must be code the
 * developer wrote, never input. {@code {n}} inside string literals, quoted identifiers and comments is text.
 *
 * <p>A raw fragment is a condition ({@code where(sql(...))}) and also a whole statement for
 * {@code db.execute(sql(...))} and {@code db.fetch(sql(...))}.
 */
public final class RawSql implements Condition {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    // Templates are code, so an application has a bounded set of them; parsing one is lexing it, so each is
    // parsed once. The bound keeps templates built at run time (which they should not be) from growing it.
    private static final int MAX_TEMPLATES = 4_096;
    private static final Map<String, Template> TEMPLATES = new ConcurrentHashMap<>();

    private final List<Object> chunks;    // String: template text; QueryPart: an argument

    private RawSql(List<Object> chunks) {
        this.chunks = List.copyOf(chunks);
    }

    /**
     * Parses a template and checks it against its arguments: every {@code {n}} must name an argument, and
     * every argument must be used.
     *
     * @param template the SQL template
     * @param args     the arguments
     * @return the fragment
     * @throws IllegalArgumentException when placeholders and arguments do not match
     */
    public static RawSql of(String template, Object... args) {
        if (template == null || template.isBlank()) {
            throw new IllegalArgumentException("sql(...) needs SQL text");
        }
        Template parsed = TEMPLATES.get(template);
        if (parsed == null) {
            parsed = Template.parse(template);
            if (TEMPLATES.size() < MAX_TEMPLATES) {
                TEMPLATES.putIfAbsent(template, parsed);
            }
        }
        List<Object> chunks = new ArrayList<>(parsed.pieces().size());
        for (Object piece : parsed.pieces()) {
            if (piece instanceof Integer index) {
                if (index >= args.length) {
                    throw new IllegalArgumentException("sql(\"" + template + "\"): {" + index + "} has no argument; "
                            + args.length + " were given");
                }
                chunks.add(argument(args[index]));
            } else {
                chunks.add(piece);
            }
        }
        if (parsed.used().cardinality() != args.length) {
            int unused = parsed.used().nextClearBit(0);
            throw new IllegalArgumentException("sql(\"" + template + "\"): argument " + unused
                    + " is not used; reference it as {" + unused + "}");
        }
        return new RawSql(chunks);
    }

    /**
     * A parsed template: its text pieces (String) and argument references (Integer, in order), and which
     * arguments it references. Immutable once made.
     */
    private record Template(List<Object> pieces, BitSet used) {

        static Template parse(String template) {
            List<Object> pieces = new ArrayList<>();
            BitSet used = new BitSet();
            StringBuilder text = new StringBuilder();
            for (SqlLexer.Segment segment : SqlLexer.segments(template)) {
                if (!segment.code()) {
                    text.append(segment.text());
                    continue;
                }
                Matcher m = PLACEHOLDER.matcher(segment.text());
                int last = 0;
                while (m.find()) {
                    int index = m.group(1).length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(m.group(1));
                    text.append(segment.text(), last, m.start());
                    if (text.length() > 0) {
                        pieces.add(text.toString());
                        text.setLength(0);
                    }
                    pieces.add(index);
                    if (index != Integer.MAX_VALUE) {
                        used.set(index);
                    }
                    last = m.end();
                }
                text.append(segment.text(), last, segment.text().length());
            }
            if (text.length() > 0) {
                pieces.add(text.toString());
            }
            return new Template(List.copyOf(pieces), used);
        }
    }

    /**
     * Wraps text as it is, without placeholders ({@code Sql.raw}).
     *
     * @param sql the SQL text
     * @return the fragment
     */
    public static RawSql verbatim(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("raw(...) needs SQL text");
        }
        return new RawSql(List.of(sql));
    }

    private static QueryPart argument(Object arg) {
        if (arg instanceof QueryPart part) {
            return part;   // columns, tables, expressions, subqueries, identifiers render themselves
        }
        ColumnType<Object> type = ValueTypes.forValue(arg);
        return ctx -> ctx.bind(arg, type);
    }

    @Override
    public ColumnType<Boolean> type() {
        return BooleanType.INSTANCE;
    }

    @Override
    public String name() {
        return "sql";
    }

    @Override
    public void render(RenderContext ctx) {
        for (Object chunk : chunks) {
            if (chunk instanceof String text) {
                ctx.rawSql(text);
            } else {
                ctx.visit((QueryPart) chunk);
            }
        }
    }

    @Override
    public String toString() {
        return RenderContext.render(this, dev.sleet.render.ParamStyle.POSITIONAL).sql();
    }
}
