package dev.sleet.bench.northwind.jpa;

import dev.sleet.bench.northwind.ProductRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.math.BigDecimal;

/** {@code northwind.products}, with a lazy supplier. */
@Entity
@Table(name = "products", schema = "northwind")
public class Product {

    @Id
    private Long id;
    @Column(nullable = false)
    private String name;
    @Column(name = "qt_per_unit")
    private String qtPerUnit;
    @Column(name = "unit_price", nullable = false, precision = 10, scale = 4)
    private BigDecimal unitPrice;
    @Column(name = "units_in_stock")
    private Integer unitsInStock;
    @Column(name = "units_on_order")
    private Integer unitsOnOrder;
    @Column(name = "reorder_level")
    private Integer reorderLevel;
    private Integer discontinued;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "supplier_id")
    private Supplier supplier;

    /** For Hibernate. */
    protected Product() {
    }

    /** @return the key */
    public Long getId() {
        return id;
    }

    /** @return the name */
    public String getName() {
        return name;
    }

    /** @return the unit price */
    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    /** @return the supplier (a proxy until read) */
    public Supplier getSupplier() {
        return supplier;
    }

    /**
     * Sets the units in stock; Hibernate writes the change when the session flushes.
     *
     * @param unitsInStock the new count
     */
    public void setUnitsInStock(Integer unitsInStock) {
        this.unitsInStock = unitsInStock;
    }

    /**
     * Returns the record the other contenders return; reads the supplier's id, which a proxy knows.
     *
     * @return the row
     */
    public ProductRow toRow() {
        return new ProductRow(id, name, qtPerUnit, unitPrice, unitsInStock, unitsOnOrder, reorderLevel, discontinued,
                supplier.getId());
    }
}
