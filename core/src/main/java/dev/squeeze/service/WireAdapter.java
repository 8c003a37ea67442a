package dev.squeeze.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.squeeze.store.StoreException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The reference's wire protocol without the network: takes exactly what a client sends ({@link ApiRequest})
 * and returns status, content type and body ({@link ApiResponse}) with the reference's JSON field names. A
 * server only has to copy the method, path, fields and uploaded file in and the response out.
 *
 * <p>Routes (an optional {@code /v1} prefix is accepted): {@code GET /accounts/mine},
 * {@code GET /accounts/mine/consumption}, {@code GET|POST /accounts/sub}, {@code GET|PUT|DELETE
 * /accounts/sub/:id}, {@code PUT /accounts/sub/reset_secret/:id}, {@code PUT /accounts/sub/reset_quota/:id},
 * {@code GET|POST|DELETE /images}, {@code DELETE /images/all}, {@code GET|DELETE /images/:id},
 * {@code GET /images/zip/:type/:ids}, {@code GET /images/:type/:token/:name}. Errors are JSON
 * {@code {"errCode":…,"errMessage":…}} with the same status; a store failure is a 500.
 */
public final class WireAdapter {
  private static final String JSON = "application/json";

  private final SqueezeService service;

  /** An adapter answering from {@code service}; as thread-safe as the service. */
  public WireAdapter(SqueezeService service) {
    this.service = Objects.requireNonNull(service, "service");
  }

  /** Handles one request; never throws for anything a client can send. */
  public ApiResponse handle(ApiRequest request) {
    try {
      return route(request);
    } catch (ServiceException e) {
      return json(e.errCode(), WireJson.error(e.errCode(), e.errMessage()));
    } catch (StoreException e) {
      return json(500, WireJson.error(500, "Internal error: storage unavailable"));
    }
  }

  private ApiResponse route(ApiRequest r) throws ServiceException {
    String path = r.path();
    int q = path.indexOf('?');
    WireFields f = WireFields.of(q < 0 ? null : path.substring(q + 1), r.fields());
    List<String> seg = new ArrayList<>(Arrays.asList((q < 0 ? path : path.substring(0, q)).split("/")));
    seg.removeIf(String::isEmpty);
    if (!seg.isEmpty() && seg.get(0).equals("v1")) {
      seg.remove(0);
    }
    String m = r.method();
    if (seg.size() >= 2 && seg.get(0).equals("accounts")) {
      return accounts(m, seg.subList(1, seg.size()), f);
    }
    if (!seg.isEmpty() && seg.get(0).equals("images")) {
      return images(m, seg.subList(1, seg.size()), f, r);
    }
    throw new NotFoundException("Not found: " + m + " " + path);
  }

  private ApiResponse accounts(String m, List<String> s, WireFields f) throws ServiceException {
    if (s.get(0).equals("mine")) {
      if (s.size() == 1 && m.equals("GET")) {
        return json(200, WireJson.mine(service.account(f.auth())));
      }
      if (s.size() == 2 && s.get(1).equals("consumption") && m.equals("GET")) {
        return json(200, WireJson.consumption(service.consumption(f.auth())));
      }
    } else if (s.get(0).equals("sub")) {
      if (s.size() == 1 && m.equals("GET")) {
        var items = WireJson.MAPPER.createObjectNode();
        var arr = items.putArray("items");
        for (Account a : service.subAccounts(f.auth())) {
          arr.add(WireJson.full(a));
        }
        return json(200, items);
      }
      if (s.size() == 1 && m.equals("POST")) {
        return json(201, WireJson.full(service.createSubAccount(f.auth(), subFields(f))));
      }
      if (s.size() == 2) {
        long id = id(s.get(1));
        switch (m) {
          case "GET":
            return json(200, WireJson.full(service.subAccount(f.auth(), id)));
          case "PUT":
            return json(200, WireJson.full(service.editSubAccount(f.auth(), id, subFields(f))));
          case "DELETE":
            service.deleteSubAccount(f.auth(), id);
            return json(200, WireJson.MAPPER.createObjectNode().put("Success", true));
          default:
            break;
        }
      }
      if (s.size() == 3 && m.equals("PUT") && s.get(1).equals("reset_secret")) {
        return json(200, WireJson.full(service.resetSubAccountSecret(f.auth(), id(s.get(2)))));
      }
      if (s.size() == 3 && m.equals("PUT") && s.get(1).equals("reset_quota")) {
        return json(200, WireJson.full(service.resetSubAccountQuota(f.auth(), id(s.get(2)))));
      }
    }
    throw new NotFoundException("Not found: " + m + " /accounts/" + String.join("/", s));
  }

