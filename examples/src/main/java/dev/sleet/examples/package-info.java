/**
 * Example schemas written with Sleet's DSL: the blog ({@code users}, {@code posts}), the multi-tenant SaaS
 * ({@code tenants}, {@code users}, {@code projects}, {@code documents}, {@code user_tenants}) and the
 * authors/books schema of the seeds.
 */
package dev.sleet.examples;
