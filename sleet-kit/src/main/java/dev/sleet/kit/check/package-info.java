/**
 * Consistency checks of a migrations folder ({@code sleet check}).
 */
package dev.sleet.kit.check;
