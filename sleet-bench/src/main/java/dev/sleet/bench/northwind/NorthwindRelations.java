package dev.sleet.bench.northwind;

import dev.sleet.schema.Relations;

import static dev.sleet.bench.northwind.Northwind.CUSTOMERS;
import static dev.sleet.bench.northwind.Northwind.EMPLOYEES;
import static dev.sleet.bench.northwind.Northwind.ORDERS;
import static dev.sleet.bench.northwind.Northwind.ORDER_DETAILS;
import static dev.sleet.bench.northwind.Northwind.PRODUCTS;
import static dev.sleet.bench.northwind.Northwind.SUPPLIERS;

/**
 * The relations of the Northwind tables that Sleet's relational queries can load ({@code db.query(ORDERS)
 * .with("details", ...)}); the {@code Db} of {@link NorthwindState} is connected with them.
 */
public final class NorthwindRelations {

    /** Every relation, named from its source's side. */
    public static final Relations RELATIONS = Relations.builder()
            .many("orders", CUSTOMERS.id, ORDERS.customerId)
            .one("manager", EMPLOYEES.recipientId, EMPLOYEES.id)
            .many("reports", EMPLOYEES.id, EMPLOYEES.recipientId)
            .many("orders", EMPLOYEES.id, ORDERS.employeeId)
            .many("products", SUPPLIERS.id, PRODUCTS.supplierId)
            .one("supplier", PRODUCTS.supplierId, SUPPLIERS.id)
            .one("customer", ORDERS.customerId, CUSTOMERS.id)
            .one("employee", ORDERS.employeeId, EMPLOYEES.id)
            .many("details", ORDERS.id, ORDER_DETAILS.orderId)
            .one("order", ORDER_DETAILS.orderId, ORDERS.id)
            .one("product", ORDER_DETAILS.productId, PRODUCTS.id)
            .build();

    private NorthwindRelations() {
    }
}
