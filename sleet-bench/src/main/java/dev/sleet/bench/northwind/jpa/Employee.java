package dev.sleet.bench.northwind.jpa;

import dev.sleet.bench.northwind.EmployeeRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** {@code northwind.employees}, with the manager as a lazy self reference. */
@Entity
@Table(name = "employees", schema = "northwind")
public class Employee {

    @Id
    private Long id;
    @Column(name = "last_name", nullable = false)
    private String lastName;
    @Column(name = "first_name")
    private String firstName;
    private String title;
    @Column(name = "title_of_courtesy")
    private String titleOfCourtesy;
    @Column(name = "birth_date")
    private LocalDate birthDate;
    @Column(name = "hire_date")
    private LocalDate hireDate;
    private String address;
    private String city;
    @Column(name = "postal_code")
    private String postalCode;
    private String country;
    @Column(name = "home_phone")
    private String homePhone;
    private Integer extension;
    private String notes;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "recipient_id")
    private Employee manager;

    /** For Hibernate. */
    protected Employee() {
    }

    /** @return the key */
    public Long getId() {
        return id;
    }

    /** @return the last name */
    public String getLastName() {
        return lastName;
    }

    /** @return the manager (a proxy until read), or null */
    public Employee getManager() {
        return manager;
    }

    /**
     * Returns the record the other contenders return; reads the manager's id, which a proxy knows.
     *
     * @return the row
     */
    public EmployeeRow toRow() {
        return new EmployeeRow(id, lastName, firstName, title, titleOfCourtesy, birthDate, hireDate, address, city,
                postalCode, country, homePhone, extension, notes, manager == null ? null : manager.getId());
    }
}
