package dev.sleet.bench.northwind;

import java.time.LocalDate;

/**
 * A row of {@code northwind.employees}.
 *
 * @param id              key
 * @param lastName        last name
 * @param firstName       first name
 * @param title           job title
 * @param titleOfCourtesy Mr., Ms. ...
 * @param birthDate       date of birth
 * @param hireDate        date of hire
 * @param address         street address
 * @param city            city
 * @param postalCode      postal code
 * @param country         country
 * @param homePhone       home phone
 * @param extension       phone extension
 * @param notes           free text
 * @param recipientId     the manager's id, or null
 */
public record EmployeeRow(long id, String lastName, String firstName, String title, String titleOfCourtesy,
                          LocalDate birthDate, LocalDate hireDate, String address, String city, String postalCode,
                          String country, String homePhone, Integer extension, String notes, Long recipientId) {
}
