package dev.sleet.bench.northwind.jpa;

import dev.sleet.bench.northwind.CustomerRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * {@code northwind.customers_scratch}, the table the writing workloads insert into and upsert: a customer as
 * Hibernate's users write one, made with {@code new} and handed to {@code persist} or {@code merge}. The id is
 * assigned, as in {@code northwind.customers}.
 */
@Entity
@Table(name = "customers_scratch", schema = "northwind")
public class ScratchCustomer {

    @Id
    private Long id;
    @Column(name = "company_name", nullable = false)
    private String companyName;
    @Column(name = "contact_name")
    private String contactName;
    @Column(name = "contact_title")
    private String contactTitle;
    private String address;
    private String city;
    @Column(name = "postal_code")
    private String postalCode;
    private String region;
    private String country;
    private String phone;
    private String fax;

    /** For Hibernate. */
    protected ScratchCustomer() {
    }

    /**
     * A new customer with the values of a row.
     *
     * @param row the values, id included
     */
    public ScratchCustomer(CustomerRow row) {
        this.id = row.id();
        this.companyName = row.companyName();
        this.contactName = row.contactName();
        this.contactTitle = row.contactTitle();
        this.address = row.address();
        this.city = row.city();
        this.postalCode = row.postalCode();
        this.region = row.region();
        this.country = row.country();
        this.phone = row.phone();
        this.fax = row.fax();
    }

    /**
     * Returns the key.
     *
     * @return the id
     */
    public Long getId() {
        return id;
    }

    /**
     * Returns the company name.
     *
     * @return the name
     */
    public String getCompanyName() {
        return companyName;
    }

    /**
     * Returns the entity as the record the other contenders return.
     *
     * @return the row
     */
    public CustomerRow toRow() {
        return new CustomerRow(id, companyName, contactName, contactTitle, address, city, postalCode, region, country,
                phone, fax);
    }
}
