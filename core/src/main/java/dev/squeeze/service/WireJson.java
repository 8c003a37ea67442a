package dev.squeeze.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.YearMonth;

/** The reference's JSON shapes, field by field (Jackson trees, so the names are exactly the wire names). */
final class WireJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private WireJson() {}

  static ObjectNode error(int code, String message) {
    return MAPPER.createObjectNode().put("errCode", code).put("errMessage", message);
  }

  /** {@code GET /accounts/mine}. */
  static ObjectNode mine(Account a) {
    return putQuota(MAPPER.createObjectNode(), a);
  }

  /** The quota window, its use and the file size limit, as every account answer carries them. */
  private static ObjectNode putQuota(ObjectNode n, Account a) {
    n.put("quota_start", a.quotaStart().toString());
    n.put("quota_end", a.quotaEnd().toString());
    n.put("quota_current", a.quotaCurrent());
    n.put("quota_allowed", a.quotaAllowed());
    n.put("file_max_size", a.fileMaxSize());
    return n;
  }

  /**
   * A sub-account, or an account created by the operator: every field, with the file size limit under both
   * names the reference's copies use ({@code file_max_size} in lists, {@code quota_file_max_size} in the
   * single-account answers).
   */
  static ObjectNode full(Account a) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", a.id());
    n.put("title", a.title());
    n.put("description", a.description());
    putQuota(n, a);
    n.put("quota_file_max_size", a.fileMaxSize());
    n.put("api_key", a.apiKey());
    n.put("api_secret", a.apiSecret());
    return n;
  }

  /**
   * {@code GET /accounts/mine/consumption} in both shapes the reference documents: {@code consumption} with
   * {@code last_days} and {@code last_months}, and the older {@code consumptions[] {date, consumption}}
   * (bytes received per day).
   */
  static ObjectNode consumption(Consumption c) {
    ObjectNode n = MAPPER.createObjectNode();
    ObjectNode inner = n.putObject("consumption");
    ArrayNode days = inner.putArray("last_days");
    ArrayNode old = n.putArray("consumptions");
    for (ConsumptionPeriod p : c.lastDays()) {
      period(days.addObject(), p.start().toString(), p);
      old.addObject().put("date", p.start().toString()).put("consumption", p.totalSizeBefore());
    }
    ArrayNode months = inner.putArray("last_months");
    for (ConsumptionPeriod p : c.lastMonths()) {
      period(months.addObject(), YearMonth.from(p.start()).toString(), p);
    }
    return n;
  }

  private static void period(ObjectNode n, String date, ConsumptionPeriod p) {
    n.put("date", date);
    n.put("total_size_before", p.totalSizeBefore());
    n.put("total_size_after", p.totalSizeAfter());
    n.put("files_count", p.filesCount());
  }

  static ObjectNode image(Image i) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", i.id());
    n.put("filename", i.filename());
    n.put("width", i.width());
    n.put("height", i.height());
    n.put("size_before", i.sizeBefore());
    n.put("size_after", i.sizeAfter());
    // four decimals: a tenth of a per-cent, more than any client shows
    n.put("saved", Math.round(i.saved() * 10_000) / 10_000.0);
    n.put("time", i.time().toString());
    n.put("origin_url", i.originUrl());
    n.put("optimized_url", i.optimizedUrl());
    n.put("expiration_date", i.expirationDate().toString());
    return n;
  }

  static ObjectNode page(ImagePage p, String baseUrl) {
    ObjectNode n = MAPPER.createObjectNode();
    ArrayNode items = n.putArray("items");
    p.items().forEach(i -> items.add(image(i)));
    n.put("total", p.total());
    if (p.prevOffset().isPresent()) {
      link(n.putObject("prev"), baseUrl, p.prevOffset().getAsInt(), p.limit());
    } else {
      n.putNull("prev");
    }
    if (p.nextOffset().isPresent()) {
      link(n.putObject("next"), baseUrl, p.nextOffset().getAsInt(), p.limit());
    } else {
      n.putNull("next");
    }
    return n;
  }

  private static void link(ObjectNode n, String baseUrl, int offset, int limit) {
    n.put("link", baseUrl + "/images?offset=" + offset + "&limit=" + limit);
    n.put("offset", offset);
    n.put("limit", limit);
  }
}
