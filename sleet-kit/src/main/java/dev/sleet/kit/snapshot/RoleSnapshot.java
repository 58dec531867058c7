package dev.sleet.kit.snapshot;

/**
 * A role the schema creates (roles the platform owns are not in the snapshot).
 *
 * @param name       the role name
 * @param login      {@code LOGIN}
 * @param createDb   {@code CREATEDB}
 * @param createRole {@code CREATEROLE}
 * @param inherit    {@code INHERIT}
 * @param bypassRls  {@code BYPASSRLS}
 */
public record RoleSnapshot(String name, boolean login, boolean createDb, boolean createRole, boolean inherit,
                           boolean bypassRls) {
}
