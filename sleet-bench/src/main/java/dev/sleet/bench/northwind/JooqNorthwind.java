package dev.sleet.bench.northwind;

import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.SQLDataType.BIGINT;
import static org.jooq.impl.SQLDataType.INTEGER;
import static org.jooq.impl.SQLDataType.LOCALDATE;
import static org.jooq.impl.SQLDataType.NUMERIC;
import static org.jooq.impl.SQLDataType.CLOB;

/**
 * The Northwind tables for the jOOQ contender, written as jOOQ's code generator would give them: a table and
 * typed, fully qualified fields per column ({@code "northwind"."customers"."id"}). Built from names rather than
 * generated, so the benchmark needs no generation step; the SQL jOOQ renders and binds is the same.
 */
public final class JooqNorthwind {

    private static final DataType<BigDecimal> MONEY = NUMERIC(10, 4);
    /** PostgreSQL's {@code text}: jOOQ's {@code CLOB} renders as {@code text} in the POSTGRES dialect. */
    private static final DataType<String> TEXT = CLOB;

    private JooqNorthwind() {
    }

    private static <T> Field<T> column(String table, String column, DataType<T> type) {
        return field(name(Northwind.SCHEMA, table, column), type);
    }

    /** {@code northwind.customers}. */
    public static final class Customers {
        /** The table. */
        public static final Table<Record> TABLE = table(name(Northwind.SCHEMA, "customers"));
        /** Primary key. */
        public static final Field<Long> ID = column("customers", "id", BIGINT);
        /** Company name. */
        public static final Field<String> COMPANY_NAME = column("customers", "company_name", TEXT);
        /** Contact's name. */
        public static final Field<String> CONTACT_NAME = column("customers", "contact_name", TEXT);
        /** Contact's title. */
        public static final Field<String> CONTACT_TITLE = column("customers", "contact_title", TEXT);
        /** Street address. */
        public static final Field<String> ADDRESS = column("customers", "address", TEXT);
        /** City. */
        public static final Field<String> CITY = column("customers", "city", TEXT);
        /** Postal code. */
        public static final Field<String> POSTAL_CODE = column("customers", "postal_code", TEXT);
        /** Region. */
        public static final Field<String> REGION = column("customers", "region", TEXT);
        /** Country. */
        public static final Field<String> COUNTRY = column("customers", "country", TEXT);
        /** Phone. */
        public static final Field<String> PHONE = column("customers", "phone", TEXT);
        /** Fax. */
        public static final Field<String> FAX = column("customers", "fax", TEXT);
        /** Every column, in table order. */
        public static final Field<?>[] ALL = {ID, COMPANY_NAME, CONTACT_NAME, CONTACT_TITLE, ADDRESS, CITY, POSTAL_CODE,
            REGION, COUNTRY, PHONE, FAX};

        private Customers() {
        }
    }

    /** {@code northwind.employees}. */
    public static final class Employees {
        /** The table. */
        public static final Table<Record> TABLE = table(name(Northwind.SCHEMA, "employees"));
        /** Primary key. */
        public static final Field<Long> ID = column("employees", "id", BIGINT);
        /** Last name. */
        public static final Field<String> LAST_NAME = column("employees", "last_name", TEXT);
        /** First name. */
        public static final Field<String> FIRST_NAME = column("employees", "first_name", TEXT);
        /** Job title. */
        public static final Field<String> TITLE = column("employees", "title", TEXT);
        /** Mr., Ms. ... */
        public static final Field<String> TITLE_OF_COURTESY = column("employees", "title_of_courtesy", TEXT);
        /** Date of birth. */
        public static final Field<LocalDate> BIRTH_DATE = column("employees", "birth_date", LOCALDATE);
        /** Date of hire. */
        public static final Field<LocalDate> HIRE_DATE = column("employees", "hire_date", LOCALDATE);
        /** Street address. */
        public static final Field<String> ADDRESS = column("employees", "address", TEXT);
        /** City. */
        public static final Field<String> CITY = column("employees", "city", TEXT);
        /** Postal code. */
        public static final Field<String> POSTAL_CODE = column("employees", "postal_code", TEXT);
        /** Country. */
        public static final Field<String> COUNTRY = column("employees", "country", TEXT);
        /** Home phone. */
        public static final Field<String> HOME_PHONE = column("employees", "home_phone", TEXT);
        /** Phone extension. */
        public static final Field<Integer> EXTENSION = column("employees", "extension", INTEGER);
        /** Free text. */
        public static final Field<String> NOTES = column("employees", "notes", TEXT);
        /** The manager. */
        public static final Field<Long> RECIPIENT_ID = column("employees", "recipient_id", BIGINT);
        /** Every column, in table order. */
        public static final Field<?>[] ALL = {ID, LAST_NAME, FIRST_NAME, TITLE, TITLE_OF_COURTESY, BIRTH_DATE, HIRE_DATE,
            ADDRESS, CITY, POSTAL_CODE, COUNTRY, HOME_PHONE, EXTENSION, NOTES, RECIPIENT_ID};

        private Employees() {
        }
    }

