package dev.sleet.bench.northwind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An order with its lines, each with its product.
 *
 * @param id             key
 * @param orderDate      date of the order
 * @param requiredDate   date by which it is wanted
 * @param shippedDate    date it was shipped, or null
 * @param shipVia        shipper number
 * @param freight        freight cost (scale 4)
 * @param shipName       ship-to name
 * @param shipCity       ship-to city
 * @param shipRegion     ship-to region, or null
 * @param shipPostalCode ship-to postal code
 * @param shipCountry    ship-to country
 * @param customerId     the customer's id
 * @param employeeId     the id of the employee who took it
 * @param details        the lines
 */
public record OrderWithDetails(long id, LocalDate orderDate, LocalDate requiredDate, LocalDate shippedDate,
                               Integer shipVia, BigDecimal freight, String shipName, String shipCity, String shipRegion,
                               String shipPostalCode, String shipCountry, long customerId, long employeeId,
                               List<DetailWithProduct> details) {
}
