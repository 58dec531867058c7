package dev.sleet.bench.northwind.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.io.Serializable;
import java.util.Objects;

/** The key of {@link OrderDetail}: (order, product). */
@Embeddable
public class OrderDetailId implements Serializable {

    private static final long serialVersionUID = 1L;

    @Column(name = "order_id")
    private Long orderId;
    @Column(name = "product_id")
    private Long productId;

    /** For Hibernate. */
    protected OrderDetailId() {
    }

    /**
     * A key.
     *
     * @param orderId   the order's id
     * @param productId the product's id
     */
    public OrderDetailId(Long orderId, Long productId) {
        this.orderId = orderId;
        this.productId = productId;
    }

    /** @return the order's id */
    public Long getOrderId() {
        return orderId;
    }

    /** @return the product's id */
    public Long getProductId() {
        return productId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OrderDetailId other && Objects.equals(orderId, other.orderId)
                && Objects.equals(productId, other.productId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(orderId, productId);
    }
}
