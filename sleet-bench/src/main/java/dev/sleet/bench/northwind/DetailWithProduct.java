package dev.sleet.bench.northwind;

import java.math.BigDecimal;

/**
 * An order line with its product.
 *
 * @param orderId   the order's id
 * @param productId the product's id
 * @param unitPrice price of one unit (scale 4)
 * @param quantity  units ordered
 * @param discount  discount, a fraction (scale 4)
 * @param product   the product
 */
public record DetailWithProduct(long orderId, long productId, BigDecimal unitPrice, int quantity, BigDecimal discount,
                                ProductRow product) {
}
