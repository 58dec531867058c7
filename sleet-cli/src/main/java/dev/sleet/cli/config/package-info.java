/**
 * The {@code sleet} command's configuration: {@code sleet.properties}, {@code ${ENV}} substitution and
 * {@code .env} files.
 */
package dev.sleet.cli.config;
