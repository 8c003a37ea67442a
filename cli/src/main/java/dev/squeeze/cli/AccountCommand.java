package dev.squeeze.cli;

import dev.squeeze.Squeeze;
import dev.squeeze.service.Account;
import dev.squeeze.service.SqueezeService;
import dev.squeeze.service.WireAdapter;
import dev.squeeze.store.StoreException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code squeeze account}: the operator's calls, which the reference makes on its website. */
@Command(
    name = "account",
    mixinStandardHelpOptions = true,
    description = "Operator calls of the compression service (the API's own calls are under squeeze api).",
    subcommands = {AccountCommand.Create.class, AccountCommand.Purge.class})
final class AccountCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand (try: squeeze account create)");
  }

  /** No optimizer is needed to create accounts or purge files. */
  static Squeeze noEngine() {
    return Squeeze.builder().providers(List.of()).build();
  }

  /** {@code squeeze account create}: a top-level account, printed as JSON with its key and secret. */
  @Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
      description = "Creates a top-level account and prints it as JSON, with api_key and api_secret.")
  static final class Create implements Callable<Integer> {
    // the reference's own example of a monthly quota (its sub-account curl example): 500 MiB
    static final long DEFAULT_QUOTA = 524_288_000L;
    // the reference publishes no figure; 10 MiB is above any web image and the pages of a typical PDF
    static final long DEFAULT_FILE_MAX_SIZE = 10L << 20;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--title", description = "A name for the account (default: ${DEFAULT-VALUE}).")
    String title = "account";

    @Option(names = "--quota", paramLabel = "BYTES", description = "Bytes per monthly window (default: ${DEFAULT-VALUE}).")
    long quota = DEFAULT_QUOTA;

    @Option(names = "--file-max-size", paramLabel = "BYTES", description = "Largest upload (default: ${DEFAULT-VALUE}).")
    long fileMaxSize = DEFAULT_FILE_MAX_SIZE;

    @Mixin
    ServiceOptions serviceOptions;

    @Override
    public Integer call() {
      if (quota < 0 || fileMaxSize < 1) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "--quota must be 0 or more and --file-max-size at least 1");
      }
      SqueezeService service;
      try {
        service = serviceOptions.open(noEngine());
      } catch (StoreException e) {
        spec.commandLine().getErr().println("squeeze account create: " + e.getMessage());
        return ApiCommand.EXIT_ERROR_STATUS;
      }
      try {
        Account a = service.createAccount(title, quota, fileMaxSize);
        spec.commandLine().getOut().println(WireAdapter.accountJson(a));
        spec.commandLine().getOut().flush();
        return 0;
      } finally {
        service.store().close();
      }
    }
  }

  /** {@code squeeze account purge}: deletes originals past their backup period (for a cron job). */
  @Command(name = "purge", mixinStandardHelpOptions = true,
      description = "Deletes original files whose backup period is over; prints how many.")
  static final class Purge implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ServiceOptions serviceOptions;

    @Override
    public Integer call() {
      SqueezeService service;
      try {
        service = serviceOptions.open(noEngine());
      } catch (StoreException e) {
        spec.commandLine().getErr().println("squeeze account purge: " + e.getMessage());
        return ApiCommand.EXIT_ERROR_STATUS;
      }
      try {
        spec.commandLine().getOut().println(service.purgeExpired());
        spec.commandLine().getOut().flush();
        return 0;
      } finally {
        service.store().close();
      }
    }
  }
}
