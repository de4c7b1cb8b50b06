package org.gridwatch.problem;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The titles and details of the problems the framework raises (wrong method, media type, missing parameter,
 * unreadable body, ...) in the reader's language: Chinese for {@code Accept-Language: zh*}, English otherwise.
 * Field names stay as they are in the request. Details are format strings ({@code %s}).
 */
enum ProblemText {
  INVALID_INPUT("Invalid input", "输入无效", "%s", "%s"),
  REQUIRED("Invalid input", "输入无效", "is required", "为必填项"),
  NOT_VALID_VALUE("Invalid input", "输入无效", "'%s' is not a valid value", "“%s”不是有效的值"),
  BODY_UNREADABLE("Invalid input", "输入无效", "the request body is missing or unreadable", "请求体缺失或无法读取"),
  MALFORMED_JSON("Invalid input", "输入无效", "malformed JSON: %s", "JSON 格式错误：%s"),
  WRONG_TYPE("Invalid input", "输入无效", "has the wrong type", "类型不对"),
  MUST_BE("Invalid input", "输入无效", "must be %s", "必须是%s"),
  BAD_VALUE("Invalid input", "输入无效", "is not a valid value: %s", "不是有效的值：%s"),
  NOT_VALID("Invalid input", "输入无效", "is not valid", "无效"),
  METHOD_NOT_ALLOWED("Method not allowed", "不支持该请求方法", "%s is not supported here", "此处不支持 %s"),
  NOT_ACCEPTABLE("Not acceptable", "无法提供所要求的格式",
      "none of the requested media types (%s) can be answered here; available: %s",
      "无法以所要求的格式（%s）作答；可提供：%s"),
  UNSUPPORTED_MEDIA_TYPE("Unsupported media type", "不支持的媒体类型",
      "Content-Type %s is not accepted here; use one of %s", "此处不接受 Content-Type %s；请使用 %s"),
  NOT_SUPPORTED("not supported", "不支持", "not supported", "不支持"),
  NOT_FOUND("Not found", "未找到", "nothing at %s", "%s 处没有内容"),
  BODY_TOO_LARGE("Request body too large", "请求体过大", "the request body is larger than %s bytes", "请求体超过 %s 字节"),
  UPLOAD_TOO_LARGE("Upload too large", "上传文件过大", "the upload is larger than the %s allowed", "上传内容超过允许的 %s"),
  BAD_REQUEST("Bad request", "请求无效", "the request could not be understood: %s", "无法理解该请求：%s"),
  TIMEOUT("Service unavailable", "服务暂不可用", "the answer took too long; try again", "处理超时，请重试"),
  INTERNAL("Internal error", "内部错误", "the server failed to handle this request; it has been logged",
      "服务器未能处理此请求，已记录在日志中"),
  REFUSED("Request refused", "请求被拒绝", "the request was refused (%s)", "请求被拒绝（%s）");

  private final String titleEn;
  private final String titleZh;
  private final String detailEn;
  private final String detailZh;

  ProblemText(String titleEn, String titleZh, String detailEn, String detailZh) {
    this.titleEn = titleEn;
    this.titleZh = titleZh;
    this.detailEn = detailEn;
    this.detailZh = detailZh;
  }

  String title(boolean zh) { return zh ? titleZh : titleEn; }

  String detail(boolean zh, Object... args) { return String.format(zh ? detailZh : detailEn, args); }

  /** Whether the reader's first choice of language is Chinese ({@link ReaderLanguage}). */
  static boolean chinese(HttpServletRequest request) { return ReaderLanguage.chinese(request); }

  /** {@link JsonTypes#describe} in the reader's language. */
  static String describe(Class<?> type, boolean zh) {
    String en = JsonTypes.describe(type);
    if (!zh) return en;
    if (type.isEnum()) return java.util.Arrays.toString(type.getEnumConstants()) + " 之一";
    return switch (en) {
      case "a string" -> "字符串";
      case "a number" -> "数字";
      case "true or false" -> "true 或 false";
      case "an array" -> "数组";
      case "a date/time string" -> "日期/时间字符串";
      default -> "对象";
    };
  }
}
