package org.gridwatch.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The pictures' side of media, without a server: formats by their bytes, the eight EXIF orientations, the pixel guard. */
class RenditionsTest {
  /** 60 × 40 blue, red top-left corner, green top-right corner: where both land tells every turn and mirror apart. */
  static BufferedImage marked() {
    BufferedImage img = new BufferedImage(60, 40, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.BLUE);
    g.fillRect(0, 0, 60, 40);
    g.setColor(Color.RED);
    g.fillRect(0, 0, 10, 10);
    g.setColor(Color.GREEN);
    g.fillRect(50, 0, 10, 10);
    g.dispose();
    return img;
  }

  static String corner(BufferedImage img, Color colour) {
    int w = img.getWidth() - 3, h = img.getHeight() - 3;
    for (String c : new String[] {"TL", "TR", "BL", "BR"}) {
      int x = c.endsWith("L") ? 2 : w, y = c.startsWith("T") ? 2 : h;
      if ((img.getRGB(x, y) & 0xffffff) == (colour.getRGB() & 0xffffff)) return c;
    }
    return "none";
  }

  @ParameterizedTest(name = "orientation {0}: red {1}, green {2}, turned {3}")
  @CsvSource({"1,TL,TR,false", "2,TR,TL,false", "3,BR,BL,false", "4,BL,BR,false", "5,TL,BL,true", "6,TR,BR,true",
      "7,BR,TR,true", "8,BL,TL,true"})
  void everyExifOrientationIsShownAsTheCameraWasHeld(int orientation, String red, String green, boolean turned) {
    BufferedImage shown = Renditions.orient(marked(), orientation);
    assertThat(shown.getWidth()).isEqualTo(turned ? 40 : 60);
    assertThat(corner(shown, Color.RED)).isEqualTo(red);
    assertThat(corner(shown, Color.GREEN)).isEqualTo(green);
  }

  @Test
  void theOrientationIsReadFromTheExifBlockAndIsOneWithoutIt() {
    BufferedImage img = marked();
    assertThat(ExifOrientation.of(TestImages.jpegWithExif(img, 8))).isEqualTo(8);
    assertThat(ExifOrientation.of(TestImages.encode(img, "jpeg"))).isEqualTo(1);
    assertThat(ExifOrientation.of(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe1, 0, 8, 'E', 'x'})).isEqualTo(1);
  }

  @Test
  void formatsAreKnownByTheirBytes() {
    assertThat(ImageFormat.of(TestImages.encode(marked(), "png"))).contains(ImageFormat.PNG);
    assertThat(ImageFormat.of(TestImages.encode(marked(), "jpeg"))).contains(ImageFormat.JPEG);
    assertThat(ImageFormat.of(TestImages.resource("red-corner-120x80.webp"))).contains(ImageFormat.WEBP);
    assertThat(ImageFormat.of(MediaContract.heicHeader())).contains(ImageFormat.HEIC);
    assertThat(ImageFormat.of(ftyp("avif", "mif1", "avif"))).isEmpty(); // AVIF shares the container, not the codec
    assertThat(ImageFormat.of(ftyp("isom", "mp41", "isom"))).isEmpty(); // an MP4 video
    assertThat(ImageFormat.of(ftyp("mif1", "mif1", "heic"))).contains(ImageFormat.HEIC);
    assertThat(ImageFormat.of("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
    assertThat(ImageFormat.of("GIF89a..........".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
    assertThat(ImageFormat.of(new byte[0])).isEmpty();
  }

  @Test
  void aPictureWithMorePixelsThanAllowedIsRefusedBeforeItIsDecoded() {
    byte[] png = TestImages.encode(new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB), "png");
    assertThatThrownBy(() -> new Renditions(2048, 320, 100_000).make(png, ImageFormat.PNG))
        .isInstanceOfSatisfying(Renditions.Unreadable.class, e -> assertThat(e.tooManyPixels).isTrue())
        .hasMessageContaining("400 × 300");
  }

  @Test
  void theThumbnailKeepsTheShapeAndThePublicCopyItsLimit() throws Exception {
    byte[] jpeg = TestImages.encode(TestImages.redCorner(3000, 1000, false), "jpeg");
    Renditions.Made made = new Renditions(1200, 320, 60_000_000).make(jpeg, ImageFormat.JPEG);
    assertThat(new int[] {made.width(), made.height()}).containsExactly(3000, 1000);
    BufferedImage copy = TestImages.decode(made.publicCopy());
    assertThat(new int[] {copy.getWidth(), copy.getHeight()}).containsExactly(1200, 400);
    BufferedImage thumb = TestImages.decode(made.thumbnail());
    assertThat(new int[] {thumb.getWidth(), thumb.getHeight()}).containsExactly(320, 107);
  }

  static byte[] ftyp(String major, String... compatible) {
    byte[] b = new byte[16 + 4 * compatible.length];
    b[3] = (byte) b.length;
    System.arraycopy("ftyp".getBytes(StandardCharsets.US_ASCII), 0, b, 4, 4);
    System.arraycopy(major.getBytes(StandardCharsets.US_ASCII), 0, b, 8, 4);
    for (int k = 0; k < compatible.length; k++) System.arraycopy(compatible[k].getBytes(StandardCharsets.US_ASCII), 0, b, 16 + 4 * k, 4);
    return b;
  }
}
