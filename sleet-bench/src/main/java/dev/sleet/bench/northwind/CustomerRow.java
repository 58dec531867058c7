package dev.sleet.bench.northwind;

/**
 * A row of {@code northwind.customers}, as every contender returns it.
 *
 * @param id           key
 * @param companyName  company name
 * @param contactName  contact's name
 * @param contactTitle contact's title
 * @param address      street address
 * @param city         city
 * @param postalCode   postal code
 * @param region       region, or null
 * @param country      country
 * @param phone        phone
 * @param fax          fax, or null
 */
public record CustomerRow(long id, String companyName, String contactName, String contactTitle, String address,
                          String city, String postalCode, String region, String country, String phone, String fax) {
}
