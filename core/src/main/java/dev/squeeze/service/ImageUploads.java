package dev.squeeze.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.squeeze.CorruptInputException;
import dev.squeeze.Format;
import dev.squeeze.LimitExceededException;
import dev.squeeze.Result;
import dev.squeeze.SqueezeException;
import dev.squeeze.UnsupportedFormatException;
import dev.squeeze.store.AccountRecord;
import dev.squeeze.store.ChargeOutcome;
import dev.squeeze.store.ImageRecord;
import dev.squeeze.store.Store;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The image half of {@link SqueezeService}: the upload pipeline, record views, downloads and zips. */
final class ImageUploads {
  private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{32}");
  // at most this many ids in one zip: bounds the archive a single call builds in memory
  static final int MAX_ZIP_IDS = 100;
  // longest kept file name: fits every file system and the store's column with room to spare
  private static final int MAX_NAME = 100;

  /** The dedupe key: same account, same content, same params. */
  private record DedupeKey(long accountId, String digest, String paramsKey) {}

  private final SqueezeService s;
  private final Cache<DedupeKey, Long> recent;

  ImageUploads(SqueezeService service, long cacheSize) {
    this.s = service;
    this.recent = Caffeine.newBuilder().maximumSize(cacheSize).build();
  }

  static String blobKey(String token, FileType type) {
    return token + "/" + type.wireName();
  }

  Upload addFromUrl(AccountRecord a, String url, ImageParams params) throws ServiceException {
    if (url == null || url.isBlank()) {
      throw new BadRequestException("url is empty");
    }
    UrlFetcher.Fetched f = s.fetcher.fetch(url, a.fileMaxSize());
    String path = f.finalUri().getPath();
    String name = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
    return add(a, name, f.data(), params);
  }

  Upload add(AccountRecord a, String filename, byte[] content, ImageParams params) throws ServiceException {
    if (content == null || content.length == 0) {
      throw new BadRequestException("No file: send file (an upload) or url");
    }
    if (params == null) {
      params = ImageParams.defaults();
    }
    long size = content.length;
    if (size > a.fileMaxSize()) {
      throw new ForbiddenException("File too large: " + size + " bytes, file_max_size is " + a.fileMaxSize());
    }
    DedupeKey key = new DedupeKey(a.id(), Secrets.sha256(content), params.key());
    Optional<ImageRecord> existing = known(key);
    if (existing.isPresent()) {
      return new Upload(view(existing.get()), true);
    }
    Store store = s.store;
    int window = s.window().number();
    ChargeOutcome charge = store.charge(a.id(), window, size);
    switch (charge) {
      case CHARGED:
        break;
      case OVER_ACCOUNT_QUOTA:
        throw new ForbiddenException("Quota exceeded: " + size + " bytes would pass this month's quota_allowed of "
            + a.quotaAllowed());
      case OVER_PARENT_QUOTA:
        throw new ForbiddenException("Quota exceeded: " + size + " bytes would pass the parent account's quota");
      default:
        throw new UnauthorizedException("Authentication failed: the account no longer exists");
    }
    String token = s.secrets.newToken();
    boolean kept = false;
    try {
      Result r = optimize(content, params);
      s.blobs.put(blobKey(token, FileType.ORIGIN), content);
      s.blobs.put(blobKey(token, FileType.OPTIMIZED), r.data());
      Instant now = s.now();
      ImageRecord rec = new ImageRecord(0, a.id(), sanitize(filename, r.format()), r.format().mediaType(),
          r.width(), r.height(), size, r.size(), now, now.plus(s.backupPeriod), key.digest(), key.paramsKey(),
          token, false);
      Store.InsertOutcome out = store.insertImage(rec);
      if (!out.inserted()) {
        // a concurrent upload of the same content won the race: its record stands, this charge goes back
        return new Upload(view(out.image()), true);
      }
      kept = true;
      LocalDate today = LocalDate.ofInstant(now, s.clock.getZone());
      store.recordConsumption(a.id(), today, size, r.size());
      if (a.isSubAccount()) {
        store.recordConsumption(a.parentId(), today, size, r.size());
      }
      recent.put(key, out.image().id());
      return new Upload(view(out.image()), false);
    } finally {
      if (!kept) {
        store.refund(a.id(), window, size);
        s.blobs.delete(blobKey(token, FileType.ORIGIN));
        s.blobs.delete(blobKey(token, FileType.OPTIMIZED));
      }
    }
  }

