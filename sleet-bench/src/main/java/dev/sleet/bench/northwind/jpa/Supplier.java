package dev.sleet.bench.northwind.jpa;

import dev.sleet.bench.northwind.SupplierRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** {@code northwind.suppliers}. */
@Entity
@Table(name = "suppliers", schema = "northwind")
public class Supplier {

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
    private String region;
    @Column(name = "postal_code")
    private String postalCode;
    private String country;
    private String phone;

    /** For Hibernate. */
    protected Supplier() {
    }

    /** @return the key */
    public Long getId() {
        return id;
    }

    /** @return the company name */
    public String getCompanyName() {
        return companyName;
    }

    /**
     * Returns the record the other contenders return.
     *
     * @return the row
     */
    public SupplierRow toRow() {
        return new SupplierRow(id, companyName, contactName, contactTitle, address, city, region, postalCode, country,
                phone);
    }
}
