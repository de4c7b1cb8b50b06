package org.gridwatch.staff;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/people/{code}/account} (ADMIN): an account for a person of the roster, linked to them. */
@RestController
class PersonAccountController {
  private final PersonAccounts accounts;

  PersonAccountController(PersonAccounts accounts) { this.accounts = accounts; }

  @PostMapping("/api/v1/people/{code}/account")
  @ResponseStatus(HttpStatus.CREATED)
  PersonAccounts.AccountView create(@PathVariable String code, @Valid @RequestBody AccountRequest request) {
    return accounts.create(code, request);
  }
}
