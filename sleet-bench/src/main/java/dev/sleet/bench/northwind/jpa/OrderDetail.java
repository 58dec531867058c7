package dev.sleet.bench.northwind.jpa;

import dev.sleet.bench.northwind.OrderDetailRow;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.Table;

import java.math.BigDecimal;

/** {@code northwind.order_details}: keyed by (order, product), both lazy. */
@Entity
@Table(name = "order_details", schema = "northwind")
public class OrderDetail {

    @EmbeddedId
    private OrderDetailId id;
    @MapsId("orderId")
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id")
    private NorthwindOrder order;
    @MapsId("productId")
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "product_id")
    private Product product;
    @Column(name = "unit_price", nullable = false, precision = 10, scale = 4)
    private BigDecimal unitPrice;
    @Column(nullable = false)
    private Integer quantity;
    @Column(nullable = false, precision = 10, scale = 4)
    private BigDecimal discount;

    /** For Hibernate. */
    protected OrderDetail() {
    }

    /** @return the key */
    public OrderDetailId getId() {
        return id;
    }

    /** @return the order (a proxy until read) */
    public NorthwindOrder getOrder() {
        return order;
    }

    /** @return the product (a proxy until read) */
    public Product getProduct() {
        return product;
    }

    /** @return the unit price */
    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    /** @return the quantity */
    public Integer getQuantity() {
        return quantity;
    }

    /** @return the discount */
    public BigDecimal getDiscount() {
        return discount;
    }

    /**
     * Returns the record the other contenders return.
     *
     * @return the row
     */
    public OrderDetailRow toRow() {
        return new OrderDetailRow(id.getOrderId(), id.getProductId(), unitPrice, quantity, discount);
    }
}
