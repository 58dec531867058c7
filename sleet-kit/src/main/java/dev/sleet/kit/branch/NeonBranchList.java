package dev.sleet.kit.branch;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The branches of a Neon project as {@code GET /projects/{project_id}/branches} answered them, with lookups by
 * name and id, children, and the mapping to {@link Branch} (a parent's id becomes its name).
 */
final class NeonBranchList {

    /** Neon's {@code init_source} of a branch made with the parent's schema and no rows. */
    static final String SCHEMA_ONLY = "schema-only";

    // A guard against an API that keeps handing out cursors; no project has this many pages of branches.
    private static final int MAX_PAGES = 1000;

    /**
     * One branch object of Neon's answer, reduced to what Sleet uses.
     *
     * @param id          Neon's {@code id}, {@code br-...}
     * @param name        {@code name}
     * @param parentId    {@code parent_id}, or {@code null} for a root branch
     * @param createdAt   {@code created_at}, or {@code last_reset_at} when that is later
     * @param logicalSize {@code logical_size} in bytes, when Neon reported it
     * @param schemaOnly  whether {@code init_source} is {@code schema-only}
     */
    record Row(String id, String name, String parentId, Instant createdAt, OptionalLong logicalSize,
               boolean schemaOnly) {

        static Row of(JsonNode branch) {
            String id = branch.path("id").asText("");
            String name = branch.path("name").asText("");
            if (id.isBlank() || name.isBlank()) {
                throw new BranchException("Neon answered a branch without an id or a name: " + branch
                        + "; check that the API URL points at Neon's API v2");
            }
            String parent = branch.path("parent_id").asText("");
            JsonNode size = branch.path("logical_size");
            Instant created = instant(branch, "created_at", name);
            Instant reset = branch.hasNonNull("last_reset_at") ? instant(branch, "last_reset_at", name) : null;
            return new Row(id, name, parent.isBlank() ? null : parent,
                    reset != null && reset.isAfter(created) ? reset : created,
                    size.isIntegralNumber() ? OptionalLong.of(size.asLong()) : OptionalLong.empty(),
                    isSchemaOnly(branch.path("init_source").asText("")));
        }

        Row asSchemaOnly() {
            return new Row(id, name, parentId, createdAt, logicalSize, true);
        }

        private static Instant instant(JsonNode branch, String field, String name) {
            String text = branch.path(field).asText("");
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw new BranchException("Neon answered branch \"" + name + "\" with " + field + " \"" + text
                        + "\", which is not an ISO-8601 timestamp", e);
            }
        }

        // Neon's guides and answers say "schema-only"; a generated version of the API reference says "schema".
        private static boolean isSchemaOnly(String initSource) {
            return SCHEMA_ONLY.equals(initSource) || "schema".equals(initSource);
        }
    }

    private final String projectId;
    private final List<Row> rows;

    private NeonBranchList(String projectId, List<Row> rows) {
        this.projectId = projectId;
        this.rows = List.copyOf(rows);
    }

    /**
     * Reads all branches of the project, following {@code pagination.next} cursors when Neon pages the list.
     *
     * @param api   the project's API
     * @param doing what the list is for, for messages
     * @return the branches
     */
    static NeonBranchList fetch(NeonApi api, String doing) {
        List<Row> rows = new ArrayList<>();
        String path = api.projectPath("branches");
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            String pagePath = cursor == null ? path : path + "?cursor=" + NeonApi.encode(cursor);
            JsonNode answer = api.get(pagePath, doing);
            JsonNode branches = answer.path("branches");
            branches.forEach(branch -> rows.add(Row.of(branch)));
            String next = answer.path("pagination").path("next").asText("");
            if (branches.isEmpty() || next.isBlank() || next.equals(cursor)) {
                break;
            }
            cursor = next;
        }
        return new NeonBranchList(api.projectId(), rows);
    }

    Optional<Row> byName(String name) {
        return rows.stream().filter(row -> row.name().equals(name)).findFirst();
    }

    /**
     * Returns the named branch, or fails naming it and the branches there are.
     *
     * @param name the branch's name
     * @param role what the branch was wanted for, as in "to reset", for the message
     * @return the branch
     */
    Row require(String name, String role) {
        return byName(name).orElseThrow(() -> new BranchException("No branch \"" + name + "\" " + role
                + " in Neon project \"" + projectId + "\"; its branches are: " + names() + ". Check the name, or "
                + "create the branch first"));
    }

    List<Row> children(Row parent) {
        return rows.stream().filter(row -> parent.id().equals(row.parentId()))
                .sorted(Comparator.comparing(Row::name)).collect(Collectors.toList());
    }

    /** The branches, oldest first (by the time they were created or last reset), then by name. */
    List<Branch> branches() {
        return rows.stream().map(this::toBranch)
                .sorted(Comparator.comparing(Branch::createdAt).thenComparing(Branch::name))
                .collect(Collectors.toList());
    }

    Branch toBranch(Row row) {
        return new Branch(row.name(), row.id(), parentName(row), row.createdAt(), row.logicalSize(),
                row.schemaOnly());
    }

    // A parent missing from the list (Neon should not allow it) keeps its id rather than losing the link.
    private String parentName(Row row) {
        if (row.parentId() == null) {
            return null;
        }
        return rows.stream().filter(other -> other.id().equals(row.parentId())).map(Row::name).findFirst()
                .orElse(row.parentId());
    }

    private String names() {
        return rows.isEmpty() ? "(none)" : rows.stream().map(Row::name).sorted().collect(Collectors.joining(", "));
    }
}
