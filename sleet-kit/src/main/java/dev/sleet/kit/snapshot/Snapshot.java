package dev.sleet.kit.snapshot;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole schema after a migration, as stored in {@code snapshot.json}: deterministic (the same schema gives
 * byte-identical JSON, see {@link SnapshotJson}), versioned, and linked to the migration before it.
 *
 * @param version the snapshot format version, {@value #FORMAT_VERSION} for this release
 * @param id      the migration id this snapshot belongs to ({@code yyyyMMddHHmmss_name}), or {@code null} for a
 *                snapshot made from code and not yet saved
 * @param parent  the previous migration id, or {@code null} for the first
 * @param schemas PostgreSQL schemas created by the migrations (other than {@code public}), sorted
 * @param enums   enum types, sorted by schema and name
 * @param tables  tables, sorted by schema and name
 * @param roles     roles the schema creates, sorted by name
 * @param sequences standalone sequences, sorted by schema and name
 * @param views     views and materialized views, in declaration order (a view may read the ones before it)
 */
public record Snapshot(int version, String id, String parent,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) List<RoleSnapshot> roles,
                       List<String> schemas, List<EnumSnapshot> enums,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) List<SequenceSnapshot> sequences,
                       List<TableSnapshot> tables,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ViewSnapshot> views) {

    /** The format this release writes and reads. */
    public static final int FORMAT_VERSION = 1;

    /**
     * Copies the lists.
     *
     * @param version the format version
     * @param id      the migration id, or {@code null}
     * @param parent  the parent migration id, or {@code null}
     * @param schemas the schemas
     * @param enums   the enums
     * @param tables  the tables
     * @param roles     the roles; {@code null} reads as none, as in snapshots written before roles existed
     * @param sequences the sequences; {@code null} reads as none
     * @param views     the views; {@code null} reads as none
     */
    @JsonCreator
    public Snapshot {
        roles = roles == null ? List.of() : List.copyOf(roles);
        schemas = List.copyOf(schemas);
        enums = List.copyOf(enums);
        sequences = sequences == null ? List.of() : List.copyOf(sequences);
        tables = List.copyOf(tables);
        views = views == null ? List.of() : List.copyOf(views);
    }

    /**
     * A snapshot of schemas, enums and tables only.
     *
     * @param version the format version
     * @param id      the migration id, or {@code null}
     * @param parent  the parent migration id, or {@code null}
     * @param schemas the schemas
     * @param enums   the enums
     * @param tables  the tables
     */
    public Snapshot(int version, String id, String parent, List<String> schemas, List<EnumSnapshot> enums,
                    List<TableSnapshot> tables) {
        this(version, id, parent, List.of(), schemas, enums, List.of(), tables, List.of());
    }

    /**
     * Returns this snapshot with other tables.
     *
     * @param newTables the tables
     * @return the snapshot
     */
    public Snapshot withTables(List<TableSnapshot> newTables) {
        return new Snapshot(version, id, parent, roles, schemas, enums, sequences, newTables, views);
    }

    /**
     * An empty schema: what a database has before the first migration.
     *
     * @return the empty snapshot
     */
    public static Snapshot empty() {
        return new Snapshot(FORMAT_VERSION, null, null, List.of(), List.of(), List.of());
    }

    /**
     * Returns this snapshot as saved for a migration.
     *
     * @param migrationId the migration id
     * @param parentId    the previous migration id, or {@code null}
     * @return the snapshot with its place in the chain
     */
    public Snapshot withIds(String migrationId, String parentId) {
        return new Snapshot(version, migrationId, parentId, roles, schemas, enums, sequences, tables, views);
    }


    /**
     * Finds a table.
     *
     * @param schema the schema, or {@code null} for the default
     * @param name   the table name
     * @return the table, if present
     */
    public Optional<TableSnapshot> table(String schema, String name) {
        return tables.stream().filter(t -> Objects.equals(t.schema(), schema) && t.name().equals(name)).findFirst();
    }
}
