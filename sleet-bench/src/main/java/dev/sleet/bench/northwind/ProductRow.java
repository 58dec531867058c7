package dev.sleet.bench.northwind;

import java.math.BigDecimal;

/**
 * A row of {@code northwind.products}.
 *
 * @param id           key
 * @param name         product name
 * @param qtPerUnit    quantity per unit
 * @param unitPrice    price of one unit (scale 4)
 * @param unitsInStock units in stock
 * @param unitsOnOrder units on order
 * @param reorderLevel reorder level
 * @param discontinued 1 when discontinued, else 0
 * @param supplierId   the supplier's id
 */
public record ProductRow(long id, String name, String qtPerUnit, BigDecimal unitPrice, Integer unitsInStock,
                         Integer unitsOnOrder, Integer reorderLevel, Integer discontinued, long supplierId) {
}
