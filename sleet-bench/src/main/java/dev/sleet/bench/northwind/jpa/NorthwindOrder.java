package dev.sleet.bench.northwind.jpa;

import dev.sleet.bench.northwind.OrderRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** {@code northwind.orders} ({@code Order} is a JPQL keyword), with lazy customer, employee and lines. */
@Entity
@Table(name = "orders", schema = "northwind")
public class NorthwindOrder {

    @Id
    private Long id;
    @Column(name = "order_date", nullable = false)
    private LocalDate orderDate;
    @Column(name = "required_date")
    private LocalDate requiredDate;
    @Column(name = "shipped_date")
    private LocalDate shippedDate;
    @Column(name = "ship_via")
    private Integer shipVia;
    @Column(precision = 10, scale = 4)
    private BigDecimal freight;
    @Column(name = "ship_name")
    private String shipName;
    @Column(name = "ship_city")
    private String shipCity;
    @Column(name = "ship_region")
    private String shipRegion;
    @Column(name = "ship_postal_code")
    private String shipPostalCode;
    @Column(name = "ship_country")
    private String shipCountry;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "customer_id")
    private Customer customer;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "employee_id")
    private Employee employee;
    @OneToMany(mappedBy = "order")
    private List<OrderDetail> details = new ArrayList<>();

    /** For Hibernate. */
    protected NorthwindOrder() {
    }

    /** @return the key */
    public Long getId() {
        return id;
    }

    /** @return the date of the order */
    public LocalDate getOrderDate() {
        return orderDate;
    }

    /** @return the customer (a proxy until read) */
    public Customer getCustomer() {
        return customer;
    }

    /** @return the employee (a proxy until read) */
    public Employee getEmployee() {
        return employee;
    }

    /** @return the lines (loaded when first read) */
    public List<OrderDetail> getDetails() {
        return details;
    }

    /**
     * Returns the record the other contenders return; reads the customer's and the employee's ids, which their
     * proxies know.
     *
     * @return the row
     */
    public OrderRow toRow() {
        return new OrderRow(id, orderDate, requiredDate, shippedDate, shipVia, freight, shipName, shipCity, shipRegion,
                shipPostalCode, shipCountry, customer.getId(), employee.getId());
    }
}
