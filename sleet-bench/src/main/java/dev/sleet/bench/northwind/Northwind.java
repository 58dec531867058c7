package dev.sleet.bench.northwind;

import dev.sleet.schema.Column;
import dev.sleet.schema.OnDelete;
import dev.sleet.schema.Table;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The Northwind-shaped schema of Drizzle's benchmark, in the PostgreSQL schema {@code northwind}: six tables,
 * read by {@code Schema.of(Northwind.class)}.
 *
 * <p>Keys are plain {@code bigint} primary keys, with no identity or sequence: {@link NorthwindData} writes
 * every id itself (1 to the table's row count), and a workload that inserts takes ids above the largest one.
 * Prices are {@code numeric(10,4)}, so every contender reads the same {@code BigDecimal} scale.
 */
public final class Northwind {

    /** The schema the tables live in. */
    public static final String SCHEMA = "northwind";

    /** {@code northwind.customers}. */
    public static final Customers CUSTOMERS = new Customers();
    /** {@code northwind.employees}: each employee reports to a manager, another employee. */
    public static final Employees EMPLOYEES = new Employees();
    /** {@code northwind.suppliers}. */
    public static final Suppliers SUPPLIERS = new Suppliers();
    /** {@code northwind.products}: each from one supplier. */
    public static final Products PRODUCTS = new Products();
    /** {@code northwind.orders}: of a customer, taken by an employee. */
    public static final Orders ORDERS = new Orders();
    /** {@code northwind.order_details}: the lines of an order, one per product. */
    public static final OrderDetails ORDER_DETAILS = new OrderDetails();

    private Northwind() {
    }

    /** The customers. */
    public static final class Customers extends Table {
        /** Primary key. */
        public final Column<Long> id = bigint("id").primaryKey();
        /** Company name. */
        public final Column<String> companyName = text("company_name").notNull();
        /** Contact's name. */
        public final Column<String> contactName = text("contact_name");
        /** Contact's title. */
        public final Column<String> contactTitle = text("contact_title");
        /** Street address. */
        public final Column<String> address = text("address");
        /** City. */
        public final Column<String> city = text("city");
        /** Postal code. */
        public final Column<String> postalCode = text("postal_code");
        /** Region, often null. */
        public final Column<String> region = text("region");
        /** Country. */
        public final Column<String> country = text("country");
        /** Phone. */
        public final Column<String> phone = text("phone");
        /** Fax, often null. */
        public final Column<String> fax = text("fax");

        private Customers() {
            super(SCHEMA, "customers");
        }
    }

    /** The employees. */
    public static final class Employees extends Table {
        /** Primary key. */
        public final Column<Long> id = bigint("id").primaryKey();
        /** Last name. */
        public final Column<String> lastName = text("last_name").notNull();
        /** First name. */
        public final Column<String> firstName = text("first_name");
        /** Job title. */
        public final Column<String> title = text("title");
        /** Mr., Ms., Dr. ... */
        public final Column<String> titleOfCourtesy = text("title_of_courtesy");
        /** Date of birth. */
        public final Column<LocalDate> birthDate = date("birth_date");
        /** Date of hire. */
        public final Column<LocalDate> hireDate = date("hire_date");
        /** Street address. */
        public final Column<String> address = text("address");
        /** City. */
        public final Column<String> city = text("city");
        /** Postal code. */
        public final Column<String> postalCode = text("postal_code");
        /** Country. */
        public final Column<String> country = text("country");
        /** Home phone. */
        public final Column<String> homePhone = text("home_phone");
        /** Phone extension. */
        public final Column<Integer> extension = integer("extension");
        /** Free text. */
        public final Column<String> notes = text("notes");
        /** The manager (Drizzle's name for it); null for the head of the company. */
        public final Column<Long> recipientId = bigint("recipient_id").references(() -> Northwind.EMPLOYEES.id);

        private Employees() {
            super(SCHEMA, "employees");
        }
    }

    /** The suppliers. */
    public static final class Suppliers extends Table {
        /** Primary key. */
        public final Column<Long> id = bigint("id").primaryKey();
        /** Company name. */
        public final Column<String> companyName = text("company_name").notNull();
        /** Contact's name. */
        public final Column<String> contactName = text("contact_name");
        /** Contact's title. */
        public final Column<String> contactTitle = text("contact_title");
        /** Street address. */
        public final Column<String> address = text("address");
        /** City. */
        public final Column<String> city = text("city");
        /** Region, often null. */
        public final Column<String> region = text("region");
        /** Postal code. */
        public final Column<String> postalCode = text("postal_code");
        /** Country. */
        public final Column<String> country = text("country");
        /** Phone. */
        public final Column<String> phone = text("phone");

        private Suppliers() {
            super(SCHEMA, "suppliers");
        }
    }

    /** The products. */
    public static final class Products extends Table {
        /** Primary key. */
        public final Column<Long> id = bigint("id").primaryKey();
        /** Product name. */
        public final Column<String> name = text("name").notNull();
        /** Quantity per unit, as text ("24 - 12 oz bottles"). */
        public final Column<String> qtPerUnit = text("qt_per_unit");
        /** Price of one unit. */
        public final Column<BigDecimal> unitPrice = numeric("unit_price", 10, 4).notNull();
        /** Units in stock. */
        public final Column<Integer> unitsInStock = integer("units_in_stock");
        /** Units on order. */
        public final Column<Integer> unitsOnOrder = integer("units_on_order");
        /** Stock level that triggers a reorder. */
        public final Column<Integer> reorderLevel = integer("reorder_level");
        /** 1 when discontinued, else 0 (an integer, as in Drizzle's schema). */
        public final Column<Integer> discontinued = integer("discontinued");
        /** The supplier. */
        public final Column<Long> supplierId = bigint("supplier_id").notNull()
                .references(() -> Northwind.SUPPLIERS.id);

        private Products() {
            super(SCHEMA, "products");
            index("products_supplier_id_idx").on(supplierId);
        }
    }

    /** The orders. */
    public static final class Orders extends Table {
        /** Primary key. */
        public final Column<Long> id = bigint("id").primaryKey();
        /** Date of the order. */
        public final Column<LocalDate> orderDate = date("order_date").notNull();
        /** Date by which it is wanted. */
        public final Column<LocalDate> requiredDate = date("required_date");
        /** Date it was shipped; null while it is not. */
        public final Column<LocalDate> shippedDate = date("shipped_date");
        /** Shipper number. */
        public final Column<Integer> shipVia = integer("ship_via");
        /** Freight cost. */
        public final Column<BigDecimal> freight = numeric("freight", 10, 4);
        /** Ship-to name. */
        public final Column<String> shipName = text("ship_name");
        /** Ship-to city. */
        public final Column<String> shipCity = text("ship_city");
        /** Ship-to region, often null. */
        public final Column<String> shipRegion = text("ship_region");
        /** Ship-to postal code. */
        public final Column<String> shipPostalCode = text("ship_postal_code");
        /** Ship-to country. */
        public final Column<String> shipCountry = text("ship_country");
        /** The customer. */
        public final Column<Long> customerId = bigint("customer_id").notNull()
                .references(() -> Northwind.CUSTOMERS.id);
        /** The employee who took it. */
        public final Column<Long> employeeId = bigint("employee_id").notNull()
                .references(() -> Northwind.EMPLOYEES.id);

        private Orders() {
            super(SCHEMA, "orders");
            index("orders_customer_id_idx").on(customerId);
            index("orders_employee_id_idx").on(employeeId);
        }
    }

    /** The order lines. */
    public static final class OrderDetails extends Table {
        /** The order; its lines go with it. */
        public final Column<Long> orderId = bigint("order_id").notNull()
                .references(() -> Northwind.ORDERS.id, OnDelete.CASCADE);
        /** The product. */
        public final Column<Long> productId = bigint("product_id").notNull()
                .references(() -> Northwind.PRODUCTS.id);
        /** Price of one unit at the time of the order. */
        public final Column<BigDecimal> unitPrice = numeric("unit_price", 10, 4).notNull();
        /** Units ordered. */
        public final Column<Integer> quantity = integer("quantity").notNull();
        /** Discount, a fraction (0.05 is 5%). */
        public final Column<BigDecimal> discount = numeric("discount", 10, 4).notNull();

        private OrderDetails() {
            super(SCHEMA, "order_details");
            primaryKey(orderId, productId);
            index("order_details_product_id_idx").on(productId);
        }
    }
}