  private SubAccountFields subFields(WireFields f) throws ServiceException {
    try {
      Long quota = f.number("quota");
      Long monthly = f.number("monthly_quota");
      return new SubAccountFields(f.text("title"), f.text("description"), quota != null ? quota : monthly);
    } catch (BadRequestException e) {
      service.authenticate(f.auth()); // wrong credentials are a 401 before anything about the request is
      throw e;
    }
  }

  private ApiResponse images(String m, List<String> s, WireFields f, ApiRequest r) throws ServiceException {
    if (s.isEmpty()) {
      switch (m) {
        case "GET":
          ImagePage page = service.images(f.auth(), f.integer("offset", 0),
              f.integer("limit", SqueezeService.DEFAULT_PAGE));
          return json(200, WireJson.page(page, service.baseUrl));
        case "POST":
          return json(201, WireJson.image(upload(f, r).image()));
        case "DELETE":
          service.deleteAllImages(f.auth());
          return noContent();
        default:
          break;
      }
    } else if (s.size() == 1 && s.get(0).equals("all") && m.equals("DELETE")) {
      service.deleteAllImages(f.auth());
      return noContent();
    } else if (s.size() == 1 && m.equals("GET")) {
      return json(200, WireJson.image(service.image(f.auth(), id(s.get(0)))));
    } else if (s.size() == 1 && m.equals("DELETE")) {
      service.deleteImage(f.auth(), id(s.get(0)));
      return noContent();
    } else if (s.size() == 3 && s.get(0).equals("zip") && m.equals("GET")) {
      List<Long> ids = new ArrayList<>();
      for (String id : s.get(2).split(",")) {
        if (!id.isBlank()) {
          ids.add(id(id.trim()));
        }
      }
      Download d = service.zip(f.auth(), FileType.fromWire(s.get(1)), ids);
      return new ApiResponse(200, d.contentType(), d.data());
    } else if (s.size() == 3 && m.equals("GET")) {
      Download d = service.download(FileType.fromWire(s.get(0)), s.get(1), s.get(2));
      return new ApiResponse(200, d.contentType(), d.data());
    }
    throw new NotFoundException("Not found: " + m + " /images/" + String.join("/", s));
  }

  private Upload upload(WireFields f, ApiRequest r) throws ServiceException {
    Credentials c = f.auth();
    ImageParams params;
    try {
      params = f.imageParams();
    } catch (BadRequestException e) {
      service.authenticate(c); // wrong credentials are a 401 before anything about the request is
      throw e;
    }
    if (r.hasFile()) {
      return service.addImage(c, r.fileName(), r.fileDataShared(), params);
    }
    String url = f.url();
    if (url == null) {
      service.authenticate(c); // a wrong key is a 401 even when the request is also incomplete
      throw new BadRequestException("No file: send file (an upload) or url");
    }
    return service.addImageFromUrl(c, url, params);
  }

  private static long id(String s) throws NotFoundException {
    try {
      long id = Long.parseLong(s);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // fall through: an id that cannot exist is simply not found
    }
    throw new NotFoundException("Not found: id '" + s + "'");
  }

  private static ApiResponse noContent() {
    return new ApiResponse(204, "", new byte[0]);
  }

  private static ApiResponse json(int status, JsonNode body) {
    try {
      return new ApiResponse(status, JSON, WireJson.MAPPER.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  /** The JSON of an account with its key and secret, as {@code squeeze account create} prints it. */
  public static String accountJson(Account a) {
    return json(200, WireJson.full(a)).bodyText();
  }
}
