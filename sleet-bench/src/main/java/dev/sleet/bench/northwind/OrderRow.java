package dev.sleet.bench.northwind;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A row of {@code northwind.orders}, as every contender returns it.
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
 */
public record OrderRow(long id, LocalDate orderDate, LocalDate requiredDate, LocalDate shippedDate, Integer shipVia,
                       BigDecimal freight, String shipName, String shipCity, String shipRegion, String shipPostalCode,
                       String shipCountry, long customerId, long employeeId) {
}
