package dev.sleet.bench.northwind;

import java.math.BigDecimal;

/**
 * A row of {@code northwind.order_details}.
 *
 * @param orderId   the order's id
 * @param productId the product's id
 * @param unitPrice price of one unit (scale 4)
 * @param quantity  units ordered
 * @param discount  discount, a fraction (scale 4)
 */
public record OrderDetailRow(long orderId, long productId, BigDecimal unitPrice, int quantity, BigDecimal discount) {
}
