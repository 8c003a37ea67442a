package dev.squeeze.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.squeeze.Squeeze;
import dev.squeeze.service.ApiRequest;
import dev.squeeze.service.ApiResponse;
import dev.squeeze.service.SqueezeService;
import dev.squeeze.service.WireAdapter;
import dev.squeeze.store.StoreException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code squeeze api METHOD PATH}: one call of the compression service's web API, answered in-process by the
 * service facade, with the reference's JSON on standard output.
 */
@Command(
    name = "api",
    mixinStandardHelpOptions = true,
    description = {
        "Calls the compression service API in-process, e.g.:",
        "  squeeze api GET /v1/accounts/mine --auth KEY:SECRET",
        "  squeeze api POST /v1/images --auth KEY:SECRET --file logo.png --field 'params={\"compression_type\":\"lossless\"}'",
        "Prints the response body. Exit codes: 0 success, 1 error status (4xx/5xx), 2 usage error."},
    sortOptions = false)
final class ApiCommand implements Callable<Integer> {
  /** Exit code when the service answered with an error status (the body says which). */
  static final int EXIT_ERROR_STATUS = 1;
  private static final ObjectMapper JSON = new ObjectMapper();

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "METHOD", description = "GET, POST, PUT or DELETE.")
  String method;

  @Parameters(index = "1", paramLabel = "PATH", description = "For example /v1/images or /v1/images?offset=20&limit=20.")
  String path;

  @Option(names = "--auth", paramLabel = "KEY:SECRET", description = "Credentials, sent as auth={\"key\":…,\"secret\":…}.")
  String auth;

  @Option(names = "--field", paramLabel = "NAME=VALUE", description = "A form field, e.g. title=Blog or url=https://… (repeatable).")
  List<String> fields = new ArrayList<>();

  @Option(names = "--file", paramLabel = "FILE", description = "A file to upload (the file field of POST /images).")
  Path file;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the body to FILE instead of standard output.")
  Path output;

  @Mixin
  ServiceOptions serviceOptions;

  private final Squeeze squeeze;
  private final PrintStream binaryOut;

  ApiCommand() {
    this(Squeeze.create(), System.out);
  }

  /** For tests: the engine, and where non-text bodies go when no {@code --output} is given. */
  ApiCommand(Squeeze squeeze, PrintStream binaryOut) {
    this.squeeze = squeeze;
    this.binaryOut = binaryOut;
  }

  @Override
  public Integer call() throws IOException {
    ApiRequest request = ApiRequest.of(method, path);
    if (auth != null) {
      int colon = auth.indexOf(':');
      if (colon < 0) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--auth must be KEY:SECRET");
      }
      String json = JSON.createObjectNode().put("key", auth.substring(0, colon))
          .put("secret", auth.substring(colon + 1)).toString();
      request = request.withField("auth", json);
    }
    for (String f : fields) {
      int eq = f.indexOf('=');
      if (eq < 1) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--field must be NAME=VALUE, was " + f);
      }
      request = request.withField(f.substring(0, eq), f.substring(eq + 1));
    }
    if (file != null) {
      request = request.withFile(file.getFileName().toString(), Files.readAllBytes(file));
    }
    ApiResponse response;
    SqueezeService service;
    try {
      service = serviceOptions.open(squeeze);
    } catch (StoreException e) {
      spec.commandLine().getErr().println("squeeze api: " + e.getMessage());
      return EXIT_ERROR_STATUS;
    }
    try {
      response = new WireAdapter(service).handle(request);
    } finally {
      service.store().close();
    }
    write(response);
    return response.isError() ? EXIT_ERROR_STATUS : 0;
  }

  private void write(ApiResponse r) throws IOException {
    if (output != null) {
      Files.write(output, r.body());
      return;
    }
    if (r.contentType().startsWith("application/json") || r.body().length == 0) {
      PrintWriter out = spec.commandLine().getOut();
      if (r.body().length > 0) {
        out.println(r.bodyText());
      }
      out.flush();
    } else {
      binaryOut.write(r.body());
      binaryOut.flush();
    }
  }
}
