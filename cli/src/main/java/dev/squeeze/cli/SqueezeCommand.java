package dev.squeeze.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code squeeze} command; each job is a subcommand. */
@Command(
    name = "squeeze",
    mixinStandardHelpOptions = true,
    versionProvider = SqueezeCommand.Version.class,
    description = "Makes JPEG, PNG, GIF and PDF files smaller, in pure Java.",
    subcommands = {OptimizeCommand.class, ApiCommand.class, AccountCommand.class, CommandLine.HelpCommand.class})
public final class SqueezeCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** Exit code when the command line itself is wrong (picocli's default for usage errors). */
  static final int EXIT_USAGE = 2;
  /** Exit code when at least one file failed. */
  static final int EXIT_SOME_FAILED = 1;

  /** A configured command line; tests pass a factory that injects a {@code Squeeze}. */
  public static CommandLine commandLine(CommandLine.IFactory factory) {
    CommandLine cl = new CommandLine(new SqueezeCommand(), factory);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    return cl;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand (try: squeeze optimize --help)");
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = SqueezeCommand.class.getPackage().getImplementationVersion();
      return new String[] {"squeeze " + (v == null ? "development build" : v)};
    }
  }
}
