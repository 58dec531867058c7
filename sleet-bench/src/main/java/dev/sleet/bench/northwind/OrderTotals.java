package dev.sleet.bench.northwind;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An order with its lines aggregated.
 *
 * @param id        the order's id
 * @param orderDate date of the order
 * @param lines     how many lines it has
 * @param quantity  the sum of their quantities
 * @param total     the sum of quantity × unit price (scale 4)
 */
public record OrderTotals(long id, LocalDate orderDate, long lines, long quantity, BigDecimal total) {
}
