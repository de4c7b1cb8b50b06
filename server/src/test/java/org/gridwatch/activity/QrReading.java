package org.gridwatch.activity;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a QR code served as SVG back to its text, as a phone's camera would: paint its squares, scan with zxing's reader. */
final class QrReading {
  private static final int SCALE = 4;
  private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
  private static final Pattern SQUARE = Pattern.compile("M(\\d+),(\\d+)h1v1h-1z");

  private QrReading() {}

  static String decode(String svg) throws Exception {
    Matcher box = VIEW_BOX.matcher(svg);
    if (!box.find()) throw new AssertionError("no viewBox in " + svg.substring(0, Math.min(200, svg.length())));
    int w = Integer.parseInt(box.group(1)) * SCALE, h = Integer.parseInt(box.group(2)) * SCALE;
    int[] pixels = new int[w * h];
    Arrays.fill(pixels, 0xFFFFFFFF);
    Matcher m = SQUARE.matcher(svg);
    while (m.find()) {
      int x = Integer.parseInt(m.group(1)) * SCALE, y = Integer.parseInt(m.group(2)) * SCALE;
      for (int dy = 0; dy < SCALE; dy++) for (int dx = 0; dx < SCALE; dx++) pixels[(y + dy) * w + x + dx] = 0xFF000000;
    }
    return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, pixels)))).getText();
  }
}
