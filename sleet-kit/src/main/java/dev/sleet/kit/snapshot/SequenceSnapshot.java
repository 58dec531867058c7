package dev.sleet.kit.snapshot;

/**
 * A standalone sequence. Options left {@code null} are PostgreSQL's defaults.
 *
 * @param schema    the schema, or {@code null} for the default
 * @param name      the sequence name
 * @param type      {@code smallint}, {@code integer} or {@code bigint}
 * @param start     {@code START WITH}, or {@code null}
 * @param increment {@code INCREMENT BY}, or {@code null}
 * @param minValue  {@code MINVALUE}, or {@code null}
 * @param maxValue  {@code MAXVALUE}, or {@code null}
 * @param cache     {@code CACHE}, or {@code null}
 * @param cycle     {@code CYCLE}
 * @param comment   the comment, or {@code null}
 */
public record SequenceSnapshot(String schema, String name, String type, Long start, Long increment, Long minValue,
                               Long maxValue, Long cache, boolean cycle, String comment) {

    /**
     * Returns {@code schema.name}, or the bare name.
     *
     * @return the qualified name
     */
    public String qualifiedName() {
        return schema == null ? name : schema + "." + name;
    }
}
