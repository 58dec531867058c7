package dev.sleet.bench.northwind.jpa;

import dev.sleet.bench.northwind.CustomerRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** {@code northwind.customers}. */
@Entity
@Table(name = "customers", schema = "northwind")
public class Customer {

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
    protected Customer() {
    }

    /** @return the key */
    public Long getId() {
        return id;
    }

    /** @return the company name */
    public String getCompanyName() {
        return companyName;
    }

    /** @return the contact's name */
    public String getContactName() {
        return contactName;
    }

    /** @return the city */
    public String getCity() {
        return city;
    }

    /** @return the country */
    public String getCountry() {
        return country;
    }

    /**
     * Returns the record the other contenders return.
     *
     * @return the row
     */
    public CustomerRow toRow() {
        return new CustomerRow(id, companyName, contactName, contactTitle, address, city, postalCode, region, country,
                phone, fax);
    }
}
