package org.gridwatch.media;

import org.gridwatch.problem.Text;
import java.util.List;
import org.gridwatch.problem.ProblemException;
import org.springframework.http.HttpStatus;

/** The refusals of an upload, in the reader's language (Chinese for {@code Accept-Language: zh}), each naming its field. */
final class MediaRefusals {
  private MediaRefusals() {}

  static ProblemException notAnImage(boolean zh) {
    return refuse(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "not-an-image", zh ? "不是可接受的图片" : "Not an accepted image", "file",
        zh ? "内容不是 JPEG、PNG、WebP 或 HEIC 图片（按文件内容判断，与文件名无关）"
            : "its content is not a JPEG, PNG, WebP or HEIC image (judged by the bytes, not the name)");
  }

  static ProblemException unreadable(boolean zh, String why) {
    return refuse(HttpStatus.BAD_REQUEST, "invalid-input", zh ? "输入无效" : "Invalid input", "file",
        zh ? "图片无法读取或已损坏（" + why + "）" : "the picture cannot be read or is damaged (" + why + ")");
  }

  static ProblemException empty(boolean zh) {
    return refuse(HttpStatus.BAD_REQUEST, "invalid-input", zh ? "输入无效" : "Invalid input", "file", zh ? "文件为空" : "is empty");
  }

  static ProblemException tooLarge(boolean zh, long max) {
    return refuse(HttpStatus.CONTENT_TOO_LARGE, "upload-too-large", zh ? "上传文件过大" : "Upload too large", "file",
        zh ? "超过允许的 " + max + " 字节" : "is larger than the " + max + " bytes allowed");
  }

  static ProblemException tooManyPixels(boolean zh, String why) {
    return refuse(HttpStatus.CONTENT_TOO_LARGE, "upload-too-large", zh ? "图片过大" : "Picture too large", "file",
        zh ? "像素过多：" + why : "too many pixels: " + why);
  }

  static ProblemException tooMany(boolean zh, int max, boolean reporter) {
    String en = reporter ? "the reporter may attach at most " + max + " photos to a case" : "a case holds at most " + max + " photos";
    String cn = reporter ? "上报人每个案件最多可附 " + max + " 张照片" : "每个案件最多 " + max + " 张照片";
    return refuse(HttpStatus.CONFLICT, "too-many-media", zh ? "照片数量已达上限" : "Too many photos", "file", zh ? cn : en);
  }

  static ProblemException reporterKind(boolean zh) {
    return refuse(HttpStatus.BAD_REQUEST, "invalid-input", zh ? "输入无效" : "Invalid input", "kind",
        zh ? "上报人只能附加 REPORT（上报）照片" : "a reporter may attach REPORT photos only");
  }

  static ProblemException keyReused(boolean zh) {
    return refuse(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", zh ? "幂等键已被使用" : "Idempotency key reused",
        "Idempotency-Key", zh ? "已用于另一份上传" : "already used for a different upload to this case");
  }

  static ProblemException noCopy(boolean zh, String what) {
    return new ProblemException(HttpStatus.NOT_FOUND, "no-public-copy", zh ? "没有公开副本" : "No public copy",
        Text.of("media.server-cannot-decode-this-format", what), List.of());
  }

  private static ProblemException refuse(HttpStatus status, String slug, String title, String field, String reason) {
    return new ProblemException(status, slug, title, Text.of("media.x-x", field, reason), List.of(new ProblemException.FieldError(field, reason)));
  }
}
