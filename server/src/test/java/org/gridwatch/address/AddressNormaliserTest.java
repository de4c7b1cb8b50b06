package org.gridwatch.address;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The forms people write an address in come out as one; names that hold numerals stay names. */
class AddressNormaliserTest {
  @Test
  void writtenFormsBecomeOne() {
    assertThat(AddressNormaliser.normalise("敦化路１２８号３号楼２单元")).isEqualTo("敦化路128号3号楼2单元");
    assertThat(AddressNormaliser.normalise(" 敦化路 128 號 第三号楼 二单元 ")).isEqualTo("敦化路128号3号楼2单元");
    assertThat(AddressNormaliser.normalise("敦化路一百二十八号三栋")).isEqualTo("敦化路128号3号楼");
    assertThat(AddressNormaliser.normalise("敦化路128之3")).isEqualTo("敦化路128-3");
    assertThat(AddressNormaliser.normalise("敦化路128—3")).isEqualTo("敦化路128-3");
    assertThat(AddressNormaliser.normalise("ＤＨＬ128")).isEqualTo("dhl128");
    assertThat(AddressNormaliser.normalise("某小区A栋")).isEqualTo("某小区a号楼");
  }

  @Test
  void numeralsThatAreNamesStay() {
    assertThat(AddressNormaliser.normalise("延安一路十二号")).isEqualTo("延安一路12号");
    assertThat(AddressNormaliser.normalise("四方路")).isEqualTo("四方路");
  }

  @Test
  void chineseNumbers() {
    assertThat(AddressNormaliser.chineseNumber("十")).isEqualTo(10);
    assertThat(AddressNormaliser.chineseNumber("二十")).isEqualTo(20);
    assertThat(AddressNormaliser.chineseNumber("一百零八")).isEqualTo(108);
    assertThat(AddressNormaliser.chineseNumber("一二八")).isEqualTo(128);
    assertThat(AddressNormaliser.chineseNumber("两千零五")).isEqualTo(2005);
  }
}
