/**
 * Pull: writes the schema of an existing database as Java schema classes, so a project can start from a
 * database Sleet never touched ({@link dev.sleet.kit.pull.JavaSchemaWriter}).
 */
package dev.sleet.kit.pull;
