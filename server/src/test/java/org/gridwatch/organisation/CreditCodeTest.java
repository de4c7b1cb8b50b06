package org.gridwatch.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** GB 32100-2015 check characters against codes published on business licences. */
class CreditCodeTest {
  @Test
  void publishedCodesAreValid() {
    for (String code : new String[] {"91350100M000100Y43", "914403001922038216", "91440300708461136T", "91330100799655058B"}) {
      assertThat(CreditCode.fault(code)).as(code).isEmpty();
    }
  }

  @Test
  void aWrongCheckCharacterIsNamedWithTheRightOne() {
    assertThat(CreditCode.fault("91350100M000100Y44")).contains(CreditCode.Fault.CHECK);
    assertThat(CreditCode.fault("91440300708461136X")).contains(CreditCode.Fault.CHECK);
    assertThat(CreditCode.checkCharacter("91440300708461136")).isEqualTo('T');
    // two neighbouring characters swapped: the weights differ, so the check catches it
    assertThat(CreditCode.fault("91350100M001000Y43")).contains(CreditCode.Fault.CHECK);
  }

  @Test
  void lettersTheStandardLeavesOutAndWrongLengthsAreRefused() {
    assertThat(CreditCode.fault("91350100I000100Y43")).contains(CreditCode.Fault.CHARACTER);
    assertThat(CreditCode.fault("91350100O000100Y43")).contains(CreditCode.Fault.CHARACTER);
    assertThat(CreditCode.fault("91350100m000100y43")).contains(CreditCode.Fault.CHARACTER);
    assertThat(CreditCode.fault("91350100M000100Y4")).contains(CreditCode.Fault.LENGTH);
    assertThat(CreditCode.fault("91350100M000100Y431")).contains(CreditCode.Fault.LENGTH);
  }

  @Test
  void phonesAreMaskedInTheMiddle() {
    assertThat(Phones.masked("13812341234")).isEqualTo("138****1234");
    assertThat(Phones.masked("0532-8888 6666")).isEqualTo("053****6666");
  }
}