  private Result optimize(byte[] content, ImageParams params) throws ServiceException {
    try {
      return s.squeeze.optimize(content, params.toOptions());
    } catch (UnsupportedFormatException e) {
      throw new BadRequestException("Unsupported file: " + e.getMessage());
    } catch (CorruptInputException e) {
      throw new BadRequestException("Corrupt file: " + e.getMessage());
    } catch (LimitExceededException e) {
      throw new ForbiddenException("File too large to process: " + e.getMessage());
    } catch (SqueezeException e) {
      throw new BadRequestException("Cannot optimize: " + e.getMessage());
    }
  }

  /** The record for {@code key}, from the cache when hot (checked against the store: it may be deleted). */
  private Optional<ImageRecord> known(DedupeKey key) {
    Long id = recent.getIfPresent(key);
    if (id != null) {
      Optional<ImageRecord> r = s.store.image(id).filter(i -> i.accountId() == key.accountId()
          && i.digest().equals(key.digest()) && i.paramsKey().equals(key.paramsKey()));
      if (r.isPresent()) {
        return r;
      }
      recent.invalidate(key);
    }
    Optional<ImageRecord> r = s.store.imageByDigest(key.accountId(), key.digest(), key.paramsKey());
    r.ifPresent(i -> recent.put(key, i.id()));
    return r;
  }

  /** A client-supplied name reduced to a safe file name: last path segment, {@code [A-Za-z0-9._-]} only. */
  static String sanitize(String name, Format format) {
    String n = name == null ? "" : name;
    n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
    n = n.replaceAll("[^A-Za-z0-9._-]", "_").replaceFirst("^[._]+", "");
    if (n.length() > MAX_NAME) {
      n = n.substring(n.length() - MAX_NAME);
    }
    return n.isEmpty() ? "image." + format.extension() : n;
  }

  Image view(ImageRecord r) {
    return new Image(r.id(), r.filename(), r.width(), r.height(), r.sizeBefore(), r.sizeAfter(), r.created(),
        link(r, FileType.ORIGIN), link(r, FileType.OPTIMIZED), r.expiration());
  }

  private String link(ImageRecord r, FileType type) {
    return s.baseUrl + "/images/" + type.wireName() + "/" + r.token() + "/" + r.filename();
  }

  ImageRecord own(AccountRecord a, long id) throws NotFoundException {
    return s.store.image(id).filter(r -> r.accountId() == a.id())
        .orElseThrow(() -> new NotFoundException("Not found: image " + id));
  }

  void deleteBlobs(ImageRecord r) {
    s.blobs.delete(blobKey(r.token(), FileType.ORIGIN));
    s.blobs.delete(blobKey(r.token(), FileType.OPTIMIZED));
  }

  Download download(FileType type, String token, String name) throws NotFoundException {
    if (type == null || token == null || !TOKEN.matcher(token).matches()) {
      throw new NotFoundException("Not found");
    }
    ImageRecord r = s.store.imageByToken(token).filter(i -> i.filename().equals(name))
        .orElseThrow(() -> new NotFoundException("Not found"));
    byte[] data = file(r, type);
    return new Download(r.filename(), s.squeeze.detect(data).mediaType(), data);
  }

  /** The bytes of one file of {@code r}; 404 when the original's backup period is over. */
  private byte[] file(ImageRecord r, FileType type) throws NotFoundException {
    if (type == FileType.ORIGIN && (r.originPurged() || !s.clock.instant().isBefore(r.expiration()))) {
      throw new NotFoundException("Not found: the original of image " + r.id() + " expired on " + r.expiration());
    }
    return s.blobs.get(blobKey(r.token(), type))
        .orElseThrow(() -> new NotFoundException("Not found: file of image " + r.id()));
  }

  Download zip(AccountRecord a, FileType type, List<Long> ids) throws ServiceException {
    if (ids == null || ids.isEmpty() || ids.size() > MAX_ZIP_IDS) {
      throw new BadRequestException("ids: 1 to " + MAX_ZIP_IDS + " comma-separated image ids");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Set<String> names = new HashSet<>();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (long id : ids) {
        ImageRecord r = own(a, id);
        String entry = names.add(r.filename()) ? r.filename() : r.id() + "-" + r.filename();
        names.add(entry);
        zip.putNextEntry(new ZipEntry(entry));
        zip.write(file(r, type));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return new Download(type.wireName() + ".zip", "application/zip", bytes.toByteArray());
  }
}
