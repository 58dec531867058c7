package dev.sleet.bench.northwind;

/**
 * A row of {@code northwind.suppliers}.
 *
 * @param id           key
 * @param companyName  company name
 * @param contactName  contact's name
 * @param contactTitle contact's title
 * @param address      street address
 * @param city         city
 * @param region       region, or null
 * @param postalCode   postal code
 * @param country      country
 * @param phone        phone
 */
public record SupplierRow(long id, String companyName, String contactName, String contactTitle, String address,
                          String city, String region, String postalCode, String country, String phone) {
}