    /** {@code northwind.suppliers}. */
    public static final class Suppliers {
        /** The table. */
        public static final Table<Record> TABLE = table(name(Northwind.SCHEMA, "suppliers"));
        /** Primary key. */
        public static final Field<Long> ID = column("suppliers", "id", BIGINT);
        /** Company name. */
        public static final Field<String> COMPANY_NAME = column("suppliers", "company_name", TEXT);
        /** Contact's name. */
        public static final Field<String> CONTACT_NAME = column("suppliers", "contact_name", TEXT);
        /** Contact's title. */
        public static final Field<String> CONTACT_TITLE = column("suppliers", "contact_title", TEXT);
        /** Street address. */
        public static final Field<String> ADDRESS = column("suppliers", "address", TEXT);
        /** City. */
        public static final Field<String> CITY = column("suppliers", "city", TEXT);
        /** Region. */
        public static final Field<String> REGION = column("suppliers", "region", TEXT);
        /** Postal code. */
        public static final Field<String> POSTAL_CODE = column("suppliers", "postal_code", TEXT);
        /** Country. */
        public static final Field<String> COUNTRY = column("suppliers", "country", TEXT);
        /** Phone. */
        public static final Field<String> PHONE = column("suppliers", "phone", TEXT);
        /** Every column, in table order. */
        public static final Field<?>[] ALL = {ID, COMPANY_NAME, CONTACT_NAME, CONTACT_TITLE, ADDRESS, CITY, REGION,
            POSTAL_CODE, COUNTRY, PHONE};

        private Suppliers() {
        }
    }

    /** {@code northwind.products}. */
    public static final class Products {
        /** The table. */
        public static final Table<Record> TABLE = table(name(Northwind.SCHEMA, "products"));
        /** Primary key. */
        public static final Field<Long> ID = column("products", "id", BIGINT);
        /** Product name. */
        public static final Field<String> NAME = column("products", "name", TEXT);
        /** Quantity per unit. */
        public static final Field<String> QT_PER_UNIT = column("products", "qt_per_unit", TEXT);
        /** Price of one unit. */
        public static final Field<BigDecimal> UNIT_PRICE = column("products", "unit_price", MONEY);
        /** Units in stock. */
        public static final Field<Integer> UNITS_IN_STOCK = column("products", "units_in_stock", INTEGER);
        /** Units on order. */
        public static final Field<Integer> UNITS_ON_ORDER = column("products", "units_on_order", INTEGER);
        /** Reorder level. */
        public static final Field<Integer> REORDER_LEVEL = column("products", "reorder_level", INTEGER);
        /** 1 when discontinued. */
        public static final Field<Integer> DISCONTINUED = column("products", "discontinued", INTEGER);
        /** The supplier. */
        public static final Field<Long> SUPPLIER_ID = column("products", "supplier_id", BIGINT);
        /** Every column, in table order. */
        public static final Field<?>[] ALL = {ID, NAME, QT_PER_UNIT, UNIT_PRICE, UNITS_IN_STOCK, UNITS_ON_ORDER,
            REORDER_LEVEL, DISCONTINUED, SUPPLIER_ID};

        private Products() {
        }
    }

    /** {@code northwind.orders}. */
    public static final class Orders {
        /** The table. */
        public static final Table<Record> TABLE = table(name(Northwind.SCHEMA, "orders"));
        /** Primary key. */
        public static final Field<Long> ID = column("orders", "id", BIGINT);
        /** Date of the order. */
        public static final Field<LocalDate> ORDER_DATE = column("orders", "order_date", LOCALDATE);
        /** Date by which it is wanted. */
        public static final Field<LocalDate> REQUIRED_DATE = column("orders", "required_date", LOCALDATE);
        /** Date it was shipped. */
        public static final Field<LocalDate> SHIPPED_DATE = column("orders", "shipped_date", LOCALDATE);
        /** Shipper number. */
        public static final Field<Integer> SHIP_VIA = column("orders", "ship_via", INTEGER);
        /** Freight cost. */
        public static final Field<BigDecimal> FREIGHT = column("orders", "freight", MONEY);
        /** Ship-to name. */
        public static final Field<String> SHIP_NAME = column("orders", "ship_name", TEXT);
        /** Ship-to city. */
        public static final Field<String> SHIP_CITY = column("orders", "ship_city", TEXT);
        /** Ship-to region. */
        public static final Field<String> SHIP_REGION = column("orders", "ship_region", TEXT);
        /** Ship-to postal code. */
        public static final Field<String> SHIP_POSTAL_CODE = column("orders", "ship_postal_code", TEXT);
        /** Ship-to country. */
        public static final Field<String> SHIP_COUNTRY = column("orders", "ship_country", TEXT);
        /** The customer. */
        public static final Field<Long> CUSTOMER_ID = column("orders", "customer_id", BIGINT);
        /** The employee. */
        public static final Field<Long> EMPLOYEE_ID = column("orders", "employee_id", BIGINT);
        /** Every column, in table order. */
        public static final Field<?>[] ALL = {ID, ORDER_DATE, REQUIRED_DATE, SHIPPED_DATE, SHIP_VIA, FREIGHT, SHIP_NAME,
            SHIP_CITY, SHIP_REGION, SHIP_POSTAL_CODE, SHIP_COUNTRY, CUSTOMER_ID, EMPLOYEE_ID};

        private Orders() {
        }
    }

    /** {@code northwind.order_details}. */
    public static final class OrderDetails {
        /** The table. */
        public static final Table<Record> TABLE = table(name(Northwind.SCHEMA, "order_details"));
        /** The order. */
        public static final Field<Long> ORDER_ID = column("order_details", "order_id", BIGINT);
        /** The product. */
        public static final Field<Long> PRODUCT_ID = column("order_details", "product_id", BIGINT);
        /** Price of one unit. */
        public static final Field<BigDecimal> UNIT_PRICE = column("order_details", "unit_price", MONEY);
        /** Units ordered. */
        public static final Field<Integer> QUANTITY = column("order_details", "quantity", INTEGER);
        /** Discount. */
        public static final Field<BigDecimal> DISCOUNT = column("order_details", "discount", MONEY);
        /** Every column, in table order. */
        public static final Field<?>[] ALL = {ORDER_ID, PRODUCT_ID, UNIT_PRICE, QUANTITY, DISCOUNT};

        private OrderDetails() {
        }
    }
}
