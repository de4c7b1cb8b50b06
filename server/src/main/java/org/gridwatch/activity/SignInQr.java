package org.gridwatch.activity;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/**
 * The QR code of an activity's sign-in link as SVG: one square per dark module (one user unit each) in a single path,
 * on white, with the four-module quiet zone the standard asks for; error correction M. Scales without blur.
 */
final class SignInQr {
  private SignInQr() {}

  static String svg(String url) {
    BitMatrix m;
    try {
      m = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0,
          Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4, EncodeHintType.CHARACTER_SET, "UTF-8"));
    } catch (WriterException e) {
      throw new IllegalStateException("a sign-in link too long for a QR code: " + url.length() + " characters", e);
    }
    int w = m.getWidth(), h = m.getHeight();
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) if (m.get(x, y)) path.append('M').append(x).append(',').append(y).append("h1v1h-1z");
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + w + " " + h + "\" width=\"" + w * 8 + "\" height=\"" + h * 8
        + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\""
        + path + "\"/></svg>";
  }
}
