package dev.sleet.bench.northwind;

import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;
import static org.jooq.impl.SQLDataType.BIGINT;
import static org.jooq.impl.SQLDataType.CLOB;

/**
 * {@code northwind.customers_scratch} ({@link ScratchCustomers}) for the jOOQ contender, written as jOOQ's code
 * generator would give it, like the tables of {@link JooqNorthwind}.
 */
public final class JooqScratch {

    /** The table. */
    public static final Table<Record> TABLE = table(name(Northwind.SCHEMA, "customers_scratch"));
    /** Primary key. */
    public static final Field<Long> ID = column("id", BIGINT);
    /** Company name. */
    public static final Field<String> COMPANY_NAME = column("company_name", CLOB);
    /** Contact's name. */
    public static final Field<String> CONTACT_NAME = column("contact_name", CLOB);
    /** Contact's title. */
    public static final Field<String> CONTACT_TITLE = column("contact_title", CLOB);
    /** Street address. */
    public static final Field<String> ADDRESS = column("address", CLOB);
    /** City. */
    public static final Field<String> CITY = column("city", CLOB);
    /** Postal code. */
    public static final Field<String> POSTAL_CODE = column("postal_code", CLOB);
    /** Region. */
    public static final Field<String> REGION = column("region", CLOB);
    /** Country. */
    public static final Field<String> COUNTRY = column("country", CLOB);
    /** Phone. */
    public static final Field<String> PHONE = column("phone", CLOB);
    /** Fax. */
    public static final Field<String> FAX = column("fax", CLOB);
    /** Every column, in table order. */
    public static final Field<?>[] ALL = {ID, COMPANY_NAME, CONTACT_NAME, CONTACT_TITLE, ADDRESS, CITY, POSTAL_CODE,
        REGION, COUNTRY, PHONE, FAX};

    private JooqScratch() {
    }

    private static <T> Field<T> column(String column, org.jooq.DataType<T> type) {
        return field(name(Northwind.SCHEMA, "customers_scratch", column), type);
    }

    /**
     * The values of a customer in the order of {@link #ALL}.
     *
     * @param row the customer
     * @return its values
     */
    public static Object[] values(CustomerRow row) {
        return new Object[] {row.id(), row.companyName(), row.contactName(), row.contactTitle(), row.address(),
            row.city(), row.postalCode(), row.region(), row.country(), row.phone(), row.fax()};
    }
}
