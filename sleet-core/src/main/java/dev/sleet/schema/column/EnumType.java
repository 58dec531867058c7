package dev.sleet.schema.column;

import dev.sleet.render.RenderContext;
import dev.sleet.schema.PgEnum;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A PostgreSQL enum as its Java enum; values travel as their labels and are cast to the enum type.
 *
 * @param <E> the Java enum
 */
public final class EnumType<E extends Enum<E>> extends ColumnType<E> {

    private final PgEnum<E> pgEnum;

    /**
     * Creates the column type of an enum; use {@link PgEnum#type()} instead.
     *
     * @param pgEnum the enum
     */
    public EnumType(PgEnum<E> pgEnum) {
        super(pgEnum.toString(), pgEnum.javaType());
        this.pgEnum = pgEnum;
    }

    /**
     * Returns the enum this type maps.
     *
     * @return the enum
     */
    public PgEnum<E> pgEnum() {
        return pgEnum;
    }

    @Override
    public void renderTypeName(RenderContext ctx) {
        ctx.visit(pgEnum);
    }

    @Override
    public boolean castsParameters() {
        return true;
    }

    @Override
    protected void bindNonNull(PreparedStatement ps, int index, E value) throws SQLException {
        ps.setString(index, pgEnum.label(value));
    }

    @Override
    public E read(ResultSet rs, int index) throws SQLException {
        String label = rs.getString(index);
        if (label == null) {
            return null;
        }
        E constant = pgEnum.constant(label);
        if (constant == null) {
            throw new SQLException("enum " + pgEnum + " label '" + label + "' has no constant in "
                    + pgEnum.javaType().getName() + "; add it to the Java enum");
        }
        return constant;
    }

    @Override
    public void renderLiteral(E value, RenderContext ctx) {
        ctx.stringLiteral(pgEnum.label(value));
    }

    @Override
    protected Object toArrayElement(E value) {
        return pgEnum.label(value);
    }

    @Override
    public void writeText(E value, StringBuilder out) {
        out.append(pgEnum.label(value));
    }

    @Override
    public E readText(String text) {
        E constant = pgEnum.constant(text);
        if (constant == null) {
            throw new IllegalArgumentException("a label of enum " + pgEnum + " has no constant in "
                    + pgEnum.javaType().getName() + "; add it to the Java enum");
        }
        return constant;
    }
}
