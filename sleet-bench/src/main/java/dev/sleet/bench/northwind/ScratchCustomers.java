package dev.sleet.bench.northwind;

import dev.sleet.schema.Column;
import dev.sleet.schema.Table;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code northwind.customers_scratch}: a table shaped like {@code northwind.customers} (the same columns, primary
 * key and defaults, made with {@code create table ... (like northwind.customers including all)}) for the workloads
 * that write (W5, W6, W7, W9). Writing here leaves the shared data alone, and the table can be truncated between
 * iterations, which a table other tables reference cannot.
 *
 * <p>Each writing workload {@link #recreate}s it when its trial starts: JMH runs one benchmark method per fork,
 * one after the other, so two workloads never share it at the same time.
 */
public final class ScratchCustomers extends Table {

    /** The table. */
    public static final ScratchCustomers SCRATCH = new ScratchCustomers();

    /** Its qualified name, for hand-written SQL. */
    public static final String NAME = Northwind.SCHEMA + ".customers_scratch";

    /** Its columns, in table order, for hand-written SQL. */
    public static final String COLUMNS = "id, company_name, contact_name, contact_title, address, city, postal_code, "
            + "region, country, phone, fax";

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

    private ScratchCustomers() {
        super(Northwind.SCHEMA, "customers_scratch");
    }

    /**
     * Drops the table if a previous run left it, and creates it empty.
     *
     * @param dataSource where
     * @throws SQLException when the server refuses
     */
    public static void recreate(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("drop table if exists " + NAME);
            st.execute("create table " + NAME + " (like " + Northwind.SCHEMA + ".customers including all)");
        }
    }

    /**
     * Empties the table.
     *
     * @param dataSource where
     * @throws SQLException when the server refuses
     */
    public static void truncate(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("truncate " + NAME);
        }
    }

    /**
     * Drops the table.
     *
     * @param dataSource where
     * @throws SQLException when the server refuses
     */
    public static void drop(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("drop table if exists " + NAME);
        }
    }

    /**
     * Counts the rows of the table, for the self-checks.
     *
     * @param dataSource where
     * @return the row count
     * @throws SQLException when the server refuses
     */
    public static long count(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from " + NAME)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Reads rows of the table, by id, for the self-checks.
     *
     * @param dataSource where
     * @return every row, by id
     * @throws SQLException when the server refuses
     */
    public static List<CustomerRow> rows(DataSource dataSource) throws SQLException {
        return read(dataSource, NAME);
    }

    /**
     * Reads the rows of {@code northwind.customers}, by id: the realistic values the writing workloads insert.
     *
     * @param dataSource where
     * @return every customer, by id
     * @throws SQLException when the server refuses
     */
    public static List<CustomerRow> customers(DataSource dataSource) throws SQLException {
        return read(dataSource, Northwind.SCHEMA + ".customers");
    }

    private static List<CustomerRow> read(DataSource dataSource, String table) throws SQLException {
        List<CustomerRow> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from " + table + " order by id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new CustomerRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), rs.getString(11)));
            }
        }
        return out;
    }

    /**
     * Returns a customer with another id, the other values kept.
     *
     * @param row the customer
     * @param id  the new id
     * @return the copy
     */
    public static CustomerRow withId(CustomerRow row, long id) {
        return new CustomerRow(id, row.companyName(), row.contactName(), row.contactTitle(), row.address(),
                row.city(), row.postalCode(), row.region(), row.country(), row.phone(), row.fax());
    }
}
