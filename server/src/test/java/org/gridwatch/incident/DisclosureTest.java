package org.gridwatch.incident;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The masking rule on its own: what a resident's published words may still show of numbers in them. */
class DisclosureTest {
  @Test
  void mobileLandlineAndIdNumbersKeepOnlyTheirEnds() {
    assertThat(Disclosure.mask("电话13812345678")).isEqualTo("电话138******78");
    assertThat(Disclosure.mask("+86 138 1234 5678 找我")).doesNotContain("1234").contains("找我");
    assertThat(Disclosure.mask("身份证370203199001011234号")).isEqualTo("身份证3702**********1234号");
    assertThat(Disclosure.mask("身份证37020319900101123X")).doesNotContain("19900101");
    assertThat(Disclosure.mask("座机0532-83881234")).doesNotContain("83881234");
  }

  @Test
  void shortNumbersAndPlainWordsStayAsWritten() {
    assertThat(Disclosure.mask("辽宁路12号3单元502室，三天了")).isEqualTo("辽宁路12号3单元502室，三天了");
    assertThat(Disclosure.mask("2026年12月2日")).isEqualTo("2026年12月2日");
    assertThat(Disclosure.mask(null)).isNull();
  }

  @Test
  void placesAreRoundedToAbout100Metres() {
    assertThat(Disclosure.rounded(120.3754321)).isEqualTo(120.375);
    assertThat(Disclosure.rounded(36.0989)).isEqualTo(36.099);
  }
}
