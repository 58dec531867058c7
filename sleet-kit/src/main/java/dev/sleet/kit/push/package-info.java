/**
 * {@code sleet push}: bring a development database to the Java schema directly, without migration files,
 * refusing changes that lose data unless forced.
 */
package dev.sleet.kit.push;
