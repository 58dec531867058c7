package dev.sleet.kit.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes and reads {@code snapshot.json}. The output is deterministic: fields in declaration order, absent
 * values left out, two-space indentation, {@code \n} line ends and a final newline, so that the same schema
 * gives byte-identical files and diffs of the files in code review show only real changes.
 */
public final class SnapshotJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private SnapshotJson() {
    }

    /**
     * Writes a snapshot as JSON text.
     *
     * @param snapshot the snapshot
     * @return the JSON, ending in a newline
     */
    public static String write(Snapshot snapshot) {
        try {
            return MAPPER.writer(PRINTER).writeValueAsString(snapshot) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a snapshot could not be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads a snapshot.
     *
     * @param json   the JSON text
     * @param source where it came from (a file path), for the error message
     * @return the snapshot
     * @throws IllegalArgumentException naming the source and the problem when the JSON is not a snapshot of a
     *                                  format this release reads
     */
    public static Snapshot read(String json, String source) {
        Snapshot snapshot;
        try {
            snapshot = MAPPER.readValue(json, Snapshot.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": not a Sleet snapshot: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        }
        if (snapshot.version() != Snapshot.FORMAT_VERSION) {
            throw new IllegalArgumentException(source + ": snapshot format " + snapshot.version() + " is not "
                    + Snapshot.FORMAT_VERSION + "; it was written by another Sleet release");
        }
        return snapshot;
    }
}
