package org.gridwatch.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import org.gridwatch.security.AccountSeeding;
import org.gridwatch.security.AccountSeeding.WantedAccount;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** No default password ever ships for production; the embedded default always gets usable demo accounts. */
class DemoAccountsTest {
  final AccountSeeding accounts = mock(AccountSeeding.class);

  @Test
  void onPostgisWithoutAnExplicitPasswordNoAccountIsCreated() {
    new DemoAccounts(accounts, "", "jdbc:postgresql://db/gridwatch").seed();
    verify(accounts, never()).ensure(any(), anyString(), anyBoolean());
  }

  @Test
  void onTheEmbeddedDefaultAGeneratedPasswordIsUsedForAllOfThem() {
    when(accounts.anyMissing(any())).thenReturn(true);
    new DemoAccounts(accounts, "", "jdbc:h2:file:./x").seed();
    @SuppressWarnings("unchecked")
    ArgumentCaptor<List<WantedAccount>> wanted = ArgumentCaptor.forClass(List.class);
    ArgumentCaptor<String> password = ArgumentCaptor.forClass(String.class);
    verify(accounts).ensure(wanted.capture(), password.capture(), org.mockito.ArgumentMatchers.eq(false));
    assertThat(wanted.getValue()).extracting(WantedAccount::username).containsExactly("admin", "operator", "planner", "police",
        "gridworker", "community", "subdistrict", "department", "resident", "volunteer", "socialworker", "property",
        "organisation", "funder", "reviewer", "reviewer2", "reviewer3");
    assertThat(password.getValue()).hasSizeGreaterThanOrEqualTo(16);
  }

  @Test
  void aGeneratedPasswordIsNotMadeAgainWhenTheAccountsExist() {
    when(accounts.anyMissing(any())).thenReturn(false);
    new DemoAccounts(accounts, "", "jdbc:h2:file:./x").seed();
    verify(accounts, never()).ensure(any(), anyString(), anyBoolean());
  }

  @Test
  void anExplicitPasswordIsAppliedOnAnyDatabase() {
    new DemoAccounts(accounts, "s3cret-demo", "jdbc:postgresql://db/gridwatch").seed();
    verify(accounts).ensure(any(), org.mockito.ArgumentMatchers.eq("s3cret-demo"), org.mockito.ArgumentMatchers.eq(true));
  }
}
